import type { JobStatus } from '../../../shared/contracts/importJobs';

const PHASES: Record<JobStatus['phase'], string> = {
  read: 'Reading the files',
  check: 'Checking the rows',
  write: 'Writing to the case file',
  done: 'Finishing',
};

/** A running import: a progress bar that moves, what it is doing, and Cancel. */
export function JobProgress({ job, onCancel }: { job: JobStatus; onCancel: () => void }) {
  const percent = Math.round(job.fraction * 100);
  const running = job.state === 'running';
  return (
    <div className="import-progress" aria-live="polite">
      <p>
        <strong>{running ? (job.cancelRequested ? 'Cancelling…' : PHASES[job.phase]) : STATE_WORDS[job.state]}</strong>{' '}
        <span className="muted">
          {job.source}
          {running && job.detail ? ` · ${job.detail}` : ''}
        </span>
      </p>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %, ${running ? PHASES[job.phase].toLowerCase() : STATE_WORDS[job.state].toLowerCase()}`}
        data-state={job.state}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="small">
        <span data-testid="import-percent">{percent} %</span>
        {running && job.total > 0 && job.phase === 'write' && ` · ${job.done.toLocaleString()} of ${job.total.toLocaleString()}`}
      </p>
      {running && (
        <button type="button" onClick={onCancel} disabled={job.cancelRequested}>
          {job.cancelRequested ? 'Cancelling…' : 'Cancel import'}
        </button>
      )}
      {running && <p className="small muted">Other changes to this case file wait until the import has finished or been cancelled.</p>}
    </div>
  );
}

export const STATE_WORDS: Record<JobStatus['state'], string> = {
  running: 'Importing',
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import failed',
};
