/**
 * Checking digest record entries (db/audit.ts `insertRecord(…, { audit: 'digest' })`) against
 * the case data. A digest entry keeps only each row's key and reference values and the SHA-256
 * of the JSON the full entry would have held, so `verify` rebuilds each row as it was imported:
 *   - the row's current values (or, for a row deleted through the trail, the delete entry's
 *     image of it), with
 *   - every column a later update changed put back to the before-value of the FIRST update
 *     that changed it, and
 *   - the key and reference columns taken from the digest entry itself;
 * then the record's JSON in the same order as at write time, whose hash must equal the digest.
 * Columns a later update changed are also compared with the replayed after-values, and rows
 * that are missing are reported, as for full entries (db/auditRows.ts).
 *
 * A record one of whose rows went without an entry of its own (an ON DELETE CASCADE that the
 * trail accepts) can no longer be rebuilt; its digest is then not checked. The app deletes
 * through the trail, so this only happens to a case file changed outside it.
 */
import type Database from 'better-sqlite3';
import type { DigestAfter } from '../shared/auditDigest';
import { recordJson } from './auditDigest';
import { sha256Hex } from './sha256';
import type { RowProblem } from './auditVerify';

type Values = Record<string, unknown>;

interface TrackedTable {
  table: string;
  columns: readonly string[];
  rows: TrackedRow[];
}

interface TrackedRow {
  part: TrackedTable;
  /** Key and reference values as the digest entry recorded them. */
  stored: Values;
  /** Per column, the before-value of the first later update that changed it. */
  firstBefore: Values | null;
  /** The row's values as imported, as a JSON array in `part.columns` order, once known. */
  json: string | null;
}

interface TrackedRecord {
  seq: number;
  recordId: string;
  sha256: string;
  tables: TrackedTable[];
}

export class DigestReplay {
  readonly records: TrackedRecord[] = [];
  /** Rows of digest records not deleted since, by table and key. */
  private readonly open = new Map<string, Map<string, TrackedRow>>();
  /** Per table, the columns the latest digest entry that stated them gave (a part may leave them out). */
  private readonly columns = new Map<string, string[]>();

  /** A digest entry: `onRow` learns each row's key and recorded values. */
  add(seq: number, recordId: string, d: DigestAfter, keyCols: (table: string) => readonly string[] | undefined, onRow: (table: string, key: string, stored: Values) => void): void {
    const record: TrackedRecord = { seq, recordId, sha256: d.sha256, tables: [] };
    for (const [table, part] of Object.entries(d.tables)) {
      const cols = keyCols(table);
      if (!cols || !part || typeof part !== 'object') continue;
      if (Array.isArray(part.columns)) this.columns.set(table, part.columns);
      // Left out: the same as the latest earlier digest entry that stated them (db/auditDigest.ts).
      const columns = part.columns === undefined ? this.columns.get(table) : part.columns;
      // Malformed, or columns never stated: its rows count as written by no entry (checkRows).
      if (!Array.isArray(columns) || !Array.isArray(part.key) || !Array.isArray(part.keys)) continue;
      const tracked: TrackedTable = { table, columns, rows: [] };
      let open = this.open.get(table);
      if (!open) this.open.set(table, (open = new Map()));
      for (const values of part.keys) {
        const stored: Values = {};
        part.key.forEach((c, i) => (stored[c] = values[i] ?? null));
        const row: TrackedRow = { part: tracked, stored, firstBefore: null, json: null };
        const key = cols.map((k) => String(stored[k])).join(':');
        tracked.rows.push(row);
        open.set(key, row);
        onRow(table, key, stored);
      }
      record.tables.push(tracked);
    }
    this.records.push(record);
  }

  /** A later entry on a row: an update's before-values, a delete's image of the whole row. */
  touch(table: string, key: string, action: string, before: unknown): void {
    const row = this.open.get(table)?.get(key);
    if (!row) return;
    const was = before && typeof before === 'object' ? (before as Values) : {};
    if (action === 'update') {
      row.firstBefore ??= {};
      for (const [c, v] of Object.entries(was)) if (!(c in row.firstBefore)) row.firstBefore[c] = v;
    } else {
      if (action === 'delete') row.json = asImported(row, was);
      this.open.get(table)!.delete(key);
    }
  }

  /** A row of the file: if a digest record still owns it, it gives the values as imported. */
  seen(table: string, key: string, current: Values): void {
    const row = this.open.get(table)?.get(key);
    if (row) row.json = asImported(row, current);
  }

  /** The first digest record whose rows, rebuilt as imported, do not hash to its digest. */
  check(db: Database.Database): RowProblem | null {
    for (const record of this.records) {
      // A row neither in the file nor deleted through the trail: reported by checkRows unless
      // a cascade took it, and then the record cannot be rebuilt (see the header).
      if (record.tables.some((t) => t.rows.some((r) => r.json === null))) continue;
      const json = recordJson(record.tables.map((t) => ({ table: t.table, columns: t.columns, rowsJson: t.rows.map((r) => r.json!) })));
      if (sha256Hex(json) === record.sha256) continue;
      return { table: 'record', key: record.recordId, message: mismatch(db, record) };
    }
    return null;
  }
}

function asImported(row: TrackedRow, base: Values): string {
  const { stored, firstBefore } = row;
  return JSON.stringify(
    row.part.columns.map((c) => (c in stored ? stored[c] : firstBefore && c in firstBefore ? firstBefore[c] : (base[c] ?? null))),
  );
}

function mismatch(db: Database.Database, record: TrackedRecord): string {
  const incidentId = record.tables.find((t) => t.table === 'incidents')?.rows[0]?.stored.id ?? record.recordId;
  const found = db.prepare("SELECT code FROM incidents WHERE id = ?").get(incidentId) as { code: string } | undefined;
  const code = found ? ` (incident ${found.code})` : '';
  const counts = record.tables.map((t) => `${t.rows.length} ${t.table}`).join(', ');
  return (
    `the rows imported by audit entry ${record.seq} as record ${record.recordId}${code} (${counts}) no longer hash to ` +
    `the digest that entry recorded: a value in one of them was changed behind the app's back.`
  );
}
