import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { JobStatus } from '../../../shared/contracts/importJobs';
import { invoke } from '../../app/client';

const CHECK_EVERY_MS = 3000;

/**
 * On every page but Import: while an import runs in this case file, say so (changes are refused
 * until it ends) and link to its progress.
 */
export function ImportRunningBanner() {
  const { pathname } = useLocation();
  const [job, setJob] = useState<JobStatus | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      if (document.visibilityState === 'visible') {
        invoke('importJobs:current', {}).then(
          (j) => alive && setJob(j),
          () => undefined,
        );
      }
      timer = setTimeout(check, CHECK_EVERY_MS);
    };
    check();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // Checked again on every page change, so it shows as soon as one leaves the Import page.
  }, [pathname]);
  if (!job || job.state !== 'running' || pathname.startsWith('/import')) return null;
  return (
    <div className="banner" role="status" data-testid="import-running-banner">
      An import of <code>{job.source}</code> is running ({Math.floor(job.fraction * 100)} %): changes to this case file can be saved when it has finished.{' '}
      <Link to="/import">See its progress</Link>
    </div>
  );
}
