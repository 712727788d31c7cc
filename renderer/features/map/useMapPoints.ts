/**
 * `map:points` for the map page: useChannel's behaviour (last answer kept while the next loads,
 * late answers dropped), but the first call takes the answer prefetch.ts started as the app
 * opened (pointsPrefetch.ts), when it is for the same filter.
 */
import type { IncidentFilter } from '../../../shared/schemas';
import { invoke } from '../../app/client';
import { useLoad, type ChannelState } from '../../app/useChannel';
import { takePrefetchedPoints } from './pointsPrefetch';

export function useMapPoints(filter: IncidentFilter): ChannelState<'map:points'> {
  const key = JSON.stringify(filter);
  return useLoad<'map:points'>(() => {
    const parsed = JSON.parse(key) as IncidentFilter;
    return takePrefetchedPoints(parsed) ?? invoke('map:points', { filter: parsed });
  }, [key]);
}
