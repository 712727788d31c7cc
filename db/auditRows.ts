/**
 * The case data against its audit trail. Replaying every entry gives what each audited row
 * should hold now (an update records only the columns it changed, so a row is the merge of its
 * entries); the file's rows are then compared with it, table by table:
 *   - a row that differs in a column the trail recorded was edited behind the app's back;
 *   - a row no entry wrote was added behind its back (except `meta` rows, which a case file is
 *     created with before its trail starts);
 *   - a row the trail has that the file lacks was deleted behind its back, unless a row it
 *     belongs to was deleted through the trail (ON DELETE CASCADE leaves no entry of its own);
 *     likewise a reference set to NULL by ON DELETE SET NULL is accepted.
 * Columns the trail never recorded (added by a later migration) are not compared; file
 * contents (blobs) are compared by their hash and size, as the trail records them.
 * Rows of a digest record entry (an import) are known by their key and reference values only;
 * the rest of their values are checked against the entry's digest (db/auditDigestCheck.ts).
 */
import type Database from 'better-sqlite3';
import { isDigestAfter, type DigestAfter } from '../shared/auditDigest';
import { auditedTables, canonicalJson, RECORD_ENTITY, type AuditAction } from './audit';
import { DigestReplay } from './auditDigestCheck';
import type { RowProblem } from './auditVerify';

const DELETED = Symbol('deleted');
type Values = Record<string, unknown>;

interface RowState {
  row: Values | typeof DELETED;
  /** The last entry that wrote this row. */
  seq: number;
}

export class RowReplay {
  readonly tables = new Map<string, Map<string, RowState>>();
  readonly digests = new DigestReplay();
  private readonly keys = auditedTables();

  private table(name: string): Map<string, RowState> {
    let t = this.tables.get(name);
    if (!t) {
      t = new Map();
      this.tables.set(name, t);
    }
    return t;
  }

  /** One entry; `before` matters for rows of digest records (what an update or delete replaced). */
  apply(seq: number, entity: string, entityId: string, action: AuditAction, after: unknown, before: unknown = null): void {
    if (entity === RECORD_ENTITY) return isDigestAfter(after) ? this.applyDigest(seq, entityId, after) : this.applyRecord(seq, after);
    if (!this.keys[entity]) return;
    this.digests.touch(entity, entityId, action, before);
    const t = this.table(entity);
    if (action === 'delete') {
      t.set(entityId, { row: DELETED, seq });
    } else if (action === 'insert') {
      t.set(entityId, { row: { ...(after as Values) }, seq });
    } else {
      const current = t.get(entityId);
      const base = current && current.row !== DELETED ? current.row : {};
      t.set(entityId, { row: { ...base, ...(after as Values) }, seq });
    }
  }

  /** A record entry (db/audit.ts insertRecord): `after` = { table: { columns, rows } }. */
  private applyRecord(seq: number, after: unknown): void {
    if (!after || typeof after !== 'object') return;
    for (const [table, part] of Object.entries(after as Record<string, { columns: string[]; rows: unknown[][] }>)) {
      const keyCols = this.keys[table];
      if (!keyCols || !Array.isArray(part?.columns) || !Array.isArray(part.rows)) continue;
      const t = this.table(table);
      for (const values of part.rows) {
        const row: Values = Object.fromEntries(part.columns.map((c, i) => [c, values[i] ?? null]));
        t.set(keyCols.map((k) => String(row[k])).join(':'), { row, seq });
      }
    }
  }

  /** A digest record entry: its rows are known by their key and reference values. */
  private applyDigest(seq: number, recordId: string, after: DigestAfter): void {
    this.digests.add(seq, recordId, after, (table) => this.keys[table], (table, key, stored) => {
      this.table(table).set(key, { row: { ...stored }, seq });
    });
  }

  /** Ids of rows the trail deleted (tables keyed by one column): what cascades may follow. */
  deletedIds(): Set<string> {
    const out = new Set<string>();
    for (const [table, rows] of this.tables) {
      if ((this.keys[table]?.length ?? 0) !== 1) continue;
      for (const [key, s] of rows) if (s.row === DELETED) out.add(key);
    }
    return out;
  }
}

function same(have: unknown, want: unknown): boolean {
  if (have === want) return true;
  if ((have === null || have === undefined) && (want === null || want === undefined)) return true;
  if (typeof want === 'boolean') return have === (want ? 1 : 0);
  if (Buffer.isBuffer(have)) return canonicalJson(have) === canonicalJson(want);
  return false;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  const s = Buffer.isBuffer(v) ? `${v.length} bytes` : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function rowName(table: string, key: string, row: Values | undefined): string {
  const code = table === 'incidents' && typeof row?.code === 'string' ? ` (code ${row.code})` : '';
  const name = table === 'people' && typeof row?.name === 'string' ? ` (${row.name})` : '';
  return `${table} row ${key}${code}${name}`;
}

/** References a cascade may have removed: any *_id column naming a row the trail deleted. */
function cascaded(row: Values, deleted: Set<string>): boolean {
  return Object.entries(row).some(([col, v]) => col.endsWith('_id') && typeof v === 'string' && deleted.has(v));
}

function tableExists(db: Database.Database, table: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table));
}

/** The first row that differs from the replayed trail, or null when the data matches it. */
export function checkRows(db: Database.Database, replay: RowReplay): RowProblem | null {
  const deleted = replay.deletedIds();
  for (const [table, keyCols] of Object.entries(auditedTables())) {
    if (!tableExists(db, table)) continue;
    const expected = replay.tables.get(table) ?? new Map<string, RowState>();
    const seen = new Set<string>();
    const problem = (key: string, row: Values | undefined, what: string): RowProblem => ({
      table,
      key,
      message: `${rowName(table, key, row)} ${what}; it was changed behind the app's back.`,
    });
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Values>) {
      const key = keyCols.map((k) => String(row[k])).join(':');
      seen.add(key);
      const state = expected.get(key);
      if (!state) {
        if (table === 'meta') continue;
        return problem(key, row, 'is in the file, but no audit entry wrote it');
      }
      if (state.row === DELETED) return problem(key, row, `was deleted by audit entry ${state.seq}, yet it is in the file`);
      for (const [col, want] of Object.entries(state.row)) {
        if (!(col in row)) continue;
        const have = row[col];
        if (same(have, want)) continue;
        if (have === null && typeof want === 'string' && deleted.has(want)) continue; // ON DELETE SET NULL
        return problem(key, row, `holds ${col} = ${show(have)}, where the audit trail (entry ${state.seq}) recorded ${show(want)}`);
      }
      replay.digests.seen(table, key, row);
    }
    for (const [key, state] of expected) {
      if (seen.has(key) || state.row === DELETED || cascaded(state.row, deleted)) continue;
      return problem(key, state.row, `was written by audit entry ${state.seq} but is missing from the file`);
    }
  }
  return replay.digests.check(db);
}
