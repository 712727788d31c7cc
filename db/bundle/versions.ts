/**
 * Per-record versioning (docs/bundles.md). A record's version is the SHA-256 of its canonical
 * row (every column of the table, in name order; a column a trail entry did not name takes the
 * table's default; booleans as 0/1; a blob by its hash and size, not its bytes). Its lineage is
 * every version the audit trail gave it, in trail order, then the versions merges adopted from
 * bundles (table record_versions), then its current row's version when that differs from the
 * trail's (a cascade, a write the trail does not describe), and `deleted:<version>` once it is
 * gone. Two copies of a case file share their trail up to the copy, so they share lineages up
 * to it too, whenever anyone looks; nothing has to be refreshed before copying.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditedTables, RECORD_ENTITY, type Row } from '../audit';
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

/**
 * SHA-256 of canonicalJson(normalized). A normalized row's keys are already in name order and its
 * values are scalars, so JSON.stringify writes exactly the canonical form, natively.
 */
export function versionHash(normalized: Row): string {
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}

/** Whether two normalized rows of the same table hold the same values (cheaper than hashing both). */
function sameRow(a: Row, b: Row): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
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

/**
 * Every record's history in the given tables: the trail replayed (one pass over audit_log),
 * adopted versions, then the current rows. `keepRows` keeps each version's row (a merge needs
 * them as common versions; export needs only the hashes).
 */
export function recordHistories(cf: CaseFile, tables: readonly string[], opts: { keepRows: boolean }): Histories {
  const db = cf.db;
  const wanted = new Set(tables);
  const out: Histories = new Map(tables.map((t) => [t, new Map()]));
  const cols = new Map(tables.map((t) => [t, tableColumns(db, t)]));
  /** The trail's state of each record (needed to apply an update's changed columns) and its version. */
  const state = new Map<string, Map<string, { row: Row; version: string } | null>>(tables.map((t) => [t, new Map()]));

  const push = (table: string, key: string, version: string, row: Row | undefined, seq: number) => {
    const t = out.get(table)!;
    let h = t.get(key);
    if (!h) t.set(key, (h = { entries: [] }));
    const last = h.entries[h.entries.length - 1];
    if (last?.version === version) return;
    h.entries.push(opts.keepRows && row ? { version, row, seq } : { version, seq });
  };
  const setRow = (table: string, key: string, row: Row, seq: number) => {
    const n = versionRow(cols.get(table)!, table, row);
    const version = versionHash(n);
    state.get(table)!.set(key, { row: n, version });
    push(table, key, version, n, seq);
  };
  const deleteRow = (table: string, key: string, seq: number) => {
    const h = out.get(table)!.get(key);
    const prev = h?.entries[h.entries.length - 1]?.version;
    state.get(table)!.set(key, null);
    push(table, key, tombstoneOf(prev), undefined, seq);
  };

  const entries = db.prepare('SELECT seq, entity, entity_id, action, after_json FROM audit_log ORDER BY seq').iterate() as Iterable<{
    seq: number;
    entity: string;
    entity_id: string;
    action: string;
    after_json: string | null;
  }>;
  for (const e of entries) {
    if (e.entity === RECORD_ENTITY) {
      if (!e.after_json) continue;
      const parts = JSON.parse(e.after_json) as Record<string, { columns: string[]; rows: unknown[][] }>;
      for (const [table, part] of Object.entries(parts)) {
        if (!wanted.has(table)) continue;
        const k = keyColumns(table);
        for (const values of part.rows) {
          const row: Row = {};
          part.columns.forEach((c, i) => (row[c] = values[i] ?? null));
          setRow(table, recordKey(k, row), row, e.seq);
        }
      }
      continue;
    }
    if (!wanted.has(e.entity)) continue;
    const key = entityKeyToRecordKey(e.entity, e.entity_id);
    if (e.action === 'delete') deleteRow(e.entity, key, e.seq);
    else if (e.action === 'insert') setRow(e.entity, key, JSON.parse(e.after_json ?? '{}') as Row, e.seq);
    else {
      const before = state.get(e.entity)!.get(key)?.row ?? {};
      setRow(e.entity, key, { ...before, ...(JSON.parse(e.after_json ?? '{}') as Row) }, e.seq);
    }
  }

  // Versions adopted from bundles, placed at the audit head they were adopted at.
  const adopted = db.prepare('SELECT entity, entity_key, version, after_seq, ord, row_json FROM record_versions ORDER BY after_seq, ord').all() as {
    entity: string;
    entity_key: string;
    version: string;
    after_seq: number;
    ord: number;
    row_json: string | null;
  }[];
  const resort = new Set<RecordHistory>();
  for (const a of adopted) {
    const t = out.get(a.entity);
    if (!t) continue;
    let h = t.get(a.entity_key);
    if (!h) t.set(a.entity_key, (h = { entries: [] }));
    if (h.entries.some((x) => x.version === a.version)) continue;
    const seq = a.after_seq + (a.ord + 1) / 1e7;
    h.entries.push(opts.keepRows && a.row_json ? { version: a.version, row: JSON.parse(a.row_json) as Row, seq } : { version: a.version, seq });
    resort.add(h);
  }
  for (const h of resort) h.entries.sort((x, y) => x.seq - y.seq);

  // The rows as they stand now.
  for (const table of tables) {
    const t = out.get(table)!;
    const k = keyColumns(table);
    const c = cols.get(table)!;
    const seen = new Set<string>();
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Row>) {
      const key = recordKey(k, row);
      seen.add(key);
      const n = versionRow(c, table, row);
      const trail = state.get(table)!.get(key);
      const v = trail && sameRow(trail.row, n) ? trail.version : versionHash(n);
      push(table, key, v, n, Number.MAX_SAFE_INTEGER);
      t.get(key)!.current = opts.keepRows ? row : n;
    }
    state.get(table)!.clear();
    for (const [key, h] of t) {
      if (seen.has(key)) continue;
      const last = h.entries[h.entries.length - 1]?.version;
      if (!isTombstone(last)) h.entries.push({ version: tombstoneOf(last), seq: Number.MAX_SAFE_INTEGER });
    }
  }
  return out;
}

/** The current version of a history: its last entry (a tombstone when the record is gone). */
export function currentVersion(h: RecordHistory | undefined): string | undefined {
  return h?.entries[h.entries.length - 1]?.version;
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
  opts: { includeDeleted?: boolean } = {},
): Record<string, Record<string, string[]>> {
  const names = Object.keys(tables).filter((t) => (MERGE_TABLES as readonly string[]).includes(t));
  const histories = recordHistories(cf, names, { keepRows: false });
  const out: Record<string, Record<string, string[]>> = {};
  for (const table of names) {
    const h = histories.get(table)!;
    const k = keyColumns(table);
    const c = tableColumns(cf.db, table);
    const byKey: Record<string, string[]> = {};
    for (const row of tables[table]!) {
      const key = recordKey(k, row);
      const lineage = (h.get(key)?.entries ?? []).map((e) => e.version);
      const exported = versionHash(versionRow(c, table, row));
      if (lineage[lineage.length - 1] !== exported) lineage.push(exported);
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
