/**
 * Measuring a handler against the same SQL run directly: record the statements a handler
 * runs (SQL, method, arguments) through a recording `prepare`, then replay them on statements
 * prepared once. Both run in the same process, interleaved, so machine load affects both alike.
 */
import type Database from 'better-sqlite3';
import type { CaseFile } from '../db/casefile';
import { dispatch } from '../db/handlers';

type Method = 'all' | 'get' | 'run';
export interface RecordedCall {
  sql: string;
  method: Method;
  args: unknown[];
}

/** The statements one `dispatch(channel, input)` runs, in order. */
export function recordStatements(cf: CaseFile, channel: string, input: unknown): RecordedCall[] {
  const db = cf.db as Database.Database & { prepare: Database.Database['prepare'] };
  const calls: RecordedCall[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const stmt = original(sql);
    for (const method of ['all', 'get', 'run'] as const) {
      const fn = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        calls.push({ sql, method, args });
        return fn(...args);
      };
    }
    return stmt;
  }) as Database.Database['prepare'];
  try {
    const r = dispatch(cf, channel, input);
    if (!r.ok) throw new Error(`${channel} failed while recording: ${r.error.message}`);
  } finally {
    db.prepare = original;
  }
  return calls;
}

/** A function that runs the recorded statements directly, prepared once. */
export function directRunner(cf: CaseFile, calls: RecordedCall[]): () => void {
  const prepared = calls.map((c) => ({ stmt: cf.db.prepare(c.sql), method: c.method, args: c.args }));
  return () => {
    for (const p of prepared) (p.stmt[p.method] as (...a: unknown[]) => unknown)(...p.args);
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Comparison {
  name: string;
  runs: number;
  handler: { p50: number; p95: number };
  direct: { p50: number; p95: number };
}

/** Time `runs` calls of each, interleaved, after a warm-up; milliseconds. */
export function compare(name: string, runs: number, handler: (i: number) => void, direct: (i: number) => void): Comparison {
  for (let i = 0; i < 20; i++) {
    handler(i);
    direct(i);
  }
  const h: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    const time = (fn: (i: number) => void) => {
      const t = performance.now();
      fn(i);
      return performance.now() - t;
    };
    if (first) {
      h.push(time(handler));
      d.push(time(direct));
    } else {
      d.push(time(direct));
      h.push(time(handler));
    }
  }
  h.sort((a, b) => a - b);
  d.sort((a, b) => a - b);
  return {
    name,
    runs,
    handler: { p50: percentile(h, 50), p95: percentile(h, 95) },
    direct: { p50: percentile(d, 50), p95: percentile(d, 95) },
  };
}
