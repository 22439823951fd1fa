import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import '@luot/ui-shared/pairing.css';
import './display.css';
import { App } from './App';
import { addVietnamese } from '@luot/ui-shared/use-i18n';
import { viDisplay } from '../../server/src/contract/messages-vi/display';

// Before anything reaches the server: a paired display's identity goes with every request.
actAsDevice('display');

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viDisplay);

mount(<App />);
