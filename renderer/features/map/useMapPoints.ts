/**
 * `map:points` for the map page: useChannel's behaviour (last answer kept while the next loads,
 * late answers dropped), but the first call takes the answer prefetch.ts started as the app
 * opened, when it is for the same filter.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { MapPoints } from '../../../shared/contracts/map';
import type { IncidentFilter } from '../../../shared/schemas';
import { invoke, toContractError } from '../../app/client';
import type { ChannelState } from '../../app/useChannel';
import { takePrefetchedPoints } from './prefetch';

export function useMapPoints(filter: IncidentFilter): ChannelState<'map:points'> {
  const [data, setData] = useState<MapPoints | undefined>(undefined);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const parsed = JSON.parse(key) as IncidentFilter;
    (takePrefetchedPoints(parsed) ?? invoke('map:points', { filter: parsed })).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(toContractError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
