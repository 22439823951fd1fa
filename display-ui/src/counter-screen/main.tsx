import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import '@luot/ui-shared/pairing.css';
import './counter-screen.css';
import { CounterScreenApp } from './CounterScreenApp';

// Before anything reaches the server: the stored identity goes with every request.
actAsDevice('counter');

mount(<CounterScreenApp />);
