/**
 * Open, create and migrate a case file (one SQLite database).
 * A case file is recognised by its `meta.app` row; anything else is refused, never altered.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { foldText } from './migrations/0003-workbench';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import type { ActingProfile } from './identity';
import type { KeyStore } from './keyStore';

export const APP_ID = 'casefile';

export interface CaseFile {
  db: Database.Database;
  path: string;
  /** Who is making changes through this handle; recorded in every audit entry. */
  actor: string;
  /** Supplies timestamps; injectable so tests can control time. */
  now: () => string;
  /**
   * The local profile acting through this handle (db/profiles.ts): its person, role and signing
   * key. Absent or null: changes are recorded under `actor` alone, unsigned.
   */
  profile?: ActingProfile | null;
  /** This user's private signing keys (db/keyStore.ts); absent: no profile can be created or used. */
  keyStore?: KeyStore;
}

export class CaseFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not_a_case_file' | 'too_new' | 'missing' | 'exists' = 'not_a_case_file',
  ) {
    super(message);
    this.name = 'CaseFileError';
  }
}

export interface OpenOptions {
  actor?: string;
  now?: () => string;
  /** Path to a better-sqlite3 binary built for another runtime (the Electron main process). */
  nativeBinding?: string;
  readonly?: boolean;
  /** This user's key store, for acting as a profile (db/profiles.ts). */
  keyStore?: KeyStore;
}

function connect(path: string, opts: OpenOptions): Database.Database {
  const db = new Database(path, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.readonly ? { readonly: true } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // A 64 MB page cache (the default is 2 MB): an imported archive's incidents alone are ~20 MB,
  // and a list sorted or filtered over all of them should not read them from disk each time.
  db.pragma('cache_size = -65536');
  // The search views (migration 0006) fold text through this function.
  db.function('casefile_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : text === null || text === undefined ? null : foldText(String(text)),
  );
  return db;
}

function handle(db: Database.Database, path: string, opts: OpenOptions): CaseFile {
  return {
    db,
    path,
    actor: opts.actor ?? defaultActor(),
    now: opts.now ?? (() => new Date().toISOString()),
    ...(opts.keyStore ? { keyStore: opts.keyStore } : {}),
  };
}

export function defaultActor(): string {
  return process.env.CASEFILE_ACTOR || process.env.USER || process.env.USERNAME || 'local user';
}

/** Run every migration above the file's version, all in one transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new CaseFileError(
      `This case file was written by a newer version of Casefile (schema ${current}; this version reads up to ${latest}). Update Casefile to open it; the file has not been changed.`,
      'too_new',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}

function isCaseFile(db: Database.Database): boolean {
  const meta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!meta) return false;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'app'").get() as { value: string } | undefined;
  return row?.value === APP_ID;
}

function hasAnyTable(db: Database.Database): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get());
}

/** Create a new, empty case file. Refuses to touch an existing file. */
export function createCaseFile(path: string, opts: OpenOptions & { name?: string } = {}): CaseFile {
  if (existsSync(path) && statSync(path).size > 0) {
    throw new CaseFileError(`${path} already exists; choose another name or open it instead.`, 'exists');
  }
  const db = connect(path, opts);
  try {
    migrate(db);
    const cf = handle(db, path, opts);
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      insert.run('app', APP_ID);
      insert.run('case_id', randomUUID());
      insert.run('case_name', opts.name ?? basename(path).replace(/\.casefile$/i, ''));
      insert.run('created_at', cf.now());
    })();
    return cf;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A load stopped half way in rollback-journal mode (a crash or power cut during an import,
 * db/import/bulkLoad.ts) leaves a "hot" journal beside the file. SQLite rolls it back on the
 * next read, putting the file back as it was before the load, but only through a connection
 * that may write: the read-only check below would fail on it. So, when a journal is there, read
 * once through a plain connection first (nothing else is written or set). Errors are left to
 * the checks that follow, which explain them.
 */
function rollBackStoppedLoad(path: string, opts: OpenOptions): void {
  if (!existsSync(`${path}-journal`)) return;
  try {
    const db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } finally {
      db.close();
    }
  } catch {
    // Not a database, or busy: the read-only open below reports it.
  }
}

/** Open an existing case file, migrating it forward. Refuses non-case files and newer versions. */
export function openCaseFile(path: string, opts: OpenOptions = {}): CaseFile {
  if (!existsSync(path)) throw new CaseFileError(`No case file at ${path}.`, 'missing');
  rollBackStoppedLoad(path, opts);
  let db: Database.Database;
  try {
    db = connect(path, { ...opts, readonly: true });
  } catch (e) {
    throw new CaseFileError(`${path} is not a Casefile case file (${(e as Error).message}).`);
  }
  try {
    // Read-only first: nothing is written to a file that turns out not to be ours.
    let ok: boolean;
    try {
      ok = isCaseFile(db);
    } catch (e) {
      throw new CaseFileError(`${path} is not a Casefile case file: ${(e as Error).message}.`);
    }
    if (!ok) {
      const what = hasAnyTable(db) ? 'a SQLite database of another program' : 'an empty SQLite database';
      throw new CaseFileError(`${path} is not a Casefile case file: it is ${what}. It has not been changed.`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) migrate(db); // throws the "newer version" message
  } finally {
    db.close();
  }
  const rw = connect(path, opts);
  try {
    migrate(rw);
    // Planner statistics for tables that lack them or changed a lot (an import): without them
    // SQLite may read wide incident rows where a narrow covering index would do. ~0.1 s at worst.
    rw.pragma('optimize=0x10002');
    return handle(rw, path, opts);
  } catch (e) {
    rw.close();
    throw e;
  }
}

export function closeCaseFile(cf: CaseFile): void {
  if (cf.db.open) cf.db.close();
}

export function readMeta(cf: CaseFile): Record<string, string> {
  const rows = cf.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
