/**
 * Export jobs for the app: `bundle:start` begins an export and `bundle:step` advances it for a
 * short slice of time and reports progress, so a synchronous handler never blocks the UI for
 * the whole export and the progress bar moves. `bundle:cancel` stops a job; its partial file is
 * removed (db/bundle/export.ts). Jobs live in this process, per case-file handle.
 */
import { randomUUID } from 'node:crypto';
import type { ExportProgress } from '../../shared/contracts/bundle';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import type { ParsedFilter } from '../filters';
import { exportBundleSteps, type ExportResult, type ExportStep } from './export';

interface Job {
  cf: CaseFile;
  it: Generator<ExportStep, ExportResult>;
  last: ExportStep;
  result: ExportResult | null;
}

const jobs = new Map<string, Job>();
const SLICE_MS = 150;

function progress(id: string, job: Job): ExportProgress {
  const r = job.result;
  return {
    jobId: id,
    phase: job.last.phase,
    done: job.last.done,
    total: job.last.total,
    finished: r !== null,
    result: r ? { path: r.path, sha256: r.sha256, size: r.size, files: r.files, signed: r.signed, incidents: r.incidents } : null,
  };
}

function advance(id: string, job: Job): ExportProgress {
  const until = Date.now() + SLICE_MS;
  try {
    while (!job.result && Date.now() < until) {
      const r = job.it.next();
      if (r.done) job.result = r.value;
      else job.last = r.value;
    }
  } catch (e) {
    jobs.delete(id);
    throw e;
  }
  if (job.result) jobs.delete(id);
  return progress(id, job);
}

export function startExport(cf: CaseFile, input: { profile: string; filter: ParsedFilter; out: string }): ExportProgress {
  const id = randomUUID();
  const job: Job = { cf, it: exportBundleSteps(cf, input), last: { phase: 'Starting', done: 0, total: 1 }, result: null };
  jobs.set(id, job);
  return advance(id, job);
}

export function stepExport(cf: CaseFile, input: { jobId: string }): ExportProgress {
  const job = jobs.get(input.jobId);
  if (!job || job.cf !== cf) throw new HandlerError('not_found', 'No export is running with that id (it finished, failed or was cancelled).');
  return advance(input.jobId, job);
}

export function cancelExport(cf: CaseFile, input: { jobId: string }): { cancelled: boolean } {
  const job = jobs.get(input.jobId);
  if (!job || job.cf !== cf) return { cancelled: false };
  jobs.delete(input.jobId);
  job.it.return(undefined as never); // runs the exporter's cleanup: the partial file is removed
  return { cancelled: true };
}
