/**
 * The incidents the map opens with (`map:points` of the URL's filter), asked for before the map
 * page renders and taken by its first load (useMapPoints). Light on purpose (no zod): boot.ts
 * asks here for the unfiltered map (#/map with no params) before the app's code is fetched;
 * prefetch.ts, once zod is there, for any other filter.
 */
import type { MapPoints } from '../../../shared/contracts/map';
import type { IncidentFilter } from '../../../shared/schemas';
import { invoke } from '../../app/client';

/** A prefetched answer is used once, and only this soon after it was asked for. */
const FRESH_MS = 15_000;

let pending: { key: string; at: number; promise: Promise<MapPoints> } | null = null;

const keyOf = (filter: IncidentFilter) => JSON.stringify(filter);

/** Ask for this filter's incidents now, unless they were asked for a moment ago. */
export function prefetchPoints(filter: IncidentFilter): void {
  const key = keyOf(filter);
  if (pending && pending.key === key && performance.now() - pending.at <= FRESH_MS) return;
  const promise = invoke('map:points', { filter });
  promise.catch(() => undefined); // whoever takes it sees the error
  pending = { key, at: performance.now(), promise };
}

/** The prefetched incidents for this filter, if they were asked for a moment ago; once. */
export function takePrefetchedPoints(filter: IncidentFilter): Promise<MapPoints> | null {
  const p = pending;
  pending = null;
  if (!p || p.key !== keyOf(filter) || performance.now() - p.at > FRESH_MS) return null;
  return p.promise;
}
