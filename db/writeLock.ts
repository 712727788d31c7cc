/**
 * Writes refused while something else owns a case file's writes: an import job holds one long
 * transaction on its own connection, so a change on the session's connection would wait out
 * busy_timeout (5 s, blocking the thread that serves the UI) and then fail with "database is
 * locked". Instead, `change()` asks here first and is refused at once, saying why.
 */
import { resolve } from 'node:path';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';

const locks = new Map<string, () => string>();

/** Refuse writes through any handle on the file at `path`; `why` says what holds it, when asked. */
export function lockWrites(path: string, why: () => string): () => void {
  const key = resolve(path);
  if (locks.has(key)) throw new Error(`Writes to ${key} are already locked: ${locks.get(key)!()}`);
  locks.set(key, why);
  return () => {
    if (locks.get(key) === why) locks.delete(key);
  };
}

/** Throws a clear "refused" error when writes to this case file are locked. */
export function assertWritable(cf: CaseFile): void {
  if (locks.size === 0) return;
  const why = locks.get(resolve(cf.path));
  if (why) throw new HandlerError('busy', `${why()} Nothing was saved; try again when it has finished or been cancelled.`);
}

/** Whether writes to this case file are locked (e.g. to skip optional catch-up writes). */
export function writesLocked(cf: CaseFile): boolean {
  return locks.size > 0 && locks.has(resolve(cf.path));
}
