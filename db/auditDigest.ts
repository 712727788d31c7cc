/**
 * Digest record entries (db/audit.ts `insertRecord(…, { audit: 'digest' })`): what is written in
 * place of the imported rows, and how `verify` rebuilds the JSON they were hashed from. The
 * shape is in shared/auditDigest.ts; the design in docs/audit.md.
 */
import type Database from 'better-sqlite3';
import { sha256Hex } from './sha256';

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

/** Per table and column list: the key and reference columns, their positions, and the JSON fragments naming them. */
interface PartPlan {
  at: number[];
  /** With the part's `columns`, and without them (when an earlier entry of the change stated them). */
  head: string;
  headNoColumns: string;
  columnsJson: string;
}
const plans = new WeakMap<readonly string[], Map<string, PartPlan>>();

function planOf(db: Database.Database, t: RecordTable, keyOf: (table: string) => readonly string[]): PartPlan {
  let byTable = plans.get(t.columns);
  if (!byTable) plans.set(t.columns, (byTable = new Map()));
  let plan = byTable.get(t.table);
  if (!plan) {
    const keyCols = keyOf(t.table);
    const key = [...keyCols, ...referenceColumns(db, t.table).filter((c) => !keyCols.includes(c) && t.columns.includes(c))];
    const at = key.map((c) => t.columns.indexOf(c));
    const missing = key.find((_, i) => at[i]! < 0);
    if (missing) throw new Error(`insertRecord: the ${t.table} rows lack their key column ${missing}`);
    const columnsJson = JSON.stringify(t.columns);
    const rest = `"key":${JSON.stringify(key)},"keys":`;
    plan = { at, head: `${JSON.stringify(t.table)}:{"columns":${columnsJson},${rest}`, headNoColumns: `${JSON.stringify(t.table)}:{${rest}`, columnsJson };
    byTable.set(t.table, plan);
  }
  return plan;
}

/**
 * The after_json of a digest entry for `tables` (sorted by name, none empty), whose full entry
 * would have held `fullJson`: the same as JSON.stringify of a DigestAfter, every object's keys in
 * sorted order (canonical), spelled out with each table's column names as JSON made once.
 *
 * `stated` (one per change) holds, per table, the column list the change's digest entries last
 * stated: a part whose columns are the same leaves them out, and `verify` takes them from the
 * latest earlier digest entry that stated them (docs/audit.md).
 */
export function digestEntryJson(
  db: Database.Database,
  tables: readonly RecordTable[],
  keyOf: (table: string) => readonly string[],
  fullJson: string,
  stated: Map<string, string>,
): string {
  const parts: string[] = [];
  let rows = 0;
  for (const t of tables) {
    const plan = planOf(db, t, keyOf);
    const { at } = plan;
    let head = plan.head;
    if (stated.get(t.table) === plan.columnsJson) head = plan.headNoColumns;
    else stated.set(t.table, plan.columnsJson);
    const keys = new Array<Cell[]>(t.rows.length);
    for (let r = 0; r < t.rows.length; r++) {
      const row = t.rows[r]!;
      const k = new Array<Cell>(at.length);
      for (let i = 0; i < at.length; i++) k[i] = row[at[i]!] ?? null;
      keys[r] = k;
    }
    parts.push(`${head}${JSON.stringify(keys)}}`);
    rows += t.rows.length;
  }
  return `{"audit":"digest","rows":${rows},"sha256":"${sha256Hex(fullJson)}","tables":{${parts.join(',')}}}`;
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
