/**
 * Start an import job and follow it: polls `importJobs:status` while it runs (both transports
 * answer polls), cancels it, and picks up a job already running in this case file when the page
 * opens (after a reload, or from another window).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { JobStatus } from '../../../shared/contracts/importJobs';
import type { ChannelInput } from '../../../shared/contract';
import { invoke, toContractError } from '../../app/client';

const POLL_MS = 250;

export interface ImportJob {
  job: JobStatus | null;
  error: ContractError | null;
  starting: boolean;
  start: (spec: ChannelInput<'importJobs:start'>) => Promise<void>;
  cancel: () => Promise<void>;
  /** Forget the finished job shown (to start another). */
  clear: () => void;
}

export function useImportJob(): ImportJob {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [starting, setStarting] = useState(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    invoke('importJobs:current', {}).then(
      (j) => alive.current && j?.state === 'running' && setJob(j),
      () => undefined,
    );
    return () => {
      alive.current = false;
    };
  }, []);

  const runningId = job?.state === 'running' ? job.id : null;
  useEffect(() => {
    if (!runningId) return;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      invoke('importJobs:status', { id: runningId }).then(
        (s) => {
          if (!alive.current) return;
          setJob(s);
          if (s.state === 'running') timer = setTimeout(poll, POLL_MS);
        },
        (e: unknown) => alive.current && setError(toContractError(e)),
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => clearTimeout(timer);
  }, [runningId]);

  const start = useCallback(async (spec: ChannelInput<'importJobs:start'>) => {
    setError(null);
    setStarting(true);
    try {
      const s = await invoke('importJobs:start', spec);
      if (alive.current) setJob(s);
    } catch (e) {
      if (alive.current) setError(toContractError(e));
    } finally {
      if (alive.current) setStarting(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!runningId) return;
    try {
      const s = await invoke('importJobs:cancel', { id: runningId });
      if (alive.current) setJob(s);
    } catch (e) {
      if (alive.current) setError(toContractError(e));
    }
  }, [runningId]);

  const clear = useCallback(() => {
    setJob(null);
    setError(null);
  }, []);

  return { job, error, starting, start, cancel, clear };
}
