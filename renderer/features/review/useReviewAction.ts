import { useCallback, useState } from 'react';
import type { Channel, ChannelInput, ContractError } from '../../../shared/contract';
import type { ReviewState } from '../../../shared/contracts/review';
import { invoke, toContractError } from '../../app/client';

type ActionChannel = 'workflow:submit' | 'review:decide' | 'grading:grade' | 'workflow:publish' | 'workflow:reopen';

/**
 * Run one workflow action: busy while it runs, its refusal kept to show beside the form, and on
 * success the incident's new review state handed to `onDone`.
 */
export function useReviewAction(onDone: (state: ReviewState) => void) {
  const [busy, setBusy] = useState<Channel | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const run = useCallback(
    async <C extends ActionChannel>(channel: C, input: ChannelInput<C>): Promise<boolean> => {
      setBusy(channel);
      setError(null);
      try {
        const state = (await invoke(channel, input)) as ReviewState;
        onDone(state);
        return true;
      } catch (e) {
        setError(toContractError(e));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [onDone],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
