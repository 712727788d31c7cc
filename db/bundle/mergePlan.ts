/**
 * Merge planning (docs/bundles.md): every record of a bundle against this case file.
 *   - not here and no history of it here         → new (added)
 *   - same version on both sides                  → unchanged
 *   - their version is in my lineage              → mine (they have not changed it since)
 *   - my version is their common version          → theirs (changed on their side only; a
 *                                                   deletion on their side is applied)
 *   - both changed since the common version       → field by field: a field changed on one side
 *                                                   takes that side; changed on both to the same
 *                                                   value is kept; changed on both differently is
 *                                                   a conflict field. A deletion on one side and a
 *                                                   change on the other is a record conflict.
 *   - no common version (two unrelated records under one key): every differing field conflicts.
 * `updated_at` never conflicts: the later time is kept. Records absent from the bundle are left
 * alone (a bundle may hold a selection); a deletion travels as a tombstone in its lineage.
 */
import type { Row } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { recordKey, type BundleData } from './format';
import {
  currentVersion,
  isTombstone,
  keyColumns,
  MERGE_TABLES,
  recordHistories,
  sameAsNormalized,
  tableColumns,
  versionHash,
  versionRow,
  type RecordHistory,
} from './versions';

export type MergeAction = 'new' | 'theirs' | 'mine' | 'unchanged' | 'merged' | 'conflict';

export interface ConflictField {
  column: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeConflict {
  /** `table/key`: what a resolution names. */
  id: string;
  table: string;
  key: string;
  /** What a person recognises: the incident's code, a victim's or source's name. */
  label: string;
  /** fields: both changed the same record; deleted_mine / deleted_theirs: one side deleted it, the other changed it. */
  kind: 'fields' | 'deleted_mine' | 'deleted_theirs';
  fields: ConflictField[];
}

export interface MergeStep {
  table: string;
  key: string;
  action: MergeAction;
  /** Their row as the bundle holds it (absent: they deleted the record). */
  theirs?: Row;
  /** My row now (absent: not in my file). */
  mine?: Row;
  /** The result when no person has to decide: the row to write, or null to delete. */
  result?: Row | null;
  /** Their lineage, oldest first (recorded as adopted when their version is taken or merged). */
  lineage: string[];
  theirVersion: string;
  /** Versions of their lineage my history lacks: recorded as adopted when the merge is applied. */
  adopt: string[];
  conflict?: MergeConflict;
}

export interface BundleSource {
  sha256: string;
  /** Who signed the bundle: the exporter's name and public key, or "unsigned". */
  signer: string;
}

export interface MergePlan {
  source: BundleSource;
  caseId: string;
  counts: Record<MergeAction, number>;
  steps: MergeStep[];
  conflicts: MergeConflict[];
}

const same = (a: unknown, b: unknown) => a === b || ((a === null || a === undefined) && (b === null || b === undefined));

/** The latest version of their lineage that my lineage also has, with my copy of its row. */
function commonVersion(lineage: readonly string[], mine: RecordHistory): { version: string; row?: Row } | undefined {
  const known = new Map(mine.entries.map((e) => [e.version, e]));
  for (let i = lineage.length - 1; i >= 0; i--) {
    const e = known.get(lineage[i]!);
    if (e) return { version: e.version, ...(e.row ? { row: e.row } : {}) };
  }
  return undefined;
}

function labelOf(cf: CaseFile, table: string, row: Row | undefined, key: string): string {
  if (!row) return `${table} ${key}`;
  const code = (id: unknown) => (cf.db.prepare('SELECT code FROM incidents WHERE id = ?').get(id) as { code: string } | undefined)?.code;
  const what: Record<string, () => string | undefined> = {
    incidents: () => `incident ${String(row.code)}`,
    victims: () => `victim ${String(row.name_latin ?? row.name_local ?? key)} of incident ${code(row.incident_id) ?? String(row.incident_id)}`,
    sources: () => `source ${String(row.title ?? row.url ?? key)}`,
    people: () => `person ${String(row.name)}`,
  };
  const named = what[table]?.();
  if (named) return named;
  if (typeof row.incident_id === 'string') return `${table.replace(/_/g, ' ')} of incident ${code(row.incident_id) ?? row.incident_id}`;
  return `${table.replace(/_/g, ' ')} ${key}`;
}

/** Check the bundle's tables against this case file's schema before anything is compared. */
function checkShape(cf: CaseFile, data: BundleData): void {
  if (data?.format !== 'casefile-bundle-data' || data.formatVersion !== 1 || typeof data.tables !== 'object') {
    throw new HandlerError('invalid_input', 'The bundle\'s data/case.json is not Casefile bundle data (format casefile-bundle-data, version 1).');
  }
  for (const table of MERGE_TABLES) {
    const rows = data.tables[table];
    if (rows === undefined) continue;
    if (!Array.isArray(rows)) throw new HandlerError('invalid_input', `The bundle's table ${table} is not a list of rows.`);
    const known = new Set(tableColumns(cf.db, table).map((c) => c.name));
    rows.forEach((row, i) => {
      for (const col of Object.keys(row)) {
        if (!known.has(col)) throw new HandlerError('invalid_input', `The bundle's ${table} row ${i + 1} has a column "${col}" this case file does not have: it was written by a newer Casefile.`);
      }
      for (const k of keyColumns(table)) {
        if (row[k] === null || row[k] === undefined) throw new HandlerError('invalid_input', `The bundle's ${table} row ${i + 1} has no ${k}.`);
      }
    });
  }
}

export function planMerge(cf: CaseFile, data: BundleData, source: BundleSource): MergePlan {
  checkShape(cf, data);
  const tables = MERGE_TABLES.filter((t) => data.tables[t] !== undefined || data.versions?.[t] !== undefined);
  // Their version of each record: only records whose version differs here need their lineage.
  // A row of theirs equal to mine, value for value, has my version: it is not hashed on either
  // side but takes the version their lineage gives it (hashed only when it gives none). Such a
  // record is unchanged whatever that version says: no decision and nothing written rests on it.
  const theirVersions = new Map<string, Map<string, string>>(tables.map((t) => [t, new Map()]));
  const theirRowsOf = new Map<string, Map<string, Row>>();
  for (const table of tables) {
    const k = keyColumns(table);
    const byKey = new Map<string, Row>();
    for (const r of data.tables[table] ?? []) byKey.set(recordKey(k, r), r);
    theirRowsOf.set(table, byKey);
  }
  const claimed = (table: string, key: string): string | undefined => {
    const lineage = data.versions?.[table]?.[key];
    return lineage && lineage.length ? lineage[lineage.length - 1] : undefined;
  };
  /** Their version of a record: of their row (hashed once), or the last of its lineage when they sent no row. */
  const theirVersionOf = (table: string, key: string): string | undefined => {
    const known = theirVersions.get(table)!;
    let v = known.get(key);
    if (v === undefined) {
      const row = theirRowsOf.get(table)!.get(key);
      v = row ? versionHash(versionRow(tableColumns(cf.db, table), table, row)) : claimed(table, key);
      if (v !== undefined) known.set(key, v);
    }
    return v;
  };
  const mine = recordHistories(cf, tables, {
    keepRows: true,
    knownVersion: (table, key, normalized) => {
      const theirs = theirRowsOf.get(table)!.get(key);
      if (!theirs || !sameAsNormalized(tableColumns(cf.db, table), table, theirs, normalized)) return undefined;
      const said = claimed(table, key);
      const v = theirVersions.get(table)!.get(key) ?? (said !== undefined && !isTombstone(said) ? said : versionHash(normalized));
      theirVersions.get(table)!.set(key, v);
      return v;
    },
    needed: (table, key, current) => {
      const theirs = theirVersionOf(table, key);
      return theirs !== undefined && theirs !== current;
    },
  });
  const steps: MergeStep[] = [];
  const conflicts: MergeConflict[] = [];
  const counts: Record<MergeAction, number> = { new: 0, theirs: 0, mine: 0, unchanged: 0, merged: 0, conflict: 0 };

  for (const table of tables) {
    const cols = tableColumns(cf.db, table);
    const theirRows = theirRowsOf.get(table)!;
    const lineages = data.versions?.[table] ?? {};
    const keys = new Set([...theirRows.keys(), ...Object.keys(lineages)]);
    for (const key of keys) {
      const theirs = theirRows.get(key);
      const theirVersion = theirs ? theirVersionOf(table, key) : lineages[key]?.[lineages[key]!.length - 1];
      if (!theirVersion || (!theirs && !isTombstone(theirVersion))) continue; // a lineage without a row or tombstone says nothing
      const lineage = [...(lineages[key] ?? [])];
      if (lineage[lineage.length - 1] !== theirVersion) lineage.push(theirVersion);
      const history = mine.get(table)!.get(key);
      const myVersion = currentVersion(history);
      const myRow = history?.current;
      const entries = history?.entries ?? [];
      // Most records: one version, which this side knows; no set to build.
      const adopt =
        lineage.length === 1 && entries.some((e) => e.version === lineage[0])
          ? []
          : ((knownHere) => [...new Set(lineage.filter((v) => !knownHere.has(v)))])(new Set(entries.map((e) => e.version)));
      const step: MergeStep = { table, key, action: 'unchanged', lineage, theirVersion, adopt, ...(theirs ? { theirs } : {}), ...(myRow ? { mine: myRow } : {}) };
      steps.push(step);

      if (myVersion === theirVersion || (!theirs && history && !myRow)) step.action = 'unchanged'; // the same, or deleted on both sides
      else if (!history) {
        step.action = theirs ? 'new' : 'unchanged';
        if (theirs) step.result = theirs;
      } else if (history.entries.some((e) => e.version === theirVersion)) step.action = 'mine';
      else {
        const base = commonVersion(lineage, history);
        if (base && base.version === myVersion) {
          step.action = 'theirs';
          step.result = theirs ?? null;
        } else if (!theirs || !myRow) {
          step.action = 'conflict';
          step.conflict = {
            id: `${table}/${key}`,
            table,
            key,
            label: labelOf(cf, table, myRow ?? theirs, key),
            kind: theirs ? 'deleted_mine' : 'deleted_theirs',
            fields: [],
          };
        } else {
          const baseRow = base?.row;
          const merged: Row = { ...myRow };
          const fields: ConflictField[] = [];
          for (const { name } of cols) {
            if (table === 'blobs' && name === 'content') continue;
            const m = myRow[name];
            const t = theirs[name] === undefined ? cols.find((c) => c.name === name)!.dflt : theirs[name];
            if (same(m, t)) continue;
            if (name === 'updated_at' && typeof m === 'string' && typeof t === 'string') {
              merged[name] = m > t ? m : t;
              continue;
            }
            if (baseRow && same(m, baseRow[name])) merged[name] = t;
            else if (baseRow && same(t, baseRow[name])) continue;
            else fields.push({ column: name, base: baseRow ? baseRow[name] ?? null : null, mine: m ?? null, theirs: t ?? null });
          }
          if (fields.length === 0) {
            step.action = 'merged';
            step.result = merged;
          } else {
            step.action = 'conflict';
            step.result = merged;
            step.conflict = { id: `${table}/${key}`, table, key, label: labelOf(cf, table, myRow, key), kind: 'fields', fields };
          }
        }
      }
      if (step.conflict) conflicts.push(step.conflict);
      counts[step.action]++;
    }
  }
  return { source, caseId: data.caseId, counts, steps, conflicts };
}
