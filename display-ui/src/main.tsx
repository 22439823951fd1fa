import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './display.css';
import { App } from './App';

mount(<App />);
