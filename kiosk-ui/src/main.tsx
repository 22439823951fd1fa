import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { actAsDevice } from '@luot/ui-shared/device';
import '@luot/ui-shared/theme.css';
import './kiosk.css';
import './pairing.css';
import { App } from './App';

// Before anything reaches the server: the stored kiosk identity goes with every request.
actAsDevice('kiosk');

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
