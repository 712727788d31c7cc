/** Schema v2 (imports, data problems): present, STRICT, and the queries the app runs use an index. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations/index';
import { migration0002 } from '../../db/migrations/0002-import';
import { tempCaseFile } from '../helpers/caseFiles';

describe('schema v2: imports and data problems', () => {
  it('is migration 2, with STRICT tables', () => {
    expect(MIGRATIONS[1]).toBe(migration0002);
    const cf = tempCaseFile();
    for (const t of ['imports', 'data_problems']) {
      const row = cf.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t) as { sql: string } | undefined;
      expect(row?.sql, t).toMatch(/\)\s*STRICT\s*$/);
    }
  });

  it('finds an incident’s problems, and incidents with problems, through an index', () => {
    const cf = tempCaseFile();
    const plan = (sql: string) => (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM data_problems WHERE incident_id = 'x'")).toMatch(/data_problems_incident/);
    expect(plan('SELECT i.id FROM incidents i WHERE EXISTS (SELECT 1 FROM data_problems dp WHERE dp.incident_id = i.id)')).toMatch(/data_problems_incident/);
    expect(plan("SELECT * FROM data_problems WHERE entity_id = 'x'")).toMatch(/data_problems_entity/);
  });

  it('refuses a report that is not JSON', () => {
    const cf = tempCaseFile();
    expect(() =>
      cf.db
        .prepare("INSERT INTO imports VALUES ('i', 'csv', 's', 'a', 't', 't', 0, 0, 0, 0, 0, 0, 'not json')")
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
