/**
 * Case-wide cross-reference computations (likely repeats, likely same persons) are kept per
 * open case file until the next change: every change appends to the audit log, so its last
 * sequence number says whether a cached result is still current.
 */
import type { CaseFile } from './casefile';

const caches = new WeakMap<CaseFile, Map<string, { seq: number; value: unknown }>>();

function lastSeq(cf: CaseFile): number {
  return (cf.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM audit_log').get() as { s: number }).s;
}

export function memoUntilChange<T>(cf: CaseFile, name: string, compute: () => T): T {
  let map = caches.get(cf);
  if (!map) caches.set(cf, (map = new Map()));
  const seq = lastSeq(cf);
  const hit = map.get(name);
  if (hit && hit.seq === seq) return hit.value as T;
  const value = compute();
  map.set(name, { seq, value });
  return value;
}

/** The sequence number a cache entry must carry to be current (for `patchAfterChange`). */
export function currentSeq(cf: CaseFile): number {
  return lastSeq(cf);
}

/**
 * After a change whose effect on a cached result is known (a pair confirmed or dismissed), fix
 * the result in place instead of recomputing it for the whole case: only when the entry was
 * current just before the change (`seqBefore`), else it is left to be recomputed.
 */
export function patchAfterChange<T>(cf: CaseFile, name: string, seqBefore: number, patch: (value: T) => T): void {
  const hit = caches.get(cf)?.get(name);
  if (!hit || hit.seq !== seqBefore) return;
  caches.get(cf)!.set(name, { seq: lastSeq(cf), value: patch(hit.value as T) });
}
