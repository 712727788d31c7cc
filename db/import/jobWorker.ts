/**
 * The body of an import job, run in a worker thread (db/import/jobs.ts starts it): opens its own
 * connection to the case file, runs the import in one transaction, tells the host how it goes,
 * and refreshes the planner's statistics afterwards. A cancel raised by the host through the
 * shared buffer, or any failure, rolls the transaction back: the case file is as it was.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportProgress, ImportReport } from '../../shared/importSchemas';
import type { JobSpec } from '../../shared/contracts/importJobs';
import type { Role } from '../../shared/domain';
import { closeCaseFile, openCaseFile, type CaseFile } from '../casefile';
import { hashSigner } from '../signing';
import { importAirwars } from './airwars/index';
import { assertReadableCsv } from './jobCsv';
import { commitImport } from './mapping/index';
import { ImportCancelled, signalOf } from './run';

export interface JobWorkerData {
  path: string;
  actor: string;
  nativeBinding?: string;
  /** The acting profile: its entries are signed with its key, as on the session's handle. */
  signer: { id: string; name: string; role: Role; privateKey: string } | null;
  spec: JobSpec;
  cancel: SharedArrayBuffer;
}

export type JobMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'cancelled' }
  | { type: 'failed'; error: string };

/** How often progress is posted at most (the phase changing is always posted). */
const PROGRESS_EVERY_MS = 50;

function run(cf: CaseFile, data: JobWorkerData, onProgress: (p: ImportProgress) => void): ImportReport {
  const signal = signalOf(data.cancel);
  const spec = data.spec;
  if (spec.kind === 'airwars') return importAirwars(cf, spec.dir, { onProgress, signal });
  const csv = 'path' in spec.csv
    ? { text: readFileSync(spec.csv.path, 'utf8'), name: basename(spec.csv.path), source: spec.csv.path }
    : { text: spec.csv.text, name: spec.csv.name };
  assertReadableCsv(csv.text, csv.name);
  return commitImport(cf, csv, spec.mapping, { onProgress, signal });
}

export function runJob(data: JobWorkerData, post: (m: JobMessage) => void): void {
  let cf: CaseFile | null = null;
  try {
    cf = openCaseFile(data.path, { actor: data.actor, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
    if (data.signer) {
      const { id, name, role, privateKey } = data.signer;
      cf.profile = { id, name, role, sign: hashSigner(privateKey) };
    }
    let last = 0;
    let lastPhase = '';
    const report = run(cf, data, (p) => {
      const now = Date.now();
      if (p.phase === lastPhase && now - last < PROGRESS_EVERY_MS && p.fraction < 1) return;
      last = now;
      lastPhase = p.phase;
      post({ type: 'progress', progress: p });
    });
    // The import changed a lot of rows: refresh the statistics the query planner relies on.
    cf.db.pragma('optimize');
    post({ type: 'done', report });
  } catch (e) {
    if (e instanceof ImportCancelled) post({ type: 'cancelled' });
    else post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  } finally {
    if (cf) closeCaseFile(cf);
  }
}

if (parentPort && (workerData as { casefileImportJob?: JobWorkerData } | null)?.casefileImportJob) {
  const port = parentPort;
  runJob((workerData as { casefileImportJob: JobWorkerData }).casefileImportJob, (m) => port.postMessage(m));
}
