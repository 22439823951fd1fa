import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './kiosk.css';
import './pairing.css';
import { App } from './App';

// Before anything reaches the server: the stored kiosk identity goes with every request.
actAsDevice('kiosk');

mount(<App />);
