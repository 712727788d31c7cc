/**
 * Bootstrap, in two steps so that the first is small: this entry holds only boot.ts (the bridge
 * to the case file, the profile check, and on #/map the map's code and basemap), which starts
 * those requests as soon as this small file is evaluated; the app (React, the router, zod, the
 * pages: start.tsx) is fetched and evaluated alongside them, rather than before them.
 */
import { prefetchForRoute } from './boot';
import './styles.css';
import './styles/pages.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
import('./start').then(
  (app) => app.start(root),
  (e: unknown) => {
    root.textContent = `The app could not load: ${e instanceof Error ? e.message : String(e)}. Reload the page.`;
  },
);
prefetchForRoute();
