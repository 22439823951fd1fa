import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './counter.css';
import './counter-state.css';
import './lists.css';
import './dialogs.css';
import './console-layout.css';
import { App } from './App';
import { addVietnamese } from '@luot/ui-shared/use-i18n';
import { viCounter } from '../../server/src/contract/messages-vi/counter';

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viCounter);

mount(<App />);
