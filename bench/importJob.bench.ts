/**
 * `npm run bench -- importJob`: the full Airwars archive imported through an import job (a
 * worker thread with its own connection, as the app does it) against the same import run
 * directly on this thread, in the same run. Prints both wall times, their ratio, and the
 * longest the calling thread went without turning its event loop during the job (what the UI
 * would feel). Nothing here fails on a time.
 *
 *   CASEFILE_ARCHIVE=dir  the archive (default ../shared/data/airwars-syria)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { importAirwars } from '../db/import/airwars/index';
import { configureImportJobs, startImportJob, waitForImportJob } from '../db/import/jobs';
import { TSX_IMPORT_WORKER } from '../db/import/jobWorkerTsx';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
configureImportJobs({ worker: TSX_IMPORT_WORKER });
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-job-'));
try {
  const direct = createCaseFile(join(work, 'direct.casefile'));
  let t = performance.now();
  importAirwars(direct, archive);
  const directSeconds = (performance.now() - t) / 1000;
  closeCaseFile(direct);

  const viaJob = createCaseFile(join(work, 'job.casefile'));
  let last = performance.now();
  let maxGap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 20);
  t = performance.now();
  const end = await waitForImportJob(startImportJob(viaJob, { kind: 'airwars', dir: archive }).id);
  const jobSeconds = (performance.now() - t) / 1000;
  clearInterval(tick);
  closeCaseFile(viaJob);
  if (end.state !== 'done') throw new Error(`The job ended ${end.state}: ${end.error}`);
  console.log(`direct import (this thread):   ${directSeconds.toFixed(2)} s`);
  console.log(`import job (worker thread):    ${jobSeconds.toFixed(2)} s  (${(jobSeconds / directSeconds).toFixed(2)}× the direct import)`);
  console.log(`longest stall of this thread during the job: ${Math.round(maxGap)} ms (ticks every 20 ms)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
