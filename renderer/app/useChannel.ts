/**
 * A small query hook: call a channel when its input changes, keep the last answer while the
 * next one loads, and drop answers that arrive after a newer call or after unmounting.
 */
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import type { Channel, ChannelInput, ChannelOutput, ContractError } from '../../shared/contract';
import { invoke, toContractError } from './client';

export interface ChannelState<C extends Channel> {
  data: ChannelOutput<C> | undefined;
  error: ContractError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * `deps` says when to call again; by default, whenever the input changes by value
 * (inputs cross the bridge as JSON, so JSON equality is the right equality).
 */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C>, deps?: DependencyList): ChannelState<C> {
  const key = JSON.stringify(input);
  // The input is compared by value (key) unless deps are given.
  return useLoad(() => invoke(channel, input), [channel, ...(deps ?? [key])]);
}

/**
 * The hook behind useChannel, for a caller that loads a channel's answer its own way (e.g. takes
 * one already prefetched): `load` runs again when `deps` change or on reload().
 */
export function useLoad<C extends Channel>(load: () => Promise<ChannelOutput<C>>, deps: DependencyList): ChannelState<C> {
  const [data, setData] = useState<ChannelOutput<C> | undefined>(undefined);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is new on every render; deps say when it changes
  }, [attempt, ...deps]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
