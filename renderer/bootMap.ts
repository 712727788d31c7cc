/**
 * Opening on the map: its incidents (the URL's filter) start loading now, while the rest of the
 * app's code is evaluated (start.tsx, the app chunk, imports this first).
 */
import { prefetchMap } from './features/map/prefetch';

prefetchMap();
