/**
 * Bulk loading into tables that start out (nearly) empty: inside the import's transaction, drop
 * the tables' secondary indexes and search-index triggers, and put them back once every row is
 * in. Building an index once over sorted keys is far cheaper than inserting into it row by row,
 * and marking every record for the search index in one INSERT…SELECT is cheaper than one
 * trigger run per row. Everything happens in the caller's transaction: a cancelled or failed
 * import rolls the schema back with the rows, and other connections never see it without them.
 *
 * Kept in place, because the load relies on them:
 *   - unique indexes (they enforce constraints; SQLite's own cannot be dropped anyway);
 *   - indexes that lead with a foreign-key column: SQLite looks up child rows by them whenever a
 *     parent row is written while a deferred constraint is outstanding (without them that
 *     lookup is a full scan per row). Unless the load runs with foreign keys off
 *     (`bulkLoadSession`): then no row is looked up while loading, those indexes are rebuilt
 *     too, and `restore()` checks every reference of the loaded tables at once
 *     (PRAGMA foreign_key_check), failing the load, and so rolling it back, if one is broken.
 *
 * `bulkLoadSession` also gives the load a large page cache and, where it can, a rollback journal
 * instead of the write-ahead log (`rollbackJournal`).
 */
import type Database from 'better-sqlite3';

interface SchemaObject {
  name: string;
  sql: string;
  tbl_name?: string;
}

/** Which records the search index keeps for each table (migration 0003's triggers). */
const SEARCH_ENTITIES: Readonly<Record<string, { entity: string; id: string }>> = {
  incidents: { entity: 'incident', id: 'id' },
  sources: { entity: 'source', id: 'id' },
  victims: { entity: 'victim', id: 'id' },
  incident_codes: { entity: 'incident', id: 'incident_id' },
};

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Secondary indexes of `table` that a bulk load may drop and rebuild. */
function droppableIndexes(db: Database.Database, table: string, foreignKeysOn: boolean): SchemaObject[] {
  const fkColumns = new Set((db.pragma(`foreign_key_list(${quoteId(table)})`) as { from: string }[]).map((f) => f.from));
  const list = db.pragma(`index_list(${quoteId(table)})`) as { name: string; unique: number; origin: string }[];
  const out: SchemaObject[] = [];
  for (const ix of list) {
    if (ix.unique || ix.origin !== 'c') continue;
    const cols = db.pragma(`index_info(${quoteId(ix.name)})`) as { seqno: number; name: string | null }[];
    const first = cols.find((c) => c.seqno === 0)?.name;
    if (foreignKeysOn && first && fkColumns.has(first)) continue;
    const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").get(ix.name) as { sql: string | null } | undefined;
    if (row?.sql) out.push({ name: ix.name, sql: row.sql });
  }
  return out;
}

/** The triggers that mark rows of `table` for the search index. */
function searchTriggers(db: Database.Database, table: string): SchemaObject[] {
  return db
    .prepare("SELECT name, sql, tbl_name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%search_dirty%'")
    .all(table) as SchemaObject[];
}

export interface BulkLoad {
  /** What was set aside (index and trigger names), for reports and tests. */
  readonly suspended: readonly string[];
  /** Rebuild the indexes, restore the triggers, and mark every row of the tables for the search index. */
  restore(): void;
}

/**
 * Set aside the secondary indexes and search triggers of `tables` for a bulk load. Must run
 * inside a transaction; call `restore()` in the same transaction once the rows are in.
 */
export function suspendIndexes(db: Database.Database, tables: readonly string[]): BulkLoad {
  if (!db.inTransaction) throw new Error('suspendIndexes must run inside the load’s transaction');
  const foreignKeysOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const indexes = tables.flatMap((t) => droppableIndexes(db, t, foreignKeysOn));
  const triggers = tables.flatMap((t) => searchTriggers(db, t));
  for (const ix of indexes) db.exec(`DROP INDEX ${quoteId(ix.name)}`);
  for (const tr of triggers) db.exec(`DROP TRIGGER ${quoteId(tr.name)}`);
  let restored = false;
  return {
    suspended: [...indexes, ...triggers].map((o) => o.name),
    restore() {
      if (restored) return;
      restored = true;
      for (const ix of indexes) db.exec(ix.sql);
      for (const tr of triggers) db.exec(tr.sql);
      if (!foreignKeysOn) checkReferences(db, tables);
      // What the triggers would have marked, and possibly more (rows that were there before
      // the load): rebuilding a record's search text again is harmless.
      const marked = new Set(triggers.map((tr) => tr.tbl_name));
      for (const table of tables) {
        const s = SEARCH_ENTITIES[table];
        if (!s || !marked.has(table)) continue;
        db.prepare(
          `INSERT OR IGNORE INTO search_dirty (entity, entity_id) SELECT ?, ${quoteId(s.id)} FROM ${quoteId(table)} ORDER BY 2`,
        ).run(s.entity);
      }
    },
  };
}

/** The page cache a bulk load works in (256 MiB; a case file's own is 64 MiB, casefile.ts). */
const LOAD_CACHE_KIB = 262_144;

/**
 * Run `fn` (which opens the load's transaction) over `tables` with foreign keys off and a page
 * cache large enough to hold what the load writes (so that pages are not spilled before the
 * commit), and put both back after. Only for loads into tables that start out empty: nothing
 * cascades while foreign keys are off. The load must check its references itself before it
 * commits (`restore()` does, when they are off).
 *
 * When this connection is the only one open on the case file (the CLI, a test; not the app,
 * whose window keeps its own connection), the load also runs with a rollback journal instead of
 * the write-ahead log (`rollbackJournal`), and the case file goes back to WAL after.
 */
export function bulkLoadSession<T>(db: Database.Database, tables: readonly string[], fn: () => T): T {
  // Inside a transaction the foreign_keys pragma is a no-op; then the load simply runs with them on.
  if (db.inTransaction || db.pragma('foreign_keys', { simple: true }) !== 1) return fn();
  // A reference already broken before the load (the tables are nearly empty: this is quick)
  // would fail the check at the end and be blamed on the load: then keep foreign keys on, so
  // that only what the load itself breaks counts.
  const keysOff = !tables.some((t) => (db.pragma(`foreign_key_check(${quoteId(t)})`) as unknown[]).length > 0);
  const cache = db.pragma('cache_size', { simple: true }) as number;
  if (keysOff) db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  try {
    return rollbackJournal(db, fn);
  } finally {
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cache}`);
  }
}

/**
 * Run `fn` with a rollback journal when the case file can switch to one now, i.e. when no other
 * connection has it open; else simply run `fn` (in WAL). Why: in WAL every page a load writes is
 * written twice, into the log at commit and into the case file at the next checkpoint; with a
 * rollback journal, pages the load adds to the end of the file are written once, and only the
 * few pages it changes are copied to the journal first. The commit is as atomic either way: a
 * crash leaves a journal that SQLite rolls back on the next open. The switch back to WAL needs
 * the same exclusive access, which this connection still has.
 */
function rollbackJournal<T>(db: Database.Database, fn: () => T): T {
  // (Called outside any transaction: bulkLoadSession runs `fn` directly inside one.)
  if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return fn();
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  let switched = false;
  // Fail at once rather than wait: another connection's mere presence is an answer.
  db.pragma('busy_timeout = 0');
  try {
    switched = String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() === 'delete';
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  if (!switched) return fn();
  try {
    return fn();
  } finally {
    // Best effort, and never an error: the load is over (committed or rolled back) by now. Should
    // a connection opened meanwhile hold the switch up, the case file stays in rollback mode,
    // which is as safe, until its next open (casefile.ts) puts WAL back.
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      // left in rollback mode
    }
  }
}

/** Every reference of `tables` names a row that exists; else throws, naming the first broken one. */
function checkReferences(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) {
    const bad = db.pragma(`foreign_key_check(${quoteId(table)})`) as { table: string; rowid: number | null; parent: string; fkid: number }[];
    if (bad.length === 0) continue;
    const first = bad[0]!;
    const fk = (db.pragma(`foreign_key_list(${quoteId(table)})`) as { id: number; from: string }[]).find((f) => f.id === first.fkid);
    throw new Error(
      `The load would leave ${bad.length} row(s) of ${table} referring to a ${first.parent} row that does not exist ` +
        `(first: rowid ${first.rowid}, column ${fk?.from ?? '?'}); nothing was saved.`,
    );
  }
}
