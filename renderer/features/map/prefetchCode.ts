/**
 * The map's code (MapLibre, about 1 MB) and its basemap, fetched as soon as the app starts when
 * it opens on #/map: boot.ts calls this before the rest of the app's code is even evaluated.
 * Light on purpose (no zod, no React): the incidents of a filtered map, which need the URL's
 * filter parsed, are prefetched by prefetch.ts; those of the unfiltered map here.
 */
import { loadBasemapPack } from './basemapPack';
import { startIncidentWorker } from './incidentWorkerStart';
import { startMapLibreWorker } from './maplibreWorkerStart';
import { prefetchPoints } from './pointsPrefetch';

type MapPageModule = typeof import('./MapPage');
let loaded: MapPageModule | null = null;

/** The map page's code, fetched once (lazy.tsx renders it; prefetching uses the same import). */
export const loadMapPage = () =>
  import('./MapPage').then((m) => {
    loaded = m;
    return m;
  });

/** The map page's module if its code has already been evaluated (prefetched at boot), else null. */
export const loadedMapPage = (): MapPageModule | null => loaded;

/** The path and search params of a hash route such as "#/map?grade=fair". */
export function hashRoute(hash: string): { path: string; params: URLSearchParams } {
  const route = hash.replace(/^#/, '');
  const q = route.indexOf('?');
  return { path: q < 0 ? route : route.slice(0, q), params: new URLSearchParams(q < 0 ? '' : route.slice(q + 1)) };
}

/** Start fetching the map's code and basemap if the page opens on the map. */
export function prefetchMapCode(hash = window.location.hash): void {
  const route = hashRoute(hash);
  if (route.path !== '/map') return;
  // In the order the map needs them (the browser has six connections to the app's origin): the
  // map's code and basemap, the incidents (the first view is fitted to them), then the workers'
  // code, needed only once the map is made.
  loadMapPage().catch(() => undefined); // the route's own import reports a failure
  loadBasemapPack().catch(() => undefined); // as does the map, when it needs the basemap
  // No params: the filter is empty (what parseFilter makes of no params), so its incidents can
  // be asked for now, without the filter parser (zod), which comes with the app's code.
  if (route.params.size === 0) prefetchPoints({});
  startIncidentWorker();
  startMapLibreWorker();
}
