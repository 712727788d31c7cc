/**
 * Opening on the map: its incidents (the URL's filter) start loading now, while the rest of the
 * app's code is evaluated (main.tsx imports this right after boot.ts).
 */
import { prefetchMap } from './features/map/prefetch';

prefetchMap();
