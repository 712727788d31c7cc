/**
 * The app's first statements, before React, the router and the pages are even fetched
 * (main.tsx, the small entry chunk, imports this module first; the app, start.tsx, is a chunk
 * of its own that main.tsx loads next): make sure a bridge to the case file exists
 * (Electron's preload provides one; in a browser served by `casefile serve`, install the HTTP
 * bridge), ask who is acting, which every page waits for, and (prefetchForRoute, once the
 * app's code is asked for) when the page opens on the map, start fetching the map's code.
 */
import { installBridgeIfNeeded } from './app/bridge';
import { prefetchMapCode } from './features/map/prefetchCode';
import { startProfileCheck } from './features/profile/profileCheck';

installBridgeIfNeeded();
startProfileCheck();

/**
 * Opening on the map: its code, basemap and incidents start loading too. main.tsx calls this
 * just after it has asked for the app's own code, so that the app's chunks are asked for first:
 * the browser has six connections to the app's origin, and when the map's megabytes took them
 * first, the app's code (which React needs before anything can render) came last.
 */
export function prefetchForRoute(): void {
  prefetchMapCode();
}
