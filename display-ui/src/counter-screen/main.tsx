import { actAsDevice } from '@luot/ui-shared/device';
import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import '@luot/ui-shared/pairing.css';
import './counter-screen.css';
import { CounterScreenApp } from './CounterScreenApp';
import { addVietnamese } from '@luot/ui-shared/use-i18n';
import { viCounterScreen } from '../../../server/src/contract/messages-vi/counter-screen';

// Before anything reaches the server: the stored identity goes with every request.
actAsDevice('counter');

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viCounterScreen);

mount(<CounterScreenApp />);
