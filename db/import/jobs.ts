/**
 * Import jobs: each import runs in a worker thread with its own connection to the case file, so
 * the thread that serves the UI stays free to answer polls for progress. One job at a time per
 * case file; while it runs, other writes to that file are refused with a clear message (see
 * db/writeLock.ts) rather than left waiting on the import's transaction.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobSpec, JobStatus } from '../../shared/contracts/importJobs';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { lockWrites } from '../writeLock';
import type { JobMessage, JobWorkerData } from './jobWorker';
import { sharedCancel } from './run';

export interface JobHostConfig {
  /** The worker script: db/import/jobWorkerBoot.mjs under tsx, dist/electron/importWorker.cjs in the app. */
  worker: string | URL;
  /** better-sqlite3 built for this runtime (the Electron main process), as the session's handle uses. */
  nativeBinding?: string | undefined;
}

interface Job {
  status: JobStatus;
  casePath: string;
  cancel: () => void;
  finished: Promise<JobStatus>;
}

let config: JobHostConfig | null = null;
const jobs = new Map<string, Job>();
/** Case file (resolved path) → the id of its running job. */
const running = new Map<string, string>();
/** Case file → the id of the last job started in it this session. */
const latest = new Map<string, string>();
const KEEP_FINISHED = 20;

export function configureImportJobs(c: JobHostConfig): void {
  config = c;
}

const percent = (f: number) => `${Math.floor(f * 100)} %`;

function describe(status: JobStatus): string {
  return `An import of ${status.source} is running in this case file (${percent(status.fraction)} done).`;
}

function checkSpec(spec: JobSpec): JobSpec {
  if (spec.kind === 'airwars') {
    const dir = resolve(spec.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new HandlerError('invalid_input', `${dir} is not a folder. Give the folder that holds incidents.csv and the other Airwars files.`, [{ path: 'dir', message: 'Not a folder' }]);
    }
    return { kind: 'airwars', dir };
  }
  if ('path' in spec.csv) {
    const path = resolve(spec.csv.path);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new HandlerError('invalid_input', `No file at ${path}.`, [{ path: 'csv.path', message: 'No such file' }]);
    }
    return { ...spec, csv: { path } };
  }
  return spec;
}

function signerOf(cf: CaseFile): JobWorkerData['signer'] {
  if (!cf.profile) return null;
  const key = cf.keyStore?.get(cf.profile.id);
  if (!key) throw new HandlerError('refused', `The private key of ${cf.profile.name} is not in this user's key store, so the import could not be signed. Nothing was imported.`);
  return { id: cf.profile.id, name: cf.profile.name, role: cf.profile.role, privateKey: key.privateKey };
}

function forget(): void {
  const done = [...jobs.values()].filter((j) => j.status.state !== 'running');
  for (const j of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(j.status.id);
}

/** Start importing `spec` into the case file in a worker; refused while another import runs in it. */
export function startImportJob(cf: CaseFile, input: JobSpec, onUpdate?: (s: JobStatus) => void): JobStatus {
  if (!config) throw new HandlerError('refused', 'Imports cannot run in this host: no import worker is set up (configureImportJobs).');
  const casePath = resolve(cf.path);
  const other = running.get(casePath);
  if (other) throw new HandlerError('busy', `${describe(jobs.get(other)!.status)} Wait for it to finish, or cancel it, before starting another.`);
  const spec = checkSpec(input);
  const id = randomUUID();
  const status: JobStatus = {
    id,
    kind: spec.kind,
    source: spec.kind === 'airwars' ? spec.dir : 'path' in spec.csv ? spec.csv.path : spec.csv.name,
    state: 'running',
    cancelRequested: false,
    phase: 'read',
    detail: '',
    done: 0,
    total: 0,
    fraction: 0,
    startedAt: cf.now(),
    finishedAt: null,
    report: null,
    error: null,
  };
  const { buffer, cancel } = sharedCancel();
  const data: JobWorkerData = {
    path: casePath,
    actor: cf.actor,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    signer: signerOf(cf),
    spec,
    cancel: buffer,
  };
  const unlock = lockWrites(casePath, () => describe(status));
  running.set(casePath, id);
  latest.set(casePath, id);

  let finish!: (s: JobStatus) => void;
  const finished = new Promise<JobStatus>((r) => (finish = r));
  const end = (patch: Partial<JobStatus>) => {
    if (status.state !== 'running') return;
    Object.assign(status, patch, { finishedAt: cf.now() });
    unlock();
    if (running.get(casePath) === id) running.delete(casePath);
    onUpdate?.({ ...status });
    finish({ ...status });
  };

  let worker: Worker;
  try {
    worker = new Worker(config.worker, { workerData: { casefileImportJob: data } });
  } catch (e) {
    end({ state: 'failed', error: `The import could not start: ${(e as Error).message}. Nothing was imported.` });
    jobs.set(id, { status, casePath, cancel, finished });
    return { ...status };
  }
  worker.on('message', (m: JobMessage) => {
    if (m.type === 'progress') {
      Object.assign(status, m.progress);
      onUpdate?.({ ...status });
    } else if (m.type === 'done') {
      end({ state: 'done', phase: 'done', fraction: 1, report: m.report });
    } else if (m.type === 'cancelled') {
      end({ state: 'cancelled', error: null });
    } else {
      end({ state: 'failed', error: `${m.error} The case file is as it was before the import.` });
    }
  });
  worker.on('error', (e) => end({ state: 'failed', error: `The import stopped: ${e.message}. The case file is as it was before the import.` }));
  worker.on('exit', (code) => end({ state: 'failed', error: `The import stopped unexpectedly (exit code ${code}). The case file is as it was before the import.` }));
  // A running import should not keep a host that is shutting down alive.
  worker.unref();

  jobs.set(id, { status, casePath, cancel, finished });
  forget();
  onUpdate?.({ ...status });
  return { ...status };
}

function jobOf(cf: CaseFile, id: string): Job {
  const job = jobs.get(id);
  if (!job || job.casePath !== resolve(cf.path)) throw new HandlerError('not_found', `No import job ${id} in this session; it may have finished long ago. Past imports are listed with their reports.`);
  return job;
}

export function importJobStatus(cf: CaseFile, input: { id: string }): JobStatus {
  return { ...jobOf(cf, input.id).status };
}

/** Ask a running job to stop; it rolls back at its next check (between batches). */
export function cancelImportJob(cf: CaseFile, input: { id: string }): JobStatus {
  const job = jobOf(cf, input.id);
  if (job.status.state === 'running') {
    job.cancel();
    job.status.cancelRequested = true;
  }
  return { ...job.status };
}

export function currentImportJob(cf: CaseFile): JobStatus | null {
  const id = running.get(resolve(cf.path)) ?? latest.get(resolve(cf.path));
  const job = id ? jobs.get(id) : undefined;
  return job ? { ...job.status } : null;
}

/** Resolves when the job has stopped (done, cancelled or failed): for tests and hosts shutting down. */
export function waitForImportJob(id: string): Promise<JobStatus> {
  const job = jobs.get(id);
  if (!job) return Promise.reject(new Error(`No import job ${id}`));
  return job.finished;
}
