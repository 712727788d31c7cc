import { describe, expect, it } from 'vitest';
import { call, dispatch, handlers } from '../../db/handlers';
import { CHANNELS, type Channel } from '../../shared/contract';
import { incidentInput, snapshot, tempCaseFile, unknownCasualties } from '../helpers/caseFiles';
import { STRIKE_BAD_INPUTS } from './strikeBadInputs';

const belligerent = {
  belligerent: 'U.S.-led Coalition',
  involvement: 'known',
  position: 'credible',
  concededKilled: { min: 1, max: 1 },
  concededInjured: { min: null, max: null },
  locationText: null,
  mgrs: null,
  statement: null,
} as const;

const sourceFields = {
  kind: 'local_media', outlet: null, author: null, url: 'https://example.org/a', archiveUrl: null, language: 'Arabic',
  publishedDate: null, accessedDate: null, title: 'A report', excerptOriginal: null, excerptTranslation: null,
  credibilityNotes: null, sensitivePersonal: false, sensitiveGraphic: false,
};
const victimFields = {
  id: null, nameLatin: 'Ahmad', nameLocal: 'أحمد', gender: 'male', age: null, ageGroup: null, harm: 'killed',
  familyGroup: null, civilianStatusContested: false, sensitive: false,
};

const casualties = (patch: Record<string, { min: number | null; max: number | null }>) => ({ ...unknownCasualties(), ...patch });

/** For every channel, inputs a person or a buggy caller could send, each refused. */
const BAD_INPUTS: Record<Channel, { why: string; input: unknown; path?: string }[]> = {
  'case:info': [{ why: 'unexpected field', input: { foo: 1 } }],
  'incidents:list': [
    { why: 'negative offset', input: { offset: -1 }, path: 'offset' },
    { why: 'limit too large', input: { limit: 100000 }, path: 'limit' },
    { why: 'unknown sort column', input: { sort: { column: 'secret', direction: 'asc' } }, path: 'sort.column' },
    { why: 'unknown grade', input: { filter: { grade: ['certain'] } }, path: 'filter.grade.0' },
    { why: 'impossible date', input: { filter: { from: '2017-02-30' } }, path: 'filter.from' },
    { why: 'to before from', input: { filter: { from: '2018-01-01', to: '2017-01-01' } }, path: 'filter.to' },
    { why: 'not an object', input: 'everything' },
  ],
  'incidents:get': [
    { why: 'no id or code', input: {} },
    { why: 'empty id', input: { id: '' } },
  ],
  'incidents:create': [
    { why: 'min above max', input: { incident: incidentInput({ casualties: casualties({ killed: { min: 5, max: 2 } }) }) }, path: 'incident.casualties.killed.max' },
    { why: 'category min above total max', input: { incident: incidentInput({ casualties: casualties({ killed: { min: 1, max: 3 }, childrenKilled: { min: 4, max: 4 } }) }) }, path: 'incident.casualties.childrenKilled.min' },
    { why: 'negative count', input: { incident: incidentInput({ casualties: casualties({ injured: { min: -1, max: 2 } }) }) }, path: 'incident.casualties.injured.min' },
    { why: 'fractional count', input: { incident: incidentInput({ casualties: casualties({ injured: { min: 1.5, max: 2 } }) }) }, path: 'incident.casualties.injured.min' },
    { why: 'end before start', input: { incident: incidentInput({ dateStart: '2017-03-17', dateEnd: '2017-03-01' }) }, path: 'incident.dateEnd' },
    { why: 'not a date', input: { incident: incidentInput({ dateStart: '17/03/2017' }) }, path: 'incident.dateStart' },
    { why: 'latitude out of range', input: { incident: incidentInput({ latitude: 91 }) }, path: 'incident.latitude' },
    { why: 'longitude without latitude', input: { incident: incidentInput({ latitude: null }) }, path: 'incident.latitude' },
    { why: 'grade without rationale', input: { incident: incidentInput({ grade: 'fair', gradeRationale: '  ' }) }, path: 'incident.gradeRationale' },
    { why: 'empty code', input: { incident: incidentInput({ code: ' ' }) }, path: 'incident.code' },
    { why: 'unknown status', input: { incident: { ...incidentInput(), status: 'done' } }, path: 'incident.status' },
    { why: 'conceded min above max', input: { incident: incidentInput({ belligerents: [{ ...belligerent, concededKilled: { min: 3, max: 1 } }] }) }, path: 'incident.belligerents.0.concededKilled.max' },
    { why: 'missing incident', input: {} },
  ],
  'incidents:update': [
    { why: 'missing id', input: { incident: incidentInput() } },
    { why: 'min above max', input: { id: 'x', incident: incidentInput({ casualties: casualties({ injured: { min: 9, max: 1 } }) }) }, path: 'incident.casualties.injured.max' },
  ],
  'stats:get': [{ why: 'bad date', input: { filter: { to: 'yesterday' } }, path: 'filter.to' }],
  'audit:list': [{ why: 'limit zero', input: { limit: 0 }, path: 'limit' }],
  'audit:verify': [{ why: 'unexpected field', input: { fix: true } }],
  'search:query': [
    { why: 'blank query', input: { query: '   ' }, path: 'query' },
    { why: 'unknown kind', input: { query: 'x', kinds: ['people'] }, path: 'kinds.0' },
  ],
  'sources:create': [
    { why: 'a URL that is not a web address', input: { source: { ...sourceFields, url: 'javascript:alert(1)' } }, path: 'source.url' },
    { why: 'accessed before published', input: { source: { ...sourceFields, publishedDate: '2017-03-20', accessedDate: '2017-03-01' } }, path: 'source.accessedDate' },
    { why: 'nothing saying what the source is', input: { source: { ...sourceFields, title: null, url: null } }, path: 'source.title' },
  ],
  'sources:update': [{ why: 'unknown kind', input: { id: 'x', source: { ...sourceFields, kind: 'rumour' } }, path: 'source.kind' }],
  'sources:get': [{ why: 'empty id', input: { id: '' }, path: 'id' }],
  'sources:list': [{ why: 'no incident', input: {}, path: 'incidentId' }],
  'sources:link': [{ why: 'no incident', input: { sourceId: 's' }, path: 'incidentId' }],
  'sources:unlink': [{ why: 'no source', input: { incidentId: 'x' }, path: 'sourceId' }],
  'sources:findDuplicates': [{ why: 'a hash that is not SHA-256', input: { sha256: 'abc' }, path: 'sha256' }],
  'captures:add': [
    { why: 'no file name', input: { sourceId: 's', fileName: ' ', dataBase64: 'AAAA' }, path: 'fileName' },
    { why: 'a bad capture time', input: { sourceId: 's', fileName: 'a.png', dataBase64: 'AAAA', capturedAt: 'yesterday' }, path: 'capturedAt' },
  ],
  'captures:get': [{ why: 'empty id', input: { id: '' }, path: 'id' }],
  'captures:list': [{ why: 'no source', input: {}, path: 'sourceId' }],
  'victims:save': [
    { why: 'a negative age', input: { incidentId: 'x', victims: [{ ...victimFields, age: -1 }] }, path: 'victims.0.age' },
    { why: 'an adult of 7', input: { incidentId: 'x', victims: [{ ...victimFields, age: 7, ageGroup: 'adult' }] }, path: 'victims.0.ageGroup' },
    { why: 'an empty row', input: { incidentId: 'x', victims: [{ ...victimFields, nameLatin: ' ', nameLocal: null, gender: null, harm: null }] }, path: 'victims.0.nameLatin' },
  ],
  'profile:current': [{ why: 'unexpected field', input: { as: 'someone' } }],
  'profile:list': [{ why: 'unexpected field', input: { all: true } }],
  'profile:create': [
    { why: 'a blank name', input: { name: '   ', role: 'reviewer' }, path: 'name' },
    { why: 'an unknown role', input: { name: 'Amira', role: 'admin' }, path: 'role' },
  ],
  'profile:switch': [{ why: 'no profile chosen', input: { id: '' }, path: 'id' }],
  'review:get': [{ why: 'no incident', input: {}, path: 'id' }],
  'review:queue': [{ why: 'unexpected field', input: { everyone: true } }],
  'workflow:submit': [{ why: 'an empty assignee', input: { id: 'x', assigneeId: '' }, path: 'assigneeId' }],
  'review:decide': [
    { why: 'changes requested without saying which', input: { id: 'x', decision: 'request_changes', comment: '  ' }, path: 'comment' },
    { why: 'an unknown decision', input: { id: 'x', decision: 'shrug' }, path: 'decision' },
  ],
  'grading:grade': [
    { why: 'a grade without a rationale', input: { id: 'x', grade: 'fair', rationale: '   ' }, path: 'rationale' },
    { why: 'an unknown grade', input: { id: 'x', grade: 'probable', rationale: 'Two sources' }, path: 'grade' },
  ],
  'workflow:publish': [{ why: 'no incident', input: { comment: 'go' }, path: 'id' }],
  'workflow:reopen': [{ why: 'no reason', input: { id: 'x', reason: ' ' }, path: 'reason' }],
  'stats:monthly': [{ why: 'bad date', input: { filter: { from: '2017-02-30' } }, path: 'filter.from' }],
  'audit:search': [{ why: 'limit too large', input: { limit: 100000 }, path: 'limit' }],
  'map:points': [
    { why: 'an area with west east of east', input: { filter: { bbox: [41, 34, 40, 35] } }, path: 'filter.bbox' },
    { why: 'a latitude off the globe', input: { filter: { bbox: [40, -95, 41, 35] } }, path: 'filter.bbox.1' },
  ],
  'map:timeline': [{ why: 'an area of three numbers', input: { filter: { bbox: [40, 34, 41] } }, path: 'filter.bbox' }],
  'map:summaries': [
    { why: 'no codes', input: { codes: [] }, path: 'codes' },
    { why: 'too many codes', input: { codes: Array.from({ length: 501 }, (_, i) => `CS${i}`) }, path: 'codes' },
  ],
  'import:airwars': [
    { why: 'no folder', input: { dir: '' }, path: 'dir' },
    { why: 'unexpected field', input: { dir: '/tmp', wipe: true } },
  ],
  'import:preview': [
    { why: 'neither path nor text', input: { csv: {} }, path: 'csv' },
    { why: 'a mapping to an unknown field', input: { csv: { text: 'code\nA1' }, mapping: { columns: { code: 'code', x: 'nonsense' } } }, path: 'mapping.columns.x' },
  ],
  'import:csv': [
    { why: 'no mapping', input: { csv: { text: 'code\nA1' } }, path: 'mapping' },
    { why: 'a mapping without the code', input: { csv: { text: 'code\nA1' }, mapping: { columns: { place: 'placeEn' } } }, path: 'mapping.columns' },
    { why: 'two columns for one field', input: { csv: { text: 'a,b\n1,2' }, mapping: { columns: { a: 'code', b: 'code' } } }, path: 'mapping.columns.b' },
    { why: 'an unknown range reading', input: { csv: { text: 'code\nA1' }, mapping: { columns: { code: 'code' }, rangeFormat: { single: 'maybe' } } }, path: 'mapping.rangeFormat.single' },
  ],
  'imports:list': [{ why: 'limit zero', input: { limit: 0 }, path: 'limit' }],
  'imports:get': [{ why: 'empty id', input: { id: '' }, path: 'id' }],
  'dataProblems:list': [{ why: 'negative offset', input: { offset: -1 }, path: 'offset' }],
  'export:csv': [{ why: 'no folder', input: { dir: '' }, path: 'dir' }],
  'importJobs:start': [
    { why: 'unknown kind', input: { kind: 'excel', dir: '/tmp' }, path: 'kind' },
    { why: 'blank folder', input: { kind: 'airwars', dir: '  ' }, path: 'dir' },
    { why: 'csv without a mapping', input: { kind: 'csv', csv: { path: '/tmp/a.csv' } }, path: 'mapping' },
  ],
  'importJobs:status': [{ why: 'empty id', input: { id: '' }, path: 'id' }],
  'importJobs:cancel': [{ why: 'no id', input: {}, path: 'id' }],
  'importJobs:current': [{ why: 'unexpected field', input: { id: 'x' } }],
  'importMappings:list': [{ why: 'unexpected field', input: { name: 'x' } }],
  'importMappings:save': [{ why: 'blank name', input: { name: ' ', mapping: { columns: { Ref: 'code' } } }, path: 'name' }],
  'importMappings:delete': [{ why: 'empty name', input: { name: '' }, path: 'name' }],
  'dialog:choosePath': [{ why: 'unknown kind', input: { kind: 'printer' }, path: 'kind' }],
  ...STRIKE_BAD_INPUTS,
  'duplicates:compute': [{ why: 'unexpected field', input: { all: true } }],
  'duplicates:list': [{ why: 'unknown decision', input: { decision: 'maybe' }, path: 'decision' }],
  'duplicates:decide': [{ why: 'no incident', input: { incidentA: '', incidentB: 'x', decision: 'not_duplicate' }, path: 'incidentA' }],
  'duplicates:mergePreview': [{ why: 'no survivor', input: { absorbedId: 'x' }, path: 'survivorId' }],
  'duplicates:merge': [{ why: 'unknown field picked', input: { survivorId: 'a', absorbedId: 'b', picks: { secret: 'absorbed' } } }],
  'duplicates:undoMerge': [{ why: 'no merge id', input: { mergeId: '' }, path: 'mergeId' }],
  'duplicates:merges': [{ why: 'unexpected field', input: { all: true } }],
  'sources:independence': [{ why: 'empty id', input: { id: '' }, path: 'id' }],
  'sources:markRepeat': [{ why: 'no original', input: { sourceId: 'x' }, path: 'originalId' }],
  'sources:unmarkRepeat': [{ why: 'empty id', input: { sourceId: '' }, path: 'sourceId' }],
  'sources:dismissRepeat': [{ why: 'no other source', input: { sourceId: 'x' }, path: 'otherId' }],
  'sources:findOriginal': [{ why: 'query too long', input: { query: 'x'.repeat(201) }, path: 'query' }],
  'victims:reconcileQueue': [{ why: 'limit too large', input: { limit: 100000 }, path: 'limit' }],
  'victims:reconcile': [{ why: 'one victim only', input: { victimIds: ['a'] } }],
  'victims:dismissPair': [{ why: 'empty id', input: { victimIds: ['a', ''] }, path: 'victimIds.1' }],
  'victims:unlink': [{ why: 'no victim', input: {} }],
  'victims:groups': [{ why: 'empty incident id', input: { incidentId: '' }, path: 'incidentId' }],
  'bundle:profiles': [{ why: 'unexpected field', input: { all: true } }],
  'bundle:saveProfile': [
    { why: 'empty name', input: { name: ' ', rules: {} }, path: 'name' },
    { why: 'unknown rule', input: { name: 'press', rules: { leakEverything: true } }, path: 'rules' },
  ],
  'bundle:deleteProfile': [{ why: 'empty name', input: { name: '' }, path: 'name' }],
  'bundle:preview': [{ why: 'no profile', input: { profile: '' }, path: 'profile' }],
  'bundle:start': [{ why: 'not a zip path', input: { profile: 'internal', out: '/tmp/x.txt' }, path: 'out' }],
  'bundle:step': [{ why: 'empty job id', input: { jobId: '' }, path: 'jobId' }],
  'bundle:cancel': [{ why: 'empty job id', input: { jobId: '' }, path: 'jobId' }],
  'bundle:verify': [{ why: 'no path', input: { path: '' }, path: 'path' }],
  'merge:plan': [{ why: 'no bundle', input: { bundleBase64: '' }, path: 'bundleBase64' }],
  'merge:apply': [
    { why: 'no bundle', input: { bundleBase64: '' }, path: 'bundleBase64' },
    { why: 'unknown resolution', input: { bundleBase64: 'UEs=', resolutions: { x: { record: 'both' } } }, path: 'resolutions.x.record' },
  ],
};

describe('contract handlers', () => {
  it('exist for every channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    for (const bad of BAD_INPUTS[channel]) {
      it(`${channel} refuses ${bad.why} and writes nothing`, () => {
        const cf = tempCaseFile();
        const existing = call(cf, 'incidents:create', { incident: incidentInput({ code: 'KEEP1' }) });
        const input = bad.input && typeof bad.input === 'object' && 'id' in bad.input && bad.input.id === 'x' ? { ...bad.input, id: existing.id } : bad.input;
        const before = snapshot(cf);
        const r = dispatch(cf, channel, input);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(new RegExp(`^Invalid input for ${channel}`));
        if (bad.path) expect(r.error.issues?.map((i) => i.path)).toContain(bad.path);
        expect(snapshot(cf)).toEqual(before);
      });
    }
  }

  it('refuses an unknown channel with the list of known ones', () => {
    const cf = tempCaseFile();
    const r = dispatch(cf, 'incidents:drop', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    if (!r.ok) expect(r.error.message).toContain('incidents:list');
    expect(dispatch(cf, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a code already taken, an unknown assignee and a stale edit', () => {
    const cf = tempCaseFile();
    const a = call(cf, 'incidents:create', { incident: incidentInput({ code: 'CS483' }) });
    const before = snapshot(cf);
    expect(dispatch(cf, 'incidents:create', { incident: incidentInput({ code: 'CS483' }) })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'code' }] },
    });
    expect(dispatch(cf, 'incidents:create', { incident: incidentInput({ code: 'Z1', assigneeId: 'nobody' }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      dispatch(cf, 'incidents:update', { id: a.id, incident: incidentInput({ code: 'CS483', placeEn: 'X' }), expectedUpdatedAt: '2000-01-01T00:00:00.000Z' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dispatch(cf, 'incidents:get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(cf)).toEqual(before);
  });

  it('creates, reads, lists and updates an incident with its belligerents', () => {
    const cf = tempCaseFile();
    const created = call(cf, 'incidents:create', {
      incident: incidentInput({
        code: 'CS1',
        casualties: casualties({ killed: { min: 105, max: 141 }, childrenKilled: { min: 20, max: 30 } }),
        belligerents: [belligerent, { ...belligerent, belligerent: 'Iraqi forces', involvement: 'suspected', position: 'not_yet_assessed', concededKilled: { min: null, max: null } }],
        grade: 'confirmed',
        gradeRationale: 'The Coalition accepted responsibility.',
      }),
    });
    expect(created.casualties.killed).toEqual({ min: 105, max: 141 });
    expect(created.belligerents.map((b) => b.belligerent)).toEqual(['U.S.-led Coalition', 'Iraqi forces']);
    expect(call(cf, 'incidents:get', { code: 'CS1' }).id).toBe(created.id);

    const updated = call(cf, 'incidents:update', {
      id: created.id,
      expectedUpdatedAt: created.updatedAt,
      incident: incidentInput({ code: 'CS1', placeEn: 'Mosul', belligerents: [belligerent], grade: 'confirmed', gradeRationale: 'Accepted.' }),
    });
    expect(updated.placeEn).toBe('Mosul');
    expect(updated.belligerents).toHaveLength(1);
    expect(updated.casualties.killed).toEqual({ min: null, max: null });

    const list = call(cf, 'incidents:list', { filter: { grade: ['confirmed'] } });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ code: 'CS1', belligerents: ['U.S.-led Coalition'], grade: 'confirmed' });
  });

  it('filters and sorts the list, unknown values last', () => {
    const cf = tempCaseFile();
    const mk = (code: string, o: Parameters<typeof incidentInput>[0]) => call(cf, 'incidents:create', { incident: incidentInput({ code, ...o }) });
    mk('CS2', { dateStart: '2016-01-01', country: 'Syria', casualties: casualties({ killed: { min: 1, max: 9 } }) });
    mk('CS1', { dateStart: '2015-01-01', country: 'Syria', casualties: casualties({ killed: { min: 3, max: 3 } }) });
    mk('RS1', { dateStart: null, country: 'syria', belligerents: [{ ...belligerent, belligerent: 'Russian Military' }] });
    mk('IQ1', { dateStart: '2017-05-01', country: 'Iraq' });
    const codes = (input: Parameters<typeof call<'incidents:list'>>[2]) => call(cf, 'incidents:list', input).rows.map((r) => r.code);
    expect(codes({ sort: { column: 'date', direction: 'asc' } })).toEqual(['CS1', 'CS2', 'IQ1', 'RS1']);
    expect(codes({ sort: { column: 'date', direction: 'desc' } })).toEqual(['IQ1', 'CS2', 'CS1', 'RS1']);
    expect(codes({ sort: { column: 'killed', direction: 'desc' } }).slice(0, 2)).toEqual(['CS2', 'CS1']);
    expect(codes({ filter: { codePrefix: 'CS' }, sort: { column: 'code', direction: 'asc' } })).toEqual(['CS1', 'CS2']);
    expect(codes({ filter: { country: 'SYRIA' }, sort: { column: 'code', direction: 'asc' } })).toEqual(['CS1', 'CS2', 'RS1']);
    expect(codes({ filter: { belligerent: 'russian' } })).toEqual(['RS1']);
    expect(codes({ filter: { from: '2015-06-01', to: '2016-12-31' } })).toEqual(['CS2']);
    expect(codes({ filter: { codePrefix: '%' } })).toEqual([]);
    const page = call(cf, 'incidents:list', { sort: { column: 'code', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4 });
    expect(page.rows.map((r) => r.code)).toEqual(['CS2', 'IQ1']);
  });
});
