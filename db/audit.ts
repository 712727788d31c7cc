/**
 * The one path for changes. Every insert, update and delete of case data goes through
 * `change()`, which writes the row and a hash-chained audit entry in the same transaction.
 *
 * hash(n) = sha256(hash(n-1) + "\n" + canonicalJson({seq, at, actor, entity, entityId, action, before, after, reason}))
 * The first entry chains from 64 zeros. Editing, deleting or reordering any entry breaks every
 * hash after it, which `verifyAuditChain` reports.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaseFile } from './casefile';

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
};

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
}

export function entryHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(e)}`).digest('hex');
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

export interface Writer {
  /** Insert a row; returns it. */
  insert(table: string, row: Row): Row;
  /** Update the columns in `patch` of the row with this key; returns false when nothing differed. */
  update(table: string, key: Row, patch: Row): boolean;
  /** Delete the row with this key; returns false when there was none. */
  remove(table: string, key: Row): boolean;
  /** Read one row by key (inside the same transaction). */
  get(table: string, key: Row): Row | undefined;
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
  const appendAudit = (entity: string, key: Row, action: AuditAction, before: Row | null, after: Row | null) => {
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const entityId = keyOf(entity).map((k) => String(key[k])).join(':');
    const content: AuditContent = { seq, at, actor: cf.actor, entity, entityId, action, before, after, reason };
    const hash = entryHash(prevHash, content);
    prep(
      `INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      seq,
      at,
      cf.actor,
      entity,
      entityId,
      action,
      before === null ? null : canonicalJson(before),
      after === null ? null : canonicalJson(after),
      reason,
      prevHash,
      hash,
    );
    last = { seq, hash };
    entries++;
  };

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
      appendAudit(table, pickKey(table, row), 'insert', null, forAudit(table, after));
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
      appendAudit(table, k, 'update', forAudit(table, pick(before, changed)), forAudit(table, pick(patch, changed)));
      return true;
    },
    remove(table, key) {
      const k = pickKey(table, key);
      const before = get(table, k);
      if (!before) return false;
      prep(`DELETE FROM ${table} WHERE ${where(table)}`).run(k);
      appendAudit(table, k, 'delete', forAudit(table, before), null);
      return true;
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

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBroken: number | null;
  message: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: AuditAction;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** Recompute the chain from the start; name the first entry whose content or link is wrong. */
export function verifyAuditChain(cf: CaseFile): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  for (const r of cf.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    n++;
    const broken = (why: string): VerifyResult => ({
      ok: false,
      entries: n,
      firstBroken: r.seq,
      message: `Audit entry ${r.seq} (${r.action} ${r.entity} ${r.entity_id} by ${r.actor} at ${r.at}) ${why}.`,
    });
    if (r.seq !== expectedSeq) {
      return { ...broken(`follows entry ${expectedSeq - 1}: entries are missing`), firstBroken: expectedSeq };
    }
    if (r.prev_hash !== prev) return broken('does not chain from the entry before it');
    const content: AuditContent = {
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      reason: r.reason,
    };
    if (entryHash(prev, content) !== r.hash) return broken('has been altered since it was written');
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: n, firstBroken: null, message: `All ${n} audit entries verify.` };
}
