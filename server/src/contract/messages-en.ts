import type { Messages } from './message-keys';
import { enAdmin } from './messages-en/admin';
import { enAdminErrors } from './messages-en/admin-errors';
import { enAdminReports } from './messages-en/admin-reports';
import { enCommon } from './messages-en/common';
import { enCounter } from './messages-en/counter';
import { enCounterScreen } from './messages-en/counter-screen';
import { enDisplay } from './messages-en/display';
import { enKiosk } from './messages-en/kiosk';
import { enTrack } from './messages-en/track';

/**
 * English, the second language; every Vietnamese key has its English line. Kept in one
 * module per screen (messages-en/), beside the Vietnamese ones (messages-vi/); screens
 * load this whole table when a user first switches to English.
 */
export const en: Messages = {
  ...enCommon,
  ...enKiosk,
  ...enDisplay,
  ...enCounter,
  ...enCounterScreen,
  ...enTrack,
  ...enAdmin,
  ...enAdminReports,
  ...enAdminErrors,
};
