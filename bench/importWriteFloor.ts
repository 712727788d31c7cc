/**
 * A second floor for `npm run bench -- import`, as a diagnostic: what writing this data model's
 * rows costs by itself. Every row an import wrote (read back from its case file beforehand) is
 * inserted into a fresh case file the way the import inserts them: one transaction in a bulk-load
 * session (bulkLoad.ts), indexes and search triggers set aside and rebuilt, one cached statement
 * per table and one run per row, then commit and close. No CSV is parsed, no record is built, no
 * JSON is made and nothing is hashed. The gap between this and the sqlite3 floor is the price
 * of the model (typed, checked tables with keys and indexes, the audit trail, the search marks,
 * 3× the bytes); the gap between the import and this is the importer's own work.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { TABLES } from '../db/import/airwars/tables';
import { bulkLoadSession, suspendIndexes } from '../db/import/bulkLoad';

type Rows = { table: string; columns: string[]; rows: unknown[][] }[];

/** Every row of the import's tables and its audit entries, from an imported case file. */
export function rowsOf(caseFile: string): Rows {
  const db = new Database(caseFile, { readonly: true });
  try {
    return [...TABLES, 'audit_log'].map((table) => {
      const stmt = db.prepare(`SELECT * FROM ${table}`).raw();
      return { table, columns: stmt.columns().map((c) => c.name), rows: stmt.all() as unknown[][] };
    });
  } finally {
    db.close();
  }
}

/** Insert `rows` into a fresh case file at `file`; wall and CPU time (ms) from first insert to closed. */
export function writeFloorOnce(rows: Rows, file: string): { wall: number; cpu: number } {
  const cf = createCaseFile(file, { actor: 'bench' });
  const db = cf.db;
  const firstSeq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  const seqAt = rows.find((r) => r.table === 'audit_log')!.columns.indexOf('seq');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  bulkLoadSession(db, TABLES, () =>
    db
      .transaction(() => {
        const bulk = suspendIndexes(db, TABLES);
        for (const { table, columns, rows: list } of rows) {
          const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
          for (const row of list) if (table !== 'audit_log' || (row[seqAt] as number) > firstSeq) stmt.run(row);
        }
        bulk.restore();
      })
      .immediate(),
  );
  closeCaseFile(cf);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  rmSync(file, { force: true });
  return { wall, cpu: (c.user + c.system) / 1000 };
}
