import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui-shared/theme.css';
import './counter.css';
import './counter-state.css';
import './lists.css';
import './dialogs.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
