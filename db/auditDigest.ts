/**
 * Digest record entries (db/audit.ts `insertRecord(…, { audit: 'digest' })`): what is written in
 * place of the imported rows, and how `verify` rebuilds the JSON they were hashed from. The
 * shape is in shared/auditDigest.ts; the design in docs/audit.md.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DigestAfter, DigestPart } from '../shared/auditDigest';

type Cell = string | number | null;

/** The rows of one table of a record, as insertRecord takes them. */
export interface RecordTable {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const refCache = new WeakMap<Database.Database, Map<string, readonly string[]>>();

/**
 * Columns of `table` that SQLite may change without an audit entry: foreign keys with ON DELETE
 * CASCADE / SET NULL / SET DEFAULT. A digest entry keeps their values, so that `verify` can tell
 * a row removed (or a reference cleared) by a cascade from one removed behind the app's back.
 */
export function referenceColumns(db: Database.Database, table: string): readonly string[] {
  let byTable = refCache.get(db);
  if (!byTable) {
    byTable = new Map();
    refCache.set(db, byTable);
  }
  let cols = byTable.get(table);
  if (!cols) {
    const list = db.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { from: string; on_delete: string }[];
    cols = [...new Set(list.filter((f) => /^(CASCADE|SET NULL|SET DEFAULT)$/i.test(f.on_delete)).map((f) => f.from))];
    byTable.set(table, cols);
  }
  return cols;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The after_json of a digest entry for `tables` (sorted by name, none empty), whose full entry
 * would have held `fullJson`. Canonical: every object's keys are in sorted order.
 */
export function digestEntryJson(db: Database.Database, tables: readonly RecordTable[], keyOf: (table: string) => readonly string[], fullJson: string): string {
  const out: Record<string, DigestPart> = {};
  let rows = 0;
  for (const t of tables) {
    const keyCols = keyOf(t.table);
    const key = [...keyCols, ...referenceColumns(db, t.table).filter((c) => !keyCols.includes(c) && t.columns.includes(c))];
    const at = key.map((c) => t.columns.indexOf(c));
    const missing = key.find((_, i) => at[i]! < 0);
    if (missing) throw new Error(`insertRecord: the ${t.table} rows lack their key column ${missing}`);
    out[t.table] = { columns: [...t.columns], key, keys: t.rows.map((r) => at.map((i) => r[i] ?? null)) };
    rows += t.rows.length;
  }
  const after: DigestAfter = { audit: 'digest', rows, sha256: sha256Hex(fullJson), tables: out };
  return JSON.stringify(after);
}

/** One table of a record as `verify` rebuilt it: each row's values already as JSON arrays. */
export interface RebuiltTable {
  table: string;
  columns: readonly string[];
  rowsJson: readonly string[];
}

/** The JSON a full record entry would hold (JSON.stringify of { table: { columns, rows } }). */
export function recordJson(tables: readonly RebuiltTable[]): string {
  return `{${tables.map((t) => `${JSON.stringify(t.table)}:{"columns":${JSON.stringify(t.columns)},"rows":[${t.rowsJson.join(',')}]}`).join(',')}}`;
}
