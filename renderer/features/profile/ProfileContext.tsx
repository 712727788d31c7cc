/**
 * Who is acting in this session (profile:current), shared by the header's profile menu and the
 * gate that asks for a profile before anything else. Switching or creating a profile reloads
 * it; the gate then remounts the page, so everything shown is fetched again as the new person.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ChannelOutput, ContractError } from '../../../shared/contract';
import type { ProfileCreateInput, ProfileInfo } from '../../../shared/contracts/profiles';
import { invoke, toContractError } from '../../app/client';
import { takeProfileCheck } from './profileCheck';

export interface ProfileState {
  current: ChannelOutput<'profile:current'> | undefined;
  error: ContractError | null;
  loading: boolean;
  reload: () => void;
  switchTo: (id: string) => Promise<ProfileInfo>;
  create: (input: ProfileCreateInput) => Promise<ProfileInfo>;
}

const ProfileContext = createContext<ProfileState | null>(null);

export function ProfileProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<ChannelOutput<'profile:current'> | undefined>(undefined);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    (takeProfileCheck() ?? invoke('profile:current', {})).then(
      (value) => {
        if (!live) return;
        setCurrent(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(toContractError(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const switchTo = useCallback(
    async (id: string) => {
      const p = await invoke('profile:switch', { id });
      reload();
      return p;
    },
    [reload],
  );
  const create = useCallback(
    async (input: ProfileCreateInput) => {
      const p = await invoke('profile:create', input);
      reload();
      return p;
    },
    [reload],
  );

  return (
    <ProfileContext.Provider value={{ current, error, loading, reload, switchTo, create }}>{children}</ProfileContext.Provider>
  );
}

export function useProfile(): ProfileState {
  const state = useContext(ProfileContext);
  if (!state) throw new Error('useProfile needs a ProfileProvider above it');
  return state;
}
