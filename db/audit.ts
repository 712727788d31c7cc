/**
 * The one path for changes. Every insert, update and delete of case data goes through
 * `change()`, which writes the row and a hash-chained audit entry in the same transaction.
 *
 * hash(n) = sha256(hash(n-1) + "\n" + canonicalJson({seq, at, actor, entity, entityId, action, before, after, reason}))
 * The first entry chains from 64 zeros. Editing, deleting or reordering any entry breaks every
 * hash after it, which `verifyAuditChain` reports.
 *
 * Signing: when a profile acts (cf.profile), its person id joins the hashed content as `signer`
 * (absent otherwise, so unsigned entries hash as they always did) and its private key signs the
 * entry's hash; audit_log keeps the signature and signer_id. See db/auditVerify.ts.
 *
 * Bulk inserts use `insertRecord`: the rows of one record (an incident and the rows that hang
 * off it) are inserted with cached statements and described by ONE entry (entity `record`).
 * By default its `after` holds every inserted row: { table: { columns, rows } }. The importers
 * pass `{ audit: 'digest' }`: the entry then holds, per table, the column names (only in the
 * change's first entry with rows of that table) and each row's key and reference values, plus the SHA-256 of the JSON the full entry would have held
 * (shared/auditDigest.ts, db/auditDigest.ts, docs/audit.md). The values live in the tables,
 * every later update entry records the before-values of what it changes and every delete the
 * whole row, so `verify` can rebuild the rows as imported and check them against the digest
 * (db/auditDigestCheck.ts).
 * Merges and anything carrying `people` rows (public keys the signature check reads from the
 * trail) keep full entries. Either entry is hashed and signed like any other.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { digestEntryJson } from './auditDigest';
import type { CaseFile } from './casefile';
import { assertWritable } from './writeLock';

export type Row = Record<string, unknown>;
export type AuditAction = 'insert' | 'update' | 'delete';

/** Primary-key columns of every table that change() may write. */
const KEYS: Record<string, readonly string[]> = {
  meta: ['key'],
  people: ['id'],
  incidents: ['id'],
  incident_codes: ['code'],
  strike_reports: ['id'],
  incident_belligerents: ['id'],
  strike_matches: ['strike_report_id', 'incident_id'],
  sources: ['id'],
  source_incidents: ['source_id', 'incident_id'],
  blobs: ['sha256'],
  captures: ['id'],
  victims: ['id'],
  incident_web_links: ['id'],
  incident_links: ['id'],
  grade_history: ['id'],
  review_decisions: ['id'],
  data_problems: ['id'],
  duplicate_decisions: ['incident_a', 'incident_b'],
  duplicate_merges: ['id'],
  repeat_dismissals: ['source_a', 'source_b'],
  victim_pair_dismissals: ['victim_a', 'victim_b'],
};

/**
 * Tables of run bookkeeping, not case data: written through `Writer.journal`, in the same
 * transaction as the change they describe, but not audited. `imports` is the log of import runs
 * (each with its saved report); auditing it would make a re-import that changes nothing show up
 * in the audit log.
 */
const JOURNAL_TABLES: ReadonlySet<string> = new Set(['imports', 'record_versions']);

/** Every audited table and its key columns (db/auditRows.ts replays the trail over them). */
export function auditedTables(): Readonly<Record<string, readonly string[]>> {
  return KEYS;
}

/** The audit entity of a record written by `insertRecord`; its entity id is the record's id. */
export const RECORD_ENTITY = 'record';

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return JSON.stringify({ $bytes: createHash('sha256').update(value).digest('hex') });
  }
  const entries = Object.entries(value as Row)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditContent {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  reason: string | null;
  /** The person (people.id) whose key signed the entry; absent when written without a profile. */
  signer?: string;
}

export function entryHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(e)}`).digest('hex');
}

/**
 * The same hash as `entryHash`, from before/after already in canonical JSON: the content is
 * spelled out in canonical key order, so large rows are not walked a second time.
 */
function entryHashFromJson(prevHash: string, e: Omit<AuditContent, 'before' | 'after'>, beforeJson: string | null, afterJson: string | null): string {
  const content =
    `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"after":${afterJson ?? 'null'},` +
    `"at":${JSON.stringify(e.at)},"before":${beforeJson ?? 'null'},"entity":${JSON.stringify(e.entity)},` +
    `"entityId":${JSON.stringify(e.entityId)},"reason":${JSON.stringify(e.reason)},"seq":${JSON.stringify(e.seq)}` +
    `${e.signer === undefined ? '' : `,"signer":${JSON.stringify(e.signer)}`}}`;
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Rows of one table inserted as part of a record: values in `columns` order. */
export interface RecordPart {
  table: string;
  columns: readonly string[];
  /** Only strings, finite numbers and null: what the audit entry shows is what SQLite stores. */
  rows: readonly (readonly (string | number | null)[])[];
}

/** What the audit log keeps of a row: file contents are represented by their hash. */
function forAudit(table: string, row: Row | undefined): Row | null {
  if (!row) return null;
  if (table === 'blobs') return { sha256: row.sha256, size: row.size };
  return row;
}

function keyOf(table: string): readonly string[] {
  const key = KEYS[table];
  if (!key) throw new Error(`Table ${table} is not writable through change()`);
  return key;
}

export interface InsertRecordOptions {
  /** 'full' (the default): the entry holds every row; 'digest': keys and a hash (imports only). */
  audit?: 'full' | 'digest';
}

export interface Writer {
  /** Insert a row; returns it. */
  insert(table: string, row: Row): Row;
  /** Update the columns in `patch` of the row with this key; returns false when nothing differed. */
  update(table: string, key: Row, patch: Row): boolean;
  /** Delete the row with this key; returns false when there was none. */
  remove(table: string, key: Row): boolean;
  /** Read one row by key (inside the same transaction). */
  get(table: string, key: Row): Row | undefined;
  /**
   * Insert the rows of one record (parts in order, so parents come first) and write ONE audit
   * entry for them: entity `record`, entity id `recordId`, `after` = { table: { columns, rows } },
   * or with `audit: 'digest'` the rows' keys and the SHA-256 of that JSON (see the header).
   */
  insertRecord(recordId: string, parts: readonly RecordPart[], opts?: InsertRecordOptions): void;
  /** Insert a row into a journal table (run bookkeeping such as `imports`): not audited. */
  journal(table: string, row: Row): void;
  readonly at: string;
  /** How many audit entries this change has written so far. */
  readonly entries: number;
}

export class ChangeError extends Error {}

/**
 * Run `fn` in one transaction; every write it makes is audited. Throwing rolls back the rows
 * and their audit entries together.
 */
export function change<T>(cf: CaseFile, reason: string | null, fn: (w: Writer) => T): T {
  assertWritable(cf);
  const db = cf.db;
  const at = cf.now();
  const stmtCache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let s = stmtCache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      stmtCache.set(sql, s);
    }
    return s;
  };

  let entries = 0;
  let last: { seq: number; hash: string } | undefined;
  /** Per table, the columns this change's digest entries last stated (db/auditDigest.ts). */
  const statedColumns = new Map<string, string>();
  const appendAudit = (entity: string, entityId: string, action: AuditAction, beforeJson: string | null, afterJson: string | null) => {
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    // A profile signs the entry: its id is part of the hashed content, its key signs the hash.
    const signer = cf.profile ? cf.profile.id : undefined;
    const hash = entryHashFromJson(prevHash, { seq, at, actor: cf.actor, entity, entityId, action, reason, ...(signer ? { signer } : {}) }, beforeJson, afterJson);
    const signature = cf.profile ? cf.profile.sign(hash) : null;
    prep(
      `INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash, signature, signer_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(seq, at, cf.actor, entity, entityId, action, beforeJson, afterJson, reason, prevHash, hash, signature, signer ?? null);
    last = { seq, hash };
    entries++;
  };
  const audit = (entity: string, key: Row, action: AuditAction, before: Row | null, after: Row | null) =>
    appendAudit(
      entity,
      keyOf(entity).map((k) => String(key[k])).join(':'),
      action,
      before === null ? null : canonicalJson(before),
      after === null ? null : canonicalJson(after),
    );

  const where = (table: string) => keyOf(table).map((k) => `${k} = @${k}`).join(' AND ');
  const pickKey = (table: string, row: Row): Row => {
    const k: Row = {};
    for (const col of keyOf(table)) {
      if (row[col] === undefined || row[col] === null) throw new ChangeError(`${table}: key ${col} is missing`);
      k[col] = row[col];
    }
    return k;
  };
  const get = (table: string, key: Row) =>
    prep(`SELECT * FROM ${table} WHERE ${where(table)}`).get(pickKey(table, key)) as Row | undefined;

  const writer: Writer = {
    at,
    get entries() {
      return entries;
    },
    get,
    insert(table, row) {
      const cols = Object.keys(row);
      prep(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
      const after = get(table, row);
      audit(table, pickKey(table, row), 'insert', null, forAudit(table, after));
      return after ?? row;
    },
    update(table, key, patch) {
      const k = pickKey(table, key);
      const before = get(table, k);
      if (!before) throw new ChangeError(`${table}: no row ${Object.values(k).join(':')}`);
      const changed = Object.keys(patch).filter((c) => !sameValue(before[c], patch[c]));
      if (changed.length === 0) return false;
      const params: Row = { ...k };
      changed.forEach((c, i) => (params[`v${i}`] = patch[c]));
      prep(`UPDATE ${table} SET ${changed.map((c, i) => `${c} = @v${i}`).join(', ')} WHERE ${where(table)}`).run(params);
      audit(table, k, 'update', forAudit(table, pick(before, changed)), forAudit(table, pick(patch, changed)));
      return true;
    },
    remove(table, key) {
      const k = pickKey(table, key);
      const before = get(table, k);
      if (!before) return false;
      prep(`DELETE FROM ${table} WHERE ${where(table)}`).run(k);
      audit(table, k, 'delete', forAudit(table, before), null);
      return true;
    },
    insertRecord(recordId, parts, opts) {
      const digest = opts?.audit === 'digest';
      const after: Record<string, { columns: readonly string[]; rows: RecordPart['rows'] }> = {};
      const sorted = parts.filter((p) => p.rows.length > 0).sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
      for (const part of sorted) {
        if (after[part.table]) throw new ChangeError(`insertRecord: table ${part.table} appears twice`);
        // Signatures are checked against public keys read from full entries (db/auditVerify.ts).
        if (digest && part.table === 'people') throw new ChangeError('insertRecord: people rows are never audited by digest');
        after[part.table] = { columns: part.columns, rows: part.rows };
      }
      for (const part of parts) {
        if (part.rows.length === 0) continue;
        keyOf(part.table);
        const stmt = prep(`INSERT INTO ${part.table} (${part.columns.join(', ')}) VALUES (${part.columns.map(() => '?').join(', ')})`);
        for (const row of part.rows) {
          if (row.length !== part.columns.length) throw new ChangeError(`insertRecord: a ${part.table} row has ${row.length} values for ${part.columns.length} columns`);
          stmt.run(row);
        }
      }
      // Keys in sorted order and arrays of plain values: JSON.stringify is the canonical form here.
      const full = JSON.stringify(after);
      appendAudit(RECORD_ENTITY, recordId, 'insert', null, digest ? digestEntryJson(db, sorted, keyOf, full, statedColumns) : full);
    },
    journal(table, row) {
      if (!JOURNAL_TABLES.has(table)) throw new Error(`Table ${table} is not a journal table`);
      const cols = Object.keys(row);
      prep(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    },
  };

  // IMMEDIATE: take the write lock first, so the chain's head cannot move under us.
  return db.transaction(() => {
    last = prep('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as typeof last;
    return fn(writer);
  }).immediate();
}

function pick(row: Row, cols: string[]): Row {
  return Object.fromEntries(cols.map((c) => [c, row[c] ?? null]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  // SQLite returns integers for booleans we wrote as 0/1.
  if (typeof a === 'number' && typeof b === 'boolean') return a === (b ? 1 : 0);
  return false;
}

// Verification (chain, signatures, data against the trail) lives in db/auditVerify.ts.
export { verifyAuditChain, type VerifyResult } from './auditVerify';
