import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import '@luot/ui-shared/pairing.css';
import './display.css';
import { App } from './App';

// Before anything reaches the server: a paired display's identity goes with every request.
actAsDevice('display');

mount(<App />);
