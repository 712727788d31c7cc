/**
 * Who is acting (profile:current) is asked as soon as the app starts, before anything else goes
 * to the case: every page waits for this answer (ProfileGate), so it goes first, ahead of a
 * page's own data. The provider's first load takes the answer; later loads ask again.
 */
import type { ChannelOutput } from '../../../shared/contract';
import { invoke } from '../../app/client';

let early: Promise<ChannelOutput<'profile:current'>> | null = null;

export function startProfileCheck(): void {
  early ??= invoke('profile:current', {});
  early.catch(() => undefined); // the provider that takes it reports the error
}

/** The check started at boot, once; null if none is waiting. */
export function takeProfileCheck(): Promise<ChannelOutput<'profile:current'>> | null {
  const started = early;
  early = null;
  return started;
}
