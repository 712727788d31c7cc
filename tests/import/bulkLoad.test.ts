/**
 * An import into a case file without incidents loads its tables without their secondary indexes
 * and search triggers and rebuilds them at the end (db/import/bulkLoad.ts). What a user would
 * notice if that went wrong: a schema left without an index or trigger, an index that disagrees
 * with its table, a record the search does not find, or an import into a file that already has
 * incidents losing its search marks.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { change, verifyAuditChain } from '../../db/audit';
import type { CaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { importAirwars } from '../../db/import/airwars/index';
import { TABLES } from '../../db/import/airwars/tables';
import { suspendIndexes, bulkLoadSession } from '../../db/import/bulkLoad';
import { snapshot } from '../helpers/caseFiles';
import { suiteCaseFile, syntheticArchive } from './helpers';

const schema = (cf: CaseFile) =>
  cf.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY type, name").all();
const dirty = (cf: CaseFile) =>
  (cf.db.prepare('SELECT entity, entity_id FROM search_dirty ORDER BY entity, entity_id').all() as { entity: string; entity_id: string }[]).map(
    (r) => `${r.entity}:${r.entity_id}`,
  );
const ids = (cf: CaseFile, entity: string, table: string) =>
  (cf.db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => `${entity}:${r.id}`);

describe('bulk loading into a case file without incidents', () => {
  let done = () => undefined as void;
  afterEach(() => done());

  it('sets aside only secondary indexes that lead with no foreign key, and search triggers; a rollback puts them back', () => {
    const s = suiteCaseFile();
    done = s.done;
    const before = schema(s.cf);
    let suspended: readonly string[] = [];
    expect(() =>
      change(s.cf, null, () => {
        suspended = suspendIndexes(s.cf.db, TABLES).suspended;
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(suspended).toEqual(expect.arrayContaining(['incidents_stats', 'incidents_map', 'sources_url', 'sources_archive_url', 'incidents_search_insert', 'victims_search_update', 'incident_codes_search_delete']));
    // Needed while loading: foreign-key lookups of child rows, and every unique constraint.
    for (const kept of ['victims_incident', 'source_incidents_source', 'source_incidents_incident', 'incident_codes_incident', 'data_problems_incident']) {
      expect(suspended).not.toContain(kept);
    }
    expect(suspended.some((n) => n.startsWith('sqlite_autoindex'))).toBe(false);
    expect(schema(s.cf)).toEqual(before);
  });

  it('refuses to run outside a transaction', () => {
    const s = suiteCaseFile();
    done = s.done;
    expect(() => suspendIndexes(s.cf.db, TABLES)).toThrow(/inside/);
  });

  it('leaves the same indexes and triggers, consistent with their tables, and every record searchable at once', () => {
    const s = suiteCaseFile();
    done = s.done;
    const before = schema(s.cf);
    importAirwars(s.cf, syntheticArchive(join(s.dir, 'archive'), 40));
    expect(schema(s.cf)).toEqual(before);
    expect(s.cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(s.cf.db.pragma('foreign_key_check')).toEqual([]);
    // Every imported record is marked for the search index, as the triggers would have marked it.
    const expected = [...ids(s.cf, 'incident', 'incidents'), ...ids(s.cf, 'source', 'sources'), ...ids(s.cf, 'victim', 'victims')].sort();
    expect(expected.length).toBe(40 * 4);
    expect(dirty(s.cf)).toEqual(expected);
    const hit = call(s.cf, 'search:query', { query: 'Victim 37' });
    expect(hit.counts.victim).toBeGreaterThanOrEqual(1);
    expect(call(s.cf, 'search:query', { query: 'SY0012' }).counts.incident).toBe(1);
    expect(call(s.cf, 'search:query', { query: 'Outlet 2' }).counts.source).toBe(40);
    // The indexes serve the queries they were made for.
    const plan = s.cf.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM sources WHERE url = ?').all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX sources_url/);
    expect(verifyAuditChain(s.cf).ok).toBe(true);
  });

  it('into a case file that has incidents already, writes through the indexes and triggers as usual', () => {
    const s = suiteCaseFile();
    done = s.done;
    importAirwars(s.cf, syntheticArchive(join(s.dir, 'small'), 5));
    s.cf.db.exec('DELETE FROM search_dirty');
    const before = schema(s.cf);
    const report = importAirwars(s.cf, syntheticArchive(join(s.dir, 'larger'), 8));
    expect(report.createdCodes).toEqual(['SY0006', 'SY0007', 'SY0008']);
    expect(schema(s.cf)).toEqual(before);
    // Only the new records were marked (by the triggers): three incidents, six sources, three victims.
    expect(dirty(s.cf).length).toBe(3 + 6 + 3);
    expect(call(s.cf, 'search:query', { query: 'Victim 7' }).counts.victim).toBeGreaterThanOrEqual(1);
    expect(s.cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('with foreign keys off, rebuilds the foreign-key indexes too, and refuses a broken reference at the end, saving nothing', () => {
    const s = suiteCaseFile();
    done = s.done;
    const before = schema(s.cf);
    const data = snapshot(s.cf);
    let suspended: readonly string[] = [];
    expect(() =>
      bulkLoadSession(s.cf.db, TABLES, () =>
        change(s.cf, null, (w) => {
          const bulk = suspendIndexes(s.cf.db, TABLES);
          suspended = bulk.suspended;
          w.insert('victims', { id: 'v1', incident_id: 'no-such-incident', ord: 0, civilian_status_contested: 0, sensitive: 0 });
          bulk.restore();
        }),
      ),
    ).toThrow(/1 row\(s\) of victims referring to a incidents row that does not exist \(first: rowid \d+, column incident_id\); nothing was saved/);
    expect(suspended).toEqual(expect.arrayContaining(['victims_incident', 'source_incidents_source', 'data_problems_incident']));
    expect(s.cf.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.cf.db.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(schema(s.cf)).toEqual(before);
    expect(snapshot(s.cf)).toEqual(data);
    // The real thing: a whole import with foreign keys off leaves every reference intact.
    importAirwars(s.cf, syntheticArchive(join(s.dir, 'archive'), 10));
    expect(s.cf.db.pragma('foreign_key_check')).toEqual([]);
    expect(s.cf.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schema(s.cf)).toEqual(before);
  });

  it('into a case file with a reference already broken, keeps foreign keys on, imports, and leaves that row alone (the load is not blamed for it)', () => {
    const s = suiteCaseFile();
    done = s.done;
    // A victim whose incident is missing, from before (written behind the app's back).
    s.cf.db.pragma('foreign_keys = OFF');
    s.cf.db.prepare("INSERT INTO victims (id, incident_id, ord, civilian_status_contested, sensitive) VALUES ('stray', 'gone', 0, 0, 0)").run();
    s.cf.db.pragma('foreign_keys = ON');
    let keysDuringLoad: unknown;
    const report = importAirwars(s.cf, syntheticArchive(join(s.dir, 'archive'), 6), {
      onProgress: (p) => {
        if (p.phase === 'write') keysDuringLoad = s.cf.db.pragma('foreign_keys', { simple: true });
      },
    });
    expect(keysDuringLoad).toBe(1);
    expect(report.createdCodes).toHaveLength(6);
    expect(s.cf.db.pragma('foreign_key_check')).toEqual([expect.objectContaining({ table: 'victims', parent: 'incidents' })]);
    expect(s.cf.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
