/**
 * Applying a merge plan: nothing is written until every conflict has a resolution; then ONE
 * change() (one transaction, its audit entries sharing one reason that names the bundle's
 * SHA-256 and signer). Deletions go first, children before parents; then inserts and updates,
 * parents before children; foreign keys are checked at commit. The versions of their lineage
 * this file lacked are recorded as adopted (record_versions), so that merging the same bundle
 * again finds their version in this file's lineage and changes nothing.
 */
import type { Row } from '../audit';
import { change, type RecordPart } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import type { BundleData } from './format';
import { planMerge, type BundleSource, type MergeAction, type MergeConflict, type MergePlan, type MergeStep } from './mergePlan';
import { keyColumns, MERGE_TABLES, tableColumns } from './versions';

export type FieldChoice = { pick: 'mine' } | { pick: 'theirs' } | { pick: 'edit'; value: string | number | null };

/** A person's decision on one conflict: the whole record from one side, or field by field. */
export interface ConflictResolution {
  record?: 'mine' | 'theirs';
  fields?: Record<string, FieldChoice>;
}

/** Keyed by MergeConflict.id. */
export type Resolutions = Record<string, ConflictResolution>;

export interface MergeOutcome {
  plan: MergePlan;
  /** Audit entries the merge wrote (0 when there was nothing to change). */
  auditEntries: number;
  reason: string | null;
  written: Record<'inserted' | 'updated' | 'deleted', number>;
}

export interface ApplyOptions {
  /** The bytes of a file the bundle holds (captures/<sha256>), for blobs this file lacks. */
  blobContent?: (sha256: string) => Buffer | undefined;
  /** A plan made by planMerge for this same bundle just before, with nothing written since (the CLI). */
  plan?: MergePlan;
}

export function mergeReason(source: BundleSource): string {
  return `Merged bundle sha256:${source.sha256} signed by ${source.signer}`;
}

function coerce(cf: CaseFile, table: string, column: string, value: string | number | null, label: string): unknown {
  const type = tableColumns(cf.db, table).find((c) => c.name === column)?.type ?? 'TEXT';
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  if (type === 'INTEGER' || type === 'REAL') {
    const n = typeof value === 'number' ? value : Number(value.trim());
    if (!Number.isFinite(n) || (type === 'INTEGER' && !Number.isInteger(n))) {
      throw new HandlerError('invalid_input', `${label}: ${column} must be ${type === 'INTEGER' ? 'a whole number' : 'a number'}; "${value}" is not.`, [
        { path: column, message: 'not a number' },
      ]);
    }
    return n;
  }
  return String(value);
}

/** What a resolved conflict writes: a row, null to delete, or undefined to keep mine untouched. */
function resolve(cf: CaseFile, step: MergeStep, c: MergeConflict, r: ConflictResolution | undefined): Row | null | undefined | 'unresolved' {
  if (c.kind !== 'fields') {
    if (!r?.record) return 'unresolved';
    if (r.record === 'mine') return undefined;
    return step.theirs ?? null;
  }
  if (r?.record === 'mine') return undefined;
  const row: Row = { ...step.result };
  for (const f of c.fields) {
    const choice = r?.fields?.[f.column] ?? (r?.record === 'theirs' ? { pick: 'theirs' as const } : undefined);
    if (!choice) return 'unresolved';
    row[f.column] = choice.pick === 'mine' ? f.mine : choice.pick === 'theirs' ? f.theirs : coerce(cf, c.table, f.column, choice.value, c.label);
  }
  return row;
}

/** A value as insertRecord takes it: text, a finite number or null. */
function plain(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const keyOf = (table: string, row: Row): Row => Object.fromEntries(keyColumns(table).map((k) => [k, row[k]]));

/** Resolve `resolutions` against a fresh plan and apply it in one audited change. */
export function applyMerge(cf: CaseFile, data: BundleData, source: BundleSource, resolutions: Resolutions, opts: ApplyOptions = {}): MergeOutcome {
  const plan = opts.plan ?? planMerge(cf, data, source);
  const targets = new Map<MergeStep, Row | null>();
  const unresolved: string[] = [];
  for (const step of plan.steps) {
    if (step.action === 'new' || step.action === 'theirs' || step.action === 'merged') targets.set(step, step.result ?? null);
    else if (step.action === 'conflict') {
      const t = resolve(cf, step, step.conflict!, resolutions[step.conflict!.id]);
      if (t === 'unresolved') unresolved.push(step.conflict!.label);
      else if (t !== undefined) targets.set(step, t);
    }
  }
  if (unresolved.length > 0) {
    const shown = unresolved.slice(0, 5).join('; ') + (unresolved.length > 5 ? ` (and ${unresolved.length - 5} more)` : '');
    throw new HandlerError('conflict', `${unresolved.length} conflict${unresolved.length === 1 ? ' is' : 's are'} not resolved: ${shown}. Nothing was merged.`);
  }
  const adopting = plan.steps.filter((s) => s.adopt.length > 0 && (targets.has(s) || s.action === 'conflict'));
  const written = { inserted: 0, updated: 0, deleted: 0 };
  if (targets.size === 0 && adopting.length === 0) return { plan, auditEntries: 0, reason: null, written };

  const reason = mergeReason(source);
  const order = new Map(MERGE_TABLES.map((t, i) => [t as string, i]));
  const byOrder = [...targets.entries()].sort(([a], [b]) => order.get(a.table)! - order.get(b.table)!);
  const auditEntries = change(cf, reason, (w) => {
    cf.db.pragma('defer_foreign_keys = ON');
    const head = (cf.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM audit_log').get() as { s: number }).s;
    const fail = (step: MergeStep, e: unknown): never => {
      const label = step.conflict?.label ?? `${step.table} ${step.key}`;
      throw new HandlerError('refused', `Merging ${label} failed: ${(e as Error).message}. Nothing was merged.`);
    };
    // Lineage first: the adopted versions come before the merge's own entries.
    for (const step of adopting) {
      const target = targets.get(step);
      const keepTheirRow = step.theirs && (target === undefined || JSON.stringify(target) !== JSON.stringify(step.theirs));
      step.adopt.forEach((version, ord) => {
        const row = keepTheirRow && version === step.theirVersion ? JSON.stringify(step.theirs) : null;
        w.journal('record_versions', { entity: step.table, entity_key: step.key, version, after_seq: head, ord, row_json: row, bundle_sha256: source.sha256 });
      });
    }
    for (const [step, target] of [...byOrder].reverse()) {
      if (target !== null || !step.mine) continue;
      try {
        if (w.remove(step.table, keyOf(step.table, step.mine))) written.deleted++;
      } catch (e) {
        fail(step, e);
      }
    }
    // New records (not blobs, whose bytes are no plain value): the rows of one incident (it and
    // every row naming it) as ONE audit entry, like an import's; other rows one entry each.
    const groups = new Map<string, { step: MergeStep; row: Row }[]>();
    for (const [step, target] of byOrder) {
      if (target === null || step.mine || step.table === 'blobs') continue;
      const group = step.table === 'incidents' ? String(target.id) : typeof target.incident_id === 'string' ? target.incident_id : `${step.table}:${step.key}`;
      let g = groups.get(group);
      if (!g) groups.set(group, (g = []));
      g.push({ step, row: target });
    }
    for (const [group, members] of groups) {
      const parts = new Map<string, RecordPart>();
      for (const { step, row } of members) {
        let part = parts.get(step.table) as (RecordPart & { rows: (string | number | null)[][] }) | undefined;
        const cols = tableColumns(cf.db, step.table);
        if (!part) parts.set(step.table, (part = { table: step.table, columns: cols.map((c) => c.name), rows: [] }));
        part.rows.push(cols.map((c) => plain(c.name in row ? row[c.name] : c.dflt)));
      }
      try {
        w.insertRecord(group, [...parts.values()]);
        written.inserted += members.length;
      } catch (e) {
        fail(members[0]!.step, e);
      }
    }
    for (const [step, target] of byOrder) {
      if (target === null || (!step.mine && step.table !== 'blobs')) continue;
      try {
        if (step.mine) {
          const patch: Row = { ...target };
          for (const k of keyColumns(step.table)) delete patch[k];
          if (step.table === 'blobs') delete patch.content;
          if (w.update(step.table, keyOf(step.table, step.mine), patch)) written.updated++;
        } else {
          const row: Row = { ...target };
          if (step.table === 'blobs') {
            const bytes = Buffer.isBuffer(row.content) ? row.content : opts.blobContent?.(String(row.sha256));
            if (!bytes) throw new Error(`the bundle does not hold the file's bytes (captures/${String(row.sha256)})`);
            row.content = bytes;
          }
          w.insert(step.table, row);
          written.inserted++;
        }
      } catch (e) {
        fail(step, e);
      }
    }
    const broken = cf.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const b = broken[0]!;
      throw new HandlerError('refused', `After the merge, a ${b.table} row would refer to a missing ${b.parent} row (${broken.length} such references). Nothing was merged.`);
    }
    return w.entries;
  });
  return { plan, auditEntries, reason, written };
}

export type { MergeAction };
