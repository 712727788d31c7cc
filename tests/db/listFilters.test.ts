import { describe, expect, it } from 'vitest';
import { change } from '../../db/audit';
import { call } from '../../db/handlers';
import { incidentInput, tempCaseFile } from '../helpers/caseFiles';
import type { CaseFile } from '../../db/casefile';

function person(cf: CaseFile, name: string): string {
  const id = `p-${name}`;
  change(cf, 'profile', (w) => w.insert('people', { id, name, role: 'investigator', created_at: w.at }));
  return id;
}

function seed(cf: CaseFile) {
  const me = person(cf, 'tester');
  const other = person(cf, 'Someone else');
  const bel = (name: string) => ({
    belligerent: name, involvement: 'known', position: 'open', concededKilled: { min: null, max: null },
    concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null,
  }) as const;
  call(cf, 'incidents:create', { incident: incidentInput({ code: 'A1', governorate: 'Raqqa', assigneeId: me, belligerents: [bel('Russia')] }) });
  call(cf, 'incidents:create', { incident: incidentInput({ code: 'A2', governorate: 'raqqa', latitude: null, longitude: null, geoPrecision: null, assigneeId: other, belligerents: [bel('Coalition')] }) });
  call(cf, 'incidents:create', { incident: incidentInput({ code: 'A3', governorate: 'Idlib', assigneeId: null }) });
}

const codes = (cf: CaseFile, input: Parameters<typeof call<'incidents:list'>>[2]) =>
  call(cf, 'incidents:list', { sort: { column: 'code', direction: 'asc' }, ...input }).rows.map((r) => r.code);

describe('incidents:list filters and sorts of the workbench', () => {
  it('filters by governorate, whatever its case', () => {
    const cf = tempCaseFile();
    seed(cf);
    expect(codes(cf, { filter: { governorate: 'RAQQA' } })).toEqual(['A1', 'A2']);
  });

  it('filters by having coordinates or not', () => {
    const cf = tempCaseFile();
    seed(cf);
    expect(codes(cf, { filter: { hasCoordinates: true } })).toEqual(['A1', 'A3']);
    expect(codes(cf, { filter: { hasCoordinates: false } })).toEqual(['A2']);
  });

  it('filters by assignee, "me" being the person using the case file', () => {
    const cf = tempCaseFile(); // actor "tester"
    seed(cf);
    expect(codes(cf, { filter: { assignedTo: 'me' } })).toEqual(['A1']);
    expect(codes(cf, { filter: { assignedTo: 'p-Someone else' } })).toEqual(['A2']);
    expect(call(cf, 'stats:get', { filter: { assignedTo: 'me' } }).incidents).toBe(1);
    const stranger = tempCaseFile({ actor: 'nobody with a profile' });
    seed(stranger);
    expect(codes(stranger, { filter: { assignedTo: 'me' } })).toEqual([]);
    // A profile acting through the handle is "me", whatever the actor's name.
    stranger.profile = { id: 'p-Someone else', name: 'Someone else', role: 'investigator', sign: () => '' };
    expect(codes(stranger, { filter: { assignedTo: 'me' } })).toEqual(['A2']);
  });

  it('sorts by belligerent and by assignee, unknowns last', () => {
    const cf = tempCaseFile();
    seed(cf);
    expect(codes(cf, { sort: { column: 'belligerents', direction: 'asc' } })).toEqual(['A2', 'A1', 'A3']);
    expect(codes(cf, { sort: { column: 'assignee', direction: 'desc' } })).toEqual(['A1', 'A2', 'A3']);
  });

  it('use an index for the new filters and for search upkeep', () => {
    const cf = tempCaseFile();
    // and a page cache that holds an imported archive's incidents
    expect(cf.db.pragma('cache_size', { simple: true })).toBe(-65536);
    const plan = (sql: string) =>
      (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM incidents i WHERE i.governorate = 'x' COLLATE NOCASE")).toMatch(/USING INDEX incidents_governorate/);
    expect(plan("SELECT id FROM incidents i WHERE i.assignee_id = 'p'")).toMatch(/USING INDEX incidents_assignee/);
    expect(plan('SELECT id FROM incidents i WHERE (i.latitude IS NULL OR i.longitude IS NULL) ORDER BY date_start')).toMatch(/incidents_unlocated/);
    expect(plan('SELECT id FROM incidents i ORDER BY i.updated_at DESC LIMIT 100')).toMatch(/incidents_updated/);
    expect(plan("SELECT doc_id FROM search_docs WHERE entity = 'incident' AND entity_id = 'x'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_search_docs/);
    expect(plan("SELECT id FROM sources WHERE archive_url >= 'a' AND archive_url < 'b'")).toMatch(/USING INDEX sources_archive_url/);
    expect(plan("SELECT id FROM sources WHERE url >= 'a' AND url < 'b'")).toMatch(/USING INDEX sources_url/);
    expect(plan("SELECT * FROM captures WHERE sha256 = 'x'")).toMatch(/USING INDEX captures_sha/);
    expect(plan("SELECT * FROM source_incidents WHERE source_id = 'x'")).toMatch(/USING (COVERING )?INDEX (sqlite_autoindex_source_incidents|source_incidents_source)/);
  });
});
