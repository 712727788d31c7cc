/**
 * When the app opens on #/map, what the map needs starts loading at once, side by side with the
 * app frame and the profile check, instead of one after the other once the page mounts: the
 * map's code (MapLibre), the basemap's tiles and glyphs, and the incidents of the URL's filter. Nothing here
 * imports MapLibre: this file is in the app's own chunk (start.tsx), before React renders.
 */
import { parseFilter } from '../../app/filters';
import { prefetchPoints } from './pointsPrefetch';
import { hashRoute, prefetchMapCode } from './prefetchCode';

/**
 * Start loading the map if the page opens on it. "Assigned to me" depends on who signs in
 * (the profile gate may still ask), so such a filter is not prefetched.
 */
export function prefetchMap(hash = window.location.hash): void {
  const { path, params } = hashRoute(hash);
  if (path !== '/map') return;
  prefetchMapCode(hash); // already under way from boot.ts: the same import and fetch, once
  const filter = parseFilter(params);
  if (filter.assignedTo === 'me') return;
  prefetchPoints(filter); // for the unfiltered map, boot.ts asked already: not asked twice
}
