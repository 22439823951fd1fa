import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import { addVietnamese, preloadLanguage } from '@luot/ui-shared/use-i18n';
import { viKiosk } from '../../server/src/contract/messages-vi/kiosk';
import '@luot/ui-shared/theme.css';
import './kiosk.css';
import '@luot/ui-shared/pairing.css';
import { App } from './App';

// Before anything reaches the server: the stored kiosk identity goes with every request.
actAsDevice('kiosk');
// The kiosk shows its notices in both languages: English is fetched right after the start.
preloadLanguage('en');

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viKiosk);

mount(<App />);
