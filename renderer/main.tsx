/**
 * Bootstrap: make sure a bridge to the case file exists (Electron's preload provides one; in a
 * browser served by `casefile serve`, install the HTTP bridge), then render the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installBridgeIfNeeded } from './app/bridge';
import { prefetchMap } from './features/map/prefetch';
import { startProfileCheck } from './features/profile/ProfileContext';
import './styles.css';
import './styles/pages.css';

installBridgeIfNeeded();
// Every page waits for who is acting: that question goes to the case first.
startProfileCheck();
// Opening on the map: its code and data start loading now, alongside the app's own start.
prefetchMap();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
