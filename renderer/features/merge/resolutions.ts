/** Conflict resolutions as the Merge page holds them: pure functions, tested in Node. */
import type { MergeConflictView, MergeResolutions } from '../../../shared/contracts/merge';

export type Resolution = MergeResolutions[string];

/** Whether a conflict has a decision for the whole record or for every conflicting field. */
export function isResolved(c: MergeConflictView, r: Resolution | undefined): boolean {
  if (!r) return false;
  if (c.kind !== 'fields') return r.record !== undefined;
  if (r.record) return true;
  return c.fields.every((f) => r.fields?.[f.column] !== undefined);
}

export function countResolved(conflicts: readonly MergeConflictView[], all: MergeResolutions): number {
  return conflicts.filter((c) => isResolved(c, all[c.id])).length;
}

/** Every conflict, every field, from one side. */
export function takeAll(conflicts: readonly MergeConflictView[], side: 'mine' | 'theirs'): MergeResolutions {
  return Object.fromEntries(
    conflicts.map((c) => [c.id, c.kind === 'fields' ? { fields: Object.fromEntries(c.fields.map((f) => [f.column, { pick: side }])) } : { record: side }]),
  );
}

/** A value as a person reads it. */
export function shown(v: string | number | null): string {
  return v === null || v === '' ? '(empty)' : String(v);
}
