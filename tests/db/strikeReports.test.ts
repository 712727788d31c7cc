import { describe, expect, it } from 'vitest';
import { forward } from 'mgrs';
import { call, dispatch } from '../../db/handlers';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';

const report = (patch: Record<string, unknown> = {}) => ({
  belligerent: 'Coalition', date: '2017-03-17', placeText: 'near Mosul', mgrs: null, latitude: null, longitude: null,
  target: 'ISIS fighting position', text: 'Coalition aircraft struck a fighting position.', url: null, ...patch,
});

describe('strike reports', () => {
  it('logs a report with an MGRS grid and stores the centre of its square as its point', () => {
    const cf = tempCaseFile();
    const grid = forward([43.1, 36.35], 5);
    const r = call(cf, 'strikes:create', { report: report({ mgrs: ` ${grid.toLowerCase().slice(0, 5)} ${grid.slice(5)} ` }) });
    expect(r.mgrs).toBe(grid);
    expect(r.latitude).toBeCloseTo(36.35, 3);
    expect(r.longitude).toBeCloseTo(43.1, 3);
    expect(r.origin).toBe('entered by hand');
    const audit = cf.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'strike_reports'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('refuses a bad grid with the field named, and writes nothing', () => {
    const cf = tempCaseFile();
    const before = snapshot(cf);
    const r = dispatch(cf, 'strikes:create', { report: report({ mgrs: '38S LF 123 4567' }) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'report.mgrs' }] } });
    if (!r.ok) expect(r.error.message).toMatch(/same number of digits.*Nothing was saved/);
    expect(snapshot(cf)).toEqual(before);
  });

  it('lists by belligerent, date and words; edits; deletes with its matches and audits each step', () => {
    const cf = tempCaseFile();
    const a = call(cf, 'strikes:create', { report: report() });
    call(cf, 'strikes:create', { report: report({ belligerent: 'Russia', date: '2016-01-02', placeText: 'Idlib', target: 'a depot', text: 'Strike on a depot' }) });
    expect(call(cf, 'strikes:list', { belligerent: 'coalition' }).rows.map((r) => r.id)).toEqual([a.id]);
    expect(call(cf, 'strikes:list', { dateFrom: '2017-01-01' }).total).toBe(1);
    expect(call(cf, 'strikes:list', { query: 'depot idlib' }).rows[0]!.belligerent).toBe('Russia');
    expect(call(cf, 'strikes:list', {}).belligerents).toEqual(['Coalition', 'Russia']);

    const edited = call(cf, 'strikes:update', { id: a.id, report: report({ latitude: 36.35, longitude: 43.1 }) });
    expect(edited.latitude).toBe(36.35);

    const inc = call(cf, 'incidents:create', { incident: incidentInput({ belligerents: [] }) });
    call(cf, 'strikeMatches:compute', {});
    expect(call(cf, 'strikeMatches:forIncident', { incidentId: inc.id }).matches).toHaveLength(1);
    const gone = call(cf, 'strikes:delete', { id: a.id });
    expect(gone.removedMatches).toBe(1);
    expect(dispatch(cf, 'strikes:get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call(cf, 'strikeMatches:forIncident', { incidentId: inc.id }).matches).toHaveLength(0);
    const v = call(cf, 'audit:verify', {});
    expect(v.ok).toBe(true);
  });
});

describe('strike log CSV import', () => {
  const log = [
    'Date,Location,MGRS,Lat,Lon,Target,Description,Link',
    '2017-03-17,near Mosul,38SLF3220024393,,,fighting position,Struck a fighting position,https://example.org/r1',
    '21 March 2017,near Raqqa,,35.95,39.01,vehicle,Destroyed a vehicle,',
    '03/04/2017,near Tabqa,,,,bridge,Struck a bridge,',
    '2017-03-30,near Tabqa,37S DV 123,,,bridge,Struck a bridge,',
    '2017-02-30,near Tabqa,,,,bridge,Struck a bridge,',
  ].join('\n');

  it('reports each bad line by line and column and saves nothing', () => {
    const cf = tempCaseFile();
    const before = snapshot(cf);
    const r = call(cf, 'strikes:importCsv', { csv: log, belligerent: 'Coalition' });
    expect(r.saved).toBe(false);
    expect(r.created).toBe(0);
    expect(r.mapping).toMatchObject({ date: 'Date', placeText: 'Location', mgrs: 'MGRS', latitude: 'Lat', longitude: 'Lon', target: 'Target', text: 'Description', url: 'Link' });
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[4, 'Date'], [5, 'MGRS'], [6, 'Date']]);
    expect(r.problems[0]!.message).toMatch(/day\/month or month\/day/);
    expect(r.problems[1]!.message).toMatch(/MGRS|digits/);
    expect(snapshot(cf)).toEqual(before);
  });

  it('saves the good lines when asked, names their origin, and does not log them twice', () => {
    const cf = tempCaseFile();
    const r = call(cf, 'strikes:importCsv', { csv: log, belligerent: 'Coalition', skipBadLines: true, fileName: 'centcom.csv' });
    expect(r).toMatchObject({ saved: true, created: 2, lines: 5 });
    const rows = call(cf, 'strikes:list', {}).rows;
    expect(rows.map((x) => x.date).sort()).toEqual(['2017-03-17', '2017-03-21']);
    expect(rows.every((x) => x.belligerent === 'Coalition')).toBe(true);
    expect(rows.find((x) => x.date === '2017-03-17')!.origin).toBe('strike log centcom.csv, line 2');
    const again = call(cf, 'strikes:importCsv', { csv: log, belligerent: 'Coalition', skipBadLines: true });
    expect(again).toMatchObject({ created: 0, alreadyPresent: 2 });
  });

  it('asks which column is the date when none looks like one', () => {
    const cf = tempCaseFile();
    const r = dispatch(cf, 'strikes:importCsv', { csv: 'Foo,Bar\n1,2\n' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'mapping.date' }] } });
    const named = call(cf, 'strikes:importCsv', { csv: 'Foo,Bar\n2017-01-02,Idlib\n', mapping: { date: 'Foo', placeText: 'Bar' }, dryRun: true });
    expect(named).toMatchObject({ saved: false, created: 0, problems: [], mapping: { date: 'Foo', placeText: 'Bar' } });
    const wrong = dispatch(cf, 'strikes:importCsv', { csv: 'Foo,Bar\n1,2\n', mapping: { date: 'When' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'mapping.date', message: 'No column "When"' }] } });
  });
});
