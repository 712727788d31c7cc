/**
 * Bootstrap: boot.ts (first: the bridge to the case file, the profile check) and bootMap.ts
 * (the map's prefetch) run before the rest of the app's code is evaluated; then render the app.
 */
import './boot';
import './bootMap';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';
import './styles/pages.css';


const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
