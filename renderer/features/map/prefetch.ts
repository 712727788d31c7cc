/**
 * When the app opens on #/map, what the map needs starts loading at once, side by side with the
 * app frame and the profile check, instead of one after the other once the page mounts: the
 * map's code (MapLibre), the basemap's tiles and glyphs, and the incidents of the URL's filter. Nothing here
 * imports MapLibre: this file is in the app's first bundle.
 */
import type { MapPoints } from '../../../shared/contracts/map';
import type { IncidentFilter } from '../../../shared/schemas';
import { invoke } from '../../app/client';
import { parseFilter } from '../../app/filters';
import { loadBasemapPack } from './basemapPack';

/** The map page's code, fetched once (lazy.tsx renders it; prefetching uses the same import). */
export const loadMapPage = () => import('./MapPage');

/** A prefetched answer is used once, and only this soon after it was asked for. */
const FRESH_MS = 15_000;

let pending: { key: string; at: number; promise: Promise<MapPoints> } | null = null;

const keyOf = (filter: IncidentFilter) => JSON.stringify(filter);

/** The path and search params of a hash route such as "#/map?grade=fair". */
export function hashRoute(hash: string): { path: string; params: URLSearchParams } {
  const route = hash.replace(/^#/, '');
  const q = route.indexOf('?');
  return { path: q < 0 ? route : route.slice(0, q), params: new URLSearchParams(q < 0 ? '' : route.slice(q + 1)) };
}

/**
 * Start loading the map if the page opens on it. "Assigned to me" depends on who signs in
 * (the profile gate may still ask), so such a filter is not prefetched.
 */
export function prefetchMap(hash = window.location.hash): void {
  const { path, params } = hashRoute(hash);
  if (path !== '/map') return;
  loadMapPage().catch(() => undefined); // the route's own import reports a failure
  loadBasemapPack().catch(() => undefined); // as does the map, when it needs the basemap
  const filter = parseFilter(params);
  if (filter.assignedTo === 'me') return;
  const promise = invoke('map:points', { filter });
  promise.catch(() => undefined); // whoever takes it sees the error
  pending = { key: keyOf(filter), at: performance.now(), promise };
}

/** The prefetched incidents for this filter, if they were asked for a moment ago; once. */
export function takePrefetchedPoints(filter: IncidentFilter): Promise<MapPoints> | null {
  const p = pending;
  pending = null;
  if (!p || p.key !== keyOf(filter) || performance.now() - p.at > FRESH_MS) return null;
  return p.promise;
}
