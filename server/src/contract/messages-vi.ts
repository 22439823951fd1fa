import { viAdmin } from './messages-vi/admin';
import { viAdminErrors } from './messages-vi/admin-errors';
import { viAdminReports } from './messages-vi/admin-reports';
import { viCommon } from './messages-vi/common';
import { viCounter } from './messages-vi/counter';
import { viCounterScreen } from './messages-vi/counter-screen';
import { viDisplay } from './messages-vi/display';
import { viKiosk } from './messages-vi/kiosk';
import { viTrack } from './messages-vi/track';

/**
 * Vietnamese, the default language: full diacritics, NFC. Kept in one module per screen
 * (messages-vi/) so that each screen's first load carries only its own strings and the
 * shared ones; the server and English see them all, here.
 */
export const vi = {
  ...viCommon,
  ...viKiosk,
  ...viDisplay,
  ...viCounter,
  ...viCounterScreen,
  ...viTrack,
  ...viAdmin,
  ...viAdminReports,
  ...viAdminErrors,
} as const;
