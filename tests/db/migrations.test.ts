import Database from 'better-sqlite3';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, createCaseFile, migrate, openCaseFile } from '../../db/casefile';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { tempDir } from '../helpers/caseFiles';

const DOMAIN_TABLES = [
  'meta', 'people', 'incidents', 'incident_codes', 'incident_belligerents', 'strike_reports', 'strike_matches',
  'sources', 'source_incidents', 'blobs', 'captures', 'victims', 'incident_web_links', 'incident_links',
  'grade_history', 'review_decisions', 'audit_log',
];

describe('migrations', () => {
  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('migrate an empty database step by step to the latest version', () => {
    const db = new Database(':memory:');
    for (let v = 1; v <= LATEST_VERSION; v++) {
      expect(migrate(db, MIGRATIONS.slice(0, v))).toBe(v);
      expect(db.pragma('user_version', { simple: true })).toBe(v);
    }
    const tables = (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[]);
    for (const t of DOMAIN_TABLES) {
      const table = tables.find((x) => x.name === t);
      expect(table, `table ${t}`).toBeDefined();
      expect(table!.sql, `${t} is STRICT`).toMatch(/\)\s*STRICT\s*$/);
    }
    expect(migrate(db)).toBe(LATEST_VERSION); // idempotent
    db.close();
  });

  it('roll back entirely when a migration fails', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'broken', sql: 'CREATE TABLE x (a INT) STRICT; SELECT * FROM nowhere;' }];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('incidents', 'x')").get()).toEqual({ n: 0 });
    db.close();
  });

  it('create a case file with WAL, foreign keys and a busy timeout', () => {
    const cf = createCaseFile(join(tempDir(), 'a.casefile'));
    expect(cf.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cf.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cf.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(cf.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeCaseFile(cf);
  });

  it('refuse a case file written by a newer version, leaving it unchanged', () => {
    const path = join(tempDir(), 'new.casefile');
    closeCaseFile(createCaseFile(path));
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(path);
    expect(() => openCaseFile(path)).toThrow(/newer version of Casefile/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuse another program's SQLite database without touching it", () => {
    const path = join(tempDir(), 'other.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const before = readFileSync(path);
    expect(() => openCaseFile(path)).toThrow(/not a Casefile case file: it is a SQLite database of another program/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuse a file that is not SQLite at all, and a missing file', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.casefile');
    writeFileSync(path, 'these are not the droids you are looking for'.repeat(100));
    expect(() => openCaseFile(path)).toThrow(/not a Casefile case file/);
    expect(() => openCaseFile(join(dir, 'missing.casefile'))).toThrow(/No case file at/);
  });

  it('refuse to create over an existing file', () => {
    const path = join(tempDir(), 'x.casefile');
    closeCaseFile(createCaseFile(path));
    expect(() => createCaseFile(path)).toThrow(/already exists/);
  });

  it('use an index for the hot incident queries', () => {
    const cf = createCaseFile(join(tempDir(), 'plan.casefile'));
    const plan = (sql: string) =>
      (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.includes('?') ? ['x'] : [])) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM incidents WHERE code = ?')).toMatch(/USING INDEX sqlite_autoindex_incidents/);
    expect(plan("SELECT * FROM incidents i WHERE i.date_start >= '2017-01-01' ORDER BY i.date_start")).toMatch(/incidents_date/);
    expect(plan('SELECT * FROM incident_belligerents WHERE incident_id = ? ORDER BY ord')).toMatch(/sqlite_autoindex_incident_belligerents/);
    expect(plan('SELECT * FROM victims WHERE incident_id = ? ORDER BY ord')).toMatch(/victims_incident/);
    expect(plan('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq')).toMatch(/audit_log_entity/);
    closeCaseFile(cf);
  });
});
