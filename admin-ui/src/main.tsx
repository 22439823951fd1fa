import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './admin.css';
import { App } from './App';
import { addVietnamese } from '@luot/ui-shared/use-i18n';
import { viAdmin } from '../../server/src/contract/messages-vi/admin';
import { viAdminErrors } from '../../server/src/contract/messages-vi/admin-errors';
import { viAdminReports } from '../../server/src/contract/messages-vi/admin-reports';

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viAdmin);
addVietnamese(viAdminReports);
addVietnamese(viAdminErrors);

mount(<App />);
