/**
 * The app's first statements, before React, the router and the pages are even fetched
 * (main.tsx, the small entry chunk, imports this module first; the app, start.tsx, is a chunk
 * of its own that main.tsx loads next): make sure a bridge to the case file exists
 * (Electron's preload provides one; in a browser served by `casefile serve`, install the HTTP
 * bridge), ask who is acting, which every page waits for, and when the page opens on the map,
 * start fetching the map's code.
 */
import { installBridgeIfNeeded } from './app/bridge';
import { prefetchMapCode } from './features/map/prefetchCode';
import { startProfileCheck } from './features/profile/profileCheck';

installBridgeIfNeeded();
startProfileCheck();
// Opening on the map: its code and basemap start loading now too.
prefetchMapCode();
