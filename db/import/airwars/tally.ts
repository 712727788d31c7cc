/** Counting what an import did, entity by entity, and what it changed in existing records. */
import type { EntityCounts, ImportChange } from '../../../shared/importSchemas';
import type { Row } from '../../audit';
import type { Cell } from './codecs';

export const ENTITIES = ['incidents', 'sources', 'victims', 'belligerents', 'links', 'strike_reports', 'previous_codes', 'data_problems'] as const;
export type Entity = (typeof ENTITIES)[number];

export class Tally {
  readonly counts: Record<string, EntityCounts> = Object.fromEntries(
    ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0, removed: 0, leftOut: 0 }]),
  );
  readonly changes: ImportChange[] = [];
  readonly createdCodes: string[] = [];
  readonly updatedCodes = new Set<string>();

  add(entity: Entity, what: keyof EntityCounts, n = 1): void {
    this.counts[entity]![what] += n;
  }

  /** A row of an existing record was created, updated or removed. */
  change(code: string, entity: Entity, id: string, action: ImportChange['action'], fields: string[] = []): void {
    this.add(entity, action === 'create' ? 'created' : action === 'update' ? 'updated' : 'removed');
    this.changes.push({ code, entity, id, action, fields });
    this.updatedCodes.add(code);
  }
}

export function same(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
}

/** The owned columns whose desired value differs from the stored one. */
export function diff(current: Row, desired: Record<string, Cell>, owned: readonly string[]): Record<string, Cell> {
  const patch: Record<string, Cell> = {};
  for (const c of owned) {
    const v = desired[c] ?? null;
    if (!same(current[c], v)) patch[c] = v;
  }
  return patch;
}

/** Changed columns, naming the archive columns inside extra_json rather than extra_json itself. */
export function describe(patch: Record<string, unknown>, before: Row, ns: string): string[] {
  const fields: string[] = [];
  for (const k of Object.keys(patch)) {
    if (k === 'updated_at') continue;
    if (k !== 'extra_json') {
      fields.push(k);
      continue;
    }
    const inner = (s: unknown): Record<string, unknown> => {
      try {
        return ((JSON.parse(String(s ?? 'null')) as Record<string, Record<string, unknown>> | null)?.[ns] ?? {}) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    const a = inner(before.extra_json);
    const b = inner(patch.extra_json);
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[key] !== b[key]) fields.push(`extra_json.${key}`);
  }
  return fields;
}

/** Replace this import's namespace in a stored extra_json, keeping the others where they are. */
export function mergeExtra(stored: unknown, desired: string, ns: string): string {
  if (typeof stored !== 'string' || stored === desired) return desired;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return desired;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return desired;
  const merged = parsed as Record<string, unknown>;
  if (Object.keys(merged).every((k) => k === ns)) return desired;
  merged[ns] = (JSON.parse(desired) as Record<string, unknown>)[ns];
  return JSON.stringify(merged);
}
