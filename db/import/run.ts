/**
 * What every import shares: options (progress callback, cancel signal, dry run), the one
 * transaction it runs in, and the saved report. An import runs synchronously; the signal is
 * checked between batches, so a host that runs it off its UI thread (a worker with its own
 * connection) can cancel it; a cancelled or failed import rolls back entirely.
 */
import { randomUUID } from 'node:crypto';
import type { EntityCounts, ImportKind, ImportPhase, ImportProblem, ImportProgress, ImportReport } from '../../shared/importSchemas';
import { change, type Writer } from '../audit';
import type { CaseFile } from '../casefile';

export interface ImportOptions {
  /** Called between batches; `fraction` moves from 0 to 1. */
  onProgress?: (p: ImportProgress) => void;
  /** Checked between batches (an AbortSignal will do); when aborted, nothing is saved. */
  signal?: { readonly aborted: boolean };
  /** Do everything, report it, and roll back. */
  dryRun?: boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; the case file is as it was before.');
    this.name = 'ImportCancelled';
  }
}

class DryRunDone extends Error {}

/**
 * A cancel signal that another thread can raise: the host runs the import in a worker (with its
 * own connection to the case file), hands it `buffer`, and calls `cancel()` from the UI thread;
 * the worker passes `signalOf(buffer)` as the import's signal.
 */
export function sharedCancel(): { buffer: SharedArrayBuffer; cancel: () => void } {
  const buffer = new SharedArrayBuffer(4);
  return { buffer, cancel: () => void Atomics.store(new Int32Array(buffer), 0, 1) };
}

export function signalOf(buffer: SharedArrayBuffer): { readonly aborted: boolean } {
  const flag = new Int32Array(buffer);
  return {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  };
}

/** Progress reporting and cancel checks for one run, over phases weighted by `weights`. */
export function progressOf(opts: ImportOptions, weights: Record<Exclude<ImportPhase, 'done'>, [number, number]>) {
  return (phase: ImportPhase, detail: string, done: number, total: number) => {
    if (opts.signal?.aborted) throw new ImportCancelled();
    const [from, to] = phase === 'done' ? [1, 1] : weights[phase];
    const fraction = from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1);
    opts.onProgress?.({ phase, detail, done, total, fraction });
  };
}

export interface RunResult {
  counts: Record<string, EntityCounts>;
  createdCodes: string[];
  updatedCodes: string[];
  changes: ImportReport['changes'];
  problems: ImportProblem[];
  notInSource: number;
}

/** Run `apply` in one audited transaction and save its report (unless a dry run). */
export function runImport(
  cf: CaseFile,
  meta: { kind: ImportKind; source: string; files: ImportReport['files']; startedAt: string },
  opts: ImportOptions,
  reason: string,
  apply: (w: Writer, importId: string) => RunResult,
): ImportReport {
  const id = randomUUID();
  let report: ImportReport | undefined;
  try {
    change(cf, `${reason} (import ${id})`, (w) => {
      const r = apply(w, id);
      const problemCounts: Record<string, number> = {};
      for (const p of r.problems) problemCounts[p.kind] = (problemCounts[p.kind] ?? 0) + 1;
      report = {
        id,
        kind: meta.kind,
        source: meta.source,
        actor: cf.actor,
        startedAt: meta.startedAt,
        finishedAt: cf.now(),
        dryRun: Boolean(opts.dryRun),
        files: meta.files,
        counts: r.counts,
        createdCodes: r.createdCodes,
        updatedCodes: r.updatedCodes,
        changes: r.changes,
        problems: r.problems,
        problemCounts,
        notInSource: r.notInSource,
        auditEntries: w.entries,
      };
      if (opts.dryRun) throw new DryRunDone();
      const sum = (k: keyof EntityCounts) => Object.values(r.counts).reduce((a, c) => a + c[k], 0);
      w.journal('imports', {
        id,
        kind: meta.kind,
        source: meta.source,
        actor: cf.actor,
        started_at: meta.startedAt,
        finished_at: report.finishedAt,
        created: sum('created'),
        updated: sum('updated'),
        unchanged: sum('unchanged'),
        removed: sum('removed'),
        left_out: sum('leftOut'),
        problems: r.problems.length,
        report_json: JSON.stringify(report),
      });
    });
  } catch (e) {
    if (!(e instanceof DryRunDone)) throw e;
  }
  return report!;
}
