import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './counter.css';
import './counter-state.css';
import './lists.css';
import './dialogs.css';
import { App } from './App';

mount(<App />);
