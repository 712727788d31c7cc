/**
 * Per-record versioning (docs/bundles.md). A record's version is the SHA-256 of its canonical
 * row (every column of the table, in name order; a column a row does not name takes the table's
 * default; booleans as 0/1; a blob by its hash and size, not its bytes). Its lineage is every
 * version the audit trail gave it, oldest first, with the versions merges adopted from bundles
 * (table record_versions), and `deleted:<version>` once the trail deleted it. Two copies of a
 * case file share their trail up to the copy, so they share lineages up to it too, whenever
 * anyone looks; nothing has to be refreshed before copying.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditedTables, type Row } from '../audit';
import type { CaseFile } from '../casefile';
import { recordKey } from './format';

/**
 * The tables a merge reads and writes, parents before children (foreign keys). Not merged:
 * `meta` (the case file's own identity), journal and derived tables (imports, search_*), the
 * audit log and record_versions themselves.
 */
export const MERGE_TABLES = [
  'people',
  'strike_reports',
  'incidents',
  'incident_codes',
  'incident_belligerents',
  'strike_matches',
  'sources',
  'source_incidents',
  'blobs',
  'captures',
  'victims',
  'incident_web_links',
  'incident_links',
  'grade_history',
  'review_decisions',
  'data_problems',
] as const;
export type MergeTable = (typeof MERGE_TABLES)[number];

export const TOMBSTONE_PREFIX = 'deleted:';
export const isTombstone = (v: string | undefined): boolean => v !== undefined && v.startsWith(TOMBSTONE_PREFIX);
/** The version of a record deleted at `prev`: the same on both sides when both deleted the same state. */
export const tombstoneOf = (prev: string | undefined): string => `${TOMBSTONE_PREFIX}${prev ?? ''}`;

export interface ColumnInfo {
  name: string;
  type: string;
  dflt: unknown;
}

const columnCache = new WeakMap<Database.Database, Map<string, ColumnInfo[]>>();

function parseDefault(d: string | null): unknown {
  if (d === null || /^null$/i.test(d)) return null;
  const q = /^'(.*)'$/s.exec(d);
  if (q) return q[1]!.replace(/''/g, "'");
  const n = Number(d);
  return Number.isFinite(n) ? n : null;
}

/** The table's columns in name order, with their declared type and default. */
export function tableColumns(db: Database.Database, table: string): ColumnInfo[] {
  let byTable = columnCache.get(db);
  if (!byTable) columnCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) {
    const info = db.prepare(`SELECT name, type, dflt_value FROM pragma_table_info(?)`).all(table) as { name: string; type: string; dflt_value: string | null }[];
    cols = info.map((c) => ({ name: c.name, type: c.type.toUpperCase(), dflt: parseDefault(c.dflt_value) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    byTable.set(table, cols);
  }
  return cols;
}

export function keyColumns(table: string): readonly string[] {
  const k = auditedTables()[table];
  if (!k) throw new Error(`Table ${table} has no key columns`);
  return k;
}

/** The row as its version is computed: every column, defaults filled, blobs by hash and size. */
export function versionRow(cols: readonly ColumnInfo[], table: string, row: Row): Row {
  const out: Row = {};
  for (const c of cols) {
    if (table === 'blobs' && c.name === 'content') continue;
    let v = row[c.name];
    if (v === undefined) v = c.dflt;
    if (typeof v === 'boolean') v = v ? 1 : 0;
    out[c.name] = v;
  }
  return out;
}

/** Whether versionRow(cols, table, row) would equal `normalized` value for value (scalars only). */
export function sameAsNormalized(cols: readonly ColumnInfo[], table: string, row: Row, normalized: Row): boolean {
  for (const c of cols) {
    if (table === 'blobs' && c.name === 'content') continue;
    let v = row[c.name];
    if (v === undefined) v = c.dflt;
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (v !== normalized[c.name] || (v !== null && typeof v === 'object')) return false;
  }
  return true;
}

/**
 * SHA-256 of canonicalJson(normalized). A normalized row's keys are already in name order and its
 * values are scalars, so JSON.stringify writes exactly the canonical form, natively.
 */
export function versionHash(normalized: Row): string {
  return hash('sha256', JSON.stringify(normalized), 'hex'); // one-shot: no Hash object per row
}

export interface LineageEntry {
  version: string;
  /** The row at this version (normalized), when kept: absent for a tombstone or an adopted version without content. */
  row?: Row;
  seq: number;
}

export interface RecordHistory {
  entries: LineageEntry[];
  /** The current row as stored (absent: the record is not in the file). */
  current?: Row;
}

export type Histories = Map<string, Map<string, RecordHistory>>;

function entityKeyToRecordKey(table: string, entityId: string): string {
  const cols = keyColumns(table);
  return cols.length === 1 ? entityId : entityId.split(':').join('\u001f');
}

/** Whether a record is in the table, by its record key (one indexed lookup). */
function stillHere(db: Database.Database, table: string, keys: readonly string[]): (key: string) => boolean {
  const stmt = db.prepare(`SELECT 1 FROM ${table} WHERE ${keys.map((c) => `${c} = ?`).join(' AND ')}`).pluck();
  return (key) => stmt.get(...(keys.length === 1 ? [key] : key.split('\u001f'))) !== undefined;
}

interface OwnEntry {
  seq: number;
  action: string;
  before: string | null;
}

/**
 * Every record's history in the given tables. A record's own audit entries (entity = its table,
 * read in one pass that never opens an import's bulk `record` entries) are walked back from its
 * current row: each update's `before` gives the state before it, down to the row as first
 * written (by its insert, or inside an import's record entry: either way the state the walk
 * reaches). A deleted record walks back from its delete entry's `before` and ends in a
 * tombstone. Adopted versions (record_versions) are placed at the audit head they were adopted
 * at. `keepRows` keeps each version's row (a merge needs them as common versions); `needed`
 * limits the walk to those records (the others get only their current version).
 */
/** A table's current rows already read and hashed (currentVersions), by recordKey. */
export type CurrentRows = Map<string, { row: Row; normalized: Row; version: string }>;

export interface HistoryOptions {
  keepRows: boolean;
  needed?: (table: string, key: string, current: string | undefined) => boolean;
  /**
   * A version already known for a record's current row (normalized), e.g. a merge's bundle row
   * found equal to it value for value: the row is not hashed again.
   */
  knownVersion?: (table: string, key: string, normalized: Row) => string | undefined;
  /**
   * Rows of some tables already read and hashed (the export's selection): used instead of
   * reading the table again. They may be some of the table's rows only; a record not among them
   * is looked up before it is taken for deleted.
   */
  current?: ReadonlyMap<string, CurrentRows>;
}

/** Each row's normalized form and version, by record key (for HistoryOptions.current). */
export function currentVersions(cf: CaseFile, table: string, rows: readonly Row[]): CurrentRows {
  const k = keyColumns(table);
  const c = tableColumns(cf.db, table);
  const out: CurrentRows = new Map();
  for (const row of rows) {
    const normalized = versionRow(c, table, row);
    out.set(recordKey(k, row), { row, normalized, version: versionHash(normalized) });
  }
  return out;
}

export function recordHistories(cf: CaseFile, tables: readonly string[], opts: HistoryOptions): Histories {
  const db = cf.db;
  const out: Histories = new Map(tables.map((t) => [t, new Map()]));
  const own = new Map<string, Map<string, OwnEntry[]>>(tables.map((t) => [t, new Map()]));
  const placeholders = tables.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT seq, entity, entity_id, action, before_json FROM audit_log WHERE entity IN (${placeholders}) ORDER BY seq`)
    .iterate(...tables) as Iterable<{ seq: number; entity: string; entity_id: string; action: string; before_json: string | null }>;
  for (const e of rows) {
    const key = entityKeyToRecordKey(e.entity, e.entity_id);
    const t = own.get(e.entity)!;
    let list = t.get(key);
    if (!list) t.set(key, (list = []));
    list.push({ seq: e.seq, action: e.action, before: e.before_json });
  }

  /** The lineage of a record whose latest state is `last` (normalized), walking back through `entries`. */
  const walk = (table: string, last: Row, lastVersion: string, entries: OwnEntry[], upTo: number): LineageEntry[] => {
    const c = tableColumns(db, table);
    const lineage: LineageEntry[] = [];
    let state = last;
    let version = lastVersion;
    let first = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.seq > upTo) continue;
      if (e.action === 'update') {
        lineage.push(opts.keepRows ? { version, row: state, seq: e.seq } : { version, seq: e.seq });
        state = versionRow(c, table, { ...state, ...(JSON.parse(e.before ?? '{}') as Row) });
        version = versionHash(state);
        continue;
      }
      if (e.action === 'insert') first = e.seq;
      break; // an insert: the state reached is the first; a delete: an earlier life of the record
    }
    lineage.push(opts.keepRows ? { version, row: state, seq: first } : { version, seq: first });
    return lineage.reverse();
  };

  for (const table of tables) {
    const t = out.get(table)!;
    const k = keyColumns(table);
    const c = tableColumns(db, table);
    const entriesOf = own.get(table)!;
    const add = (key: string, row: Row, n: Row, v: string) => {
      const entries = entriesOf.get(key);
      const lineage =
        entries && (opts.needed?.(table, key, v) ?? true)
          ? walk(table, n, v, entries, Number.MAX_SAFE_INTEGER)
          : [opts.keepRows ? { version: v, row: n, seq: 0 } : { version: v, seq: 0 }];
      t.set(key, { entries: lineage, current: opts.keepRows ? row : n });
    };
    const given = opts.current?.get(table);
    if (given) for (const [key, r] of given) add(key, r.row, r.normalized, r.version);
    else {
      for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Row>) {
        const key = recordKey(k, row);
        const n = versionRow(c, table, row);
        add(key, row, n, opts.knownVersion?.(table, key, n) ?? versionHash(n));
      }
    }
    // Rows given for only some of the table: a record not among them may still be here.
    const exists = given ? stillHere(db, table, k) : () => false;
    // Records deleted through the trail: their state at deletion, walked back, then a tombstone.
    for (const [key, entries] of entriesOf) {
      if (t.has(key)) continue;
      const last = entries[entries.length - 1]!;
      if (last.action !== 'delete' || !last.before || exists(key)) continue;
      if (opts.needed && !opts.needed(table, key, undefined)) {
        t.set(key, { entries: [{ version: tombstoneOf(undefined), seq: last.seq }] });
        continue;
      }
      const atDeletion = versionRow(c, table, JSON.parse(last.before) as Row);
      const lineage = walk(table, atDeletion, versionHash(atDeletion), entries.slice(0, -1), last.seq);
      lineage.push({ version: tombstoneOf(lineage[lineage.length - 1]?.version), seq: last.seq });
      t.set(key, { entries: lineage });
    }
  }

  // Versions adopted from bundles, placed at the audit head they were adopted at; the current
  // version stays last.
  const adopted = db.prepare('SELECT entity, entity_key, version, after_seq, ord, row_json FROM record_versions ORDER BY after_seq, ord').all() as {
    entity: string;
    entity_key: string;
    version: string;
    after_seq: number;
    ord: number;
    row_json: string | null;
  }[];
  const partial = new Map(tables.filter((t) => opts.current?.has(t)).map((t) => [t, stillHere(db, t, keyColumns(t))]));
  /** Histories given adopted versions, with their current (last) entry before any was added. */
  const resort = new Map<RecordHistory, LineageEntry | undefined>();
  for (const a of adopted) {
    const t = out.get(a.entity);
    if (!t) continue;
    let h = t.get(a.entity_key);
    if (!h && partial.get(a.entity)?.(a.entity_key)) continue; // a current record whose rows were not given: not asked about
    if (!h) t.set(a.entity_key, (h = { entries: [] }));
    if (h.entries.some((x) => x.version === a.version)) continue;
    if (!resort.has(h)) resort.set(h, h.entries[h.entries.length - 1]);
    const seq = a.after_seq + (a.ord + 1) / 1e7;
    h.entries.push(opts.keepRows && a.row_json ? { version: a.version, row: JSON.parse(a.row_json) as Row, seq } : { version: a.version, seq });
  }
  for (const [h, last] of resort) {
    h.entries.sort((x, y) => x.seq - y.seq);
    if (!last) continue;
    if (h.entries[h.entries.length - 1] !== last) h.entries.push({ ...last, seq: Number.MAX_SAFE_INTEGER });
  }
  return out;
}

/** The current version of a history: its last entry (a tombstone when the record is gone). */
export function currentVersion(h: RecordHistory | undefined): string | undefined {
  return h?.entries[h.entries.length - 1]?.version;
}

/** currentVersions of each merged table among `raw` (the export's rows as read, before redaction). */
export function currentVersionsOf(cf: CaseFile, raw: Readonly<Record<string, Row[]>>): Map<string, CurrentRows> {
  const out = new Map<string, CurrentRows>();
  for (const table of MERGE_TABLES) if (raw[table]) out.set(table, currentVersions(cf, table, raw[table]));
  return out;
}

/**
 * BundleData.versions for an export: for each exported row, its lineage (oldest first, last =
 * the version of the row as exported, appended when the exporter changed it, e.g. redacted);
 * with `includeDeleted`, also the lineage of every record of these tables that was deleted,
 * ending in its tombstone, so that the receiving side can apply the deletion.
 */
export function bundleVersions(
  cf: CaseFile,
  tables: Record<string, Row[]>,
  opts: { includeDeleted?: boolean; current?: ReadonlyMap<string, CurrentRows> } = {},
): Record<string, Record<string, string[]>> {
  const names = Object.keys(tables).filter((t) => (MERGE_TABLES as readonly string[]).includes(t));
  const histories = recordHistories(cf, names, { keepRows: false, ...(opts.current ? { current: opts.current } : {}) });
  const out: Record<string, Record<string, string[]>> = {};
  for (const table of names) {
    const h = histories.get(table)!;
    const k = keyColumns(table);
    const c = tableColumns(cf.db, table);
    const byKey: Record<string, string[]> = {};
    for (const row of tables[table]!) {
      const key = recordKey(k, row);
      const rec = h.get(key);
      const lineage = (rec?.entries ?? []).map((e) => e.version);
      // A row exported as stored (the usual case) has the current version, already hashed: the
      // last of its lineage. Only a row the exporter changed (or one not comparable field by
      // field) is hashed again.
      if (!(rec?.current && lineage.length > 0 && sameAsNormalized(c, table, row, rec.current))) {
        const exported = versionHash(versionRow(c, table, row));
        if (lineage[lineage.length - 1] !== exported) lineage.push(exported);
      }
      byKey[key] = lineage;
    }
    if (opts.includeDeleted ?? true) {
      for (const [key, rec] of h) {
        if (byKey[key] || rec.current) continue;
        byKey[key] = rec.entries.map((e) => e.version);
      }
    }
    out[table] = byKey;
  }
  return out;
}
