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
import { hashRoute, prefetchMapCode } from './prefetchCode';

/** A prefetched answer is used once, and only this soon after it was asked for. */
const FRESH_MS = 15_000;

let pending: { key: string; at: number; promise: Promise<MapPoints> } | null = null;

const keyOf = (filter: IncidentFilter) => JSON.stringify(filter);

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
