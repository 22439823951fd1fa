import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@luot/ui-shared/theme.css';
import './track.css';
import { TrackApp } from './TrackApp';
import { tokenFromPath } from './use-tracking';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root');
createRoot(root).render(
  <StrictMode>
    <TrackApp token={tokenFromPath(location.pathname)} />
  </StrictMode>,
);
