/** Any spreadsheet, through a column mapping: guesses, range readings, preview, commit, problems. */
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { call } from '../../db/handlers';
import { commitImport, guessMapping, previewImport } from '../../db/import/mapping/index';
import { readRange } from '../../db/import/mapping/values';
import type { Flag } from '../../db/import/airwars/codecs';
import { columnMappingSchema, rangeFormatSchema, type ColumnMappingInput } from '../../shared/mappingSchema';
import { snapshot, tempCaseFile } from '../helpers/caseFiles';

const fmt = rangeFormatSchema.parse({});
const range = (text: string, f = fmt) => {
  const flags: Flag[] = [];
  return { ...readRange(text, f, 'killed', flags), flags: flags.map((x) => x.kind) };
};
const mapping = (m: ColumnMappingInput) => columnMappingSchema.parse(m);

const CSV = [
  'Ref,Date,Place,Civilians killed,Injured,Lat,Lon,Grade,Perpetrator,Notes,Source page',
  'A1,2017-03-17,Mosul,4,1 – 2,36.35,43.1,Fair,Coalition,first,https://x.org/1',
  'A2,17/03/2017,Raqqa,1-2,Unknown,,,Contested,,second,',
  'A3,2017-04-01,"Deir ez-Zor, east",,"",,,Weak,,third,',
  'A4,2017-05-01,Hama,lots,3 – 1,,,Weak; Fair,,fourth,',
  ',2017-05-02,Nowhere,1,1,,,Fair,,no code,',
  'A1,2017-06-01,Twice,1,1,,,Fair,,duplicate,',
].join('\n');

const MAPPING = mapping({
  columns: { Ref: 'code', Date: 'dateStart', Place: 'placeEn', 'Civilians killed': 'killed', Injured: 'injured', Lat: 'latitude', Lon: 'longitude', Grade: 'grade', Perpetrator: 'belligerent', Notes: 'internalNotes' },
  defaults: { country: 'Syria' },
});

describe('reading ranges', () => {
  it('reads "4", "1 – 2", "1-2", "Unknown" and blank as the mapping says', () => {
    expect(range('4')).toEqual({ min: 4, max: 4, flags: [] });
    expect(range('1 – 2')).toEqual({ min: 1, max: 2, flags: [] });
    expect(range('1-2')).toEqual({ min: 1, max: 2, flags: [] });
    expect(range('1 to 2')).toEqual({ min: 1, max: 2, flags: [] });
    expect(range('Unknown')).toEqual({ min: null, max: null, flags: [] });
    expect(range('')).toEqual({ min: null, max: null, flags: [] });
    expect(range('at least 3')).toEqual({ min: 3, max: null, flags: [] });
    expect(range('3 – 1')).toEqual({ min: 3, max: 1, flags: ['min_above_max'] });
    expect(range('lots')).toEqual({ min: null, max: null, flags: ['not_a_range'] });
    const other = rangeFormatSchema.parse({ single: 'min', unknownAs: 'zero' });
    expect(range('4', other)).toEqual({ min: 4, max: null, flags: [] });
    expect(range('unknown', other)).toEqual({ min: 0, max: 0, flags: [] });
    expect(range('', other)).toEqual({ min: 0, max: 0, flags: [] });
  });
});

describe('guessing a mapping', () => {
  it('maps common headers, and the Airwars columns, to their fields', () => {
    const g = guessMapping(['Ref', 'Date', 'Place', 'Civilians killed', 'Injured', 'Lat', 'Lon', 'Grade', 'Perpetrator', 'Notes', 'Source page']);
    expect(g.target).toBe('incidents');
    expect(g.columns).toEqual({ Ref: 'code', Date: 'dateStart', Place: 'placeEn', 'Civilians killed': 'killed', Injured: 'injured', Lat: 'latitude', Lon: 'longitude', Grade: 'grade', Perpetrator: 'belligerent', Notes: 'internalNotes' });
    const a = guessMapping(['sequence', 'code', 'incident_date', 'location_en', 'location_ar', 'civilians_killed_min', 'civilians_killed_max', 'civilian_harm_status_original']);
    expect(a.columns).toMatchObject({ code: 'code', incident_date: 'dateStart', location_en: 'placeEn', location_ar: 'placeAr', civilians_killed_min: 'killed.min', civilians_killed_max: 'killed.max', civilian_harm_status_original: 'grade' });
    expect(guessMapping(['incident code', 'victim name', 'age', 'gender']).target).toBe('victims');
  });
});

describe('importing a spreadsheet', () => {
  it('previews the first rows and every problem, and saves nothing', () => {
    const cf = tempCaseFile();
    const before = snapshot(cf);
    const p = previewImport(cf, { text: CSV, name: 'list.csv' }, MAPPING, 3);
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(p.rows[0]!.values).toMatchObject({ code: 'A1', killed_min: 4, killed_max: 4, injured_min: 1, injured_max: 2, grade: 'fair' });
    expect(p.rows[1]!.values).toMatchObject({ killed_min: 1, killed_max: 2, injured_min: null, injured_max: null });
    expect(p.keptColumns).toEqual(['Source page']);
    const probs = p.report.problems.map((x) => [x.line, x.field, x.kind, x.leftOut]);
    expect(probs).toEqual(
      expect.arrayContaining([
        [3, 'Date', 'invalid_date', false],
        [5, 'Civilians killed', 'not_a_range', false],
        [5, 'Injured', 'min_above_max', false],
        [5, 'Grade', 'several_grades', false],
        [6, 'code', 'missing_code', true],
        [7, 'code', 'duplicate_code', true],
      ]),
    );
    expect(p.report).toMatchObject({ dryRun: true, counts: { incidents: { created: 4, leftOut: 2 } } });
    expect(snapshot(cf)).toEqual(before);
    const guessed = previewImport(cf, { text: CSV, name: 'list.csv' }, undefined);
    expect(guessed.guessed).toBe(true);
    expect(guessed.mapping.columns.Ref).toBe('code');
  });

  it('commits, keeps what it cannot read with the record, and changes nothing the second time', () => {
    const cf = tempCaseFile();
    const r = commitImport(cf, { text: CSV, name: 'list.csv' }, MAPPING);
    expect(r.createdCodes).toEqual(['A1', 'A2', 'A3', 'A4']);
    const a1 = call(cf, 'incidents:get', { code: 'A1' });
    expect(a1).toMatchObject({ placeEn: 'Mosul', country: 'Syria', latitude: 36.35, grade: 'fair', status: 'draft', casualties: { killed: { min: 4, max: 4 }, injured: { min: 1, max: 2 } } });
    expect(a1.belligerents.map((b) => [b.belligerent, b.involvement])).toEqual([['Coalition', 'suspected']]);
    const a4 = cf.db.prepare("SELECT killed_min, injured_min, injured_max, grade, extra_json FROM incidents WHERE code = 'A4'").get() as Record<string, unknown>;
    expect(a4).toMatchObject({ killed_min: null, injured_min: 3, injured_max: 1, grade: 'weak' });
    expect(JSON.parse(a4.extra_json as string).csv).toEqual({ 'Civilians killed': 'lots', Injured: '3 – 1', Grade: 'Weak; Fair' });
    expect(JSON.parse((cf.db.prepare("SELECT extra_json FROM incidents WHERE code = 'A1'").get() as { extra_json: string }).extra_json)).toEqual({ csv: { 'Source page': 'https://x.org/1' } });
    expect(call(cf, 'dataProblems:list', { incidentId: call(cf, 'incidents:get', { code: 'A4' }).id }).problems.map((p) => [p.kind, p.line])).toEqual(
      expect.arrayContaining([['not_a_range', 5], ['min_above_max', 5], ['several_grades', 5]]),
    );
    const before = snapshot(cf);
    const again = commitImport(cf, { text: CSV, name: 'list.csv' }, MAPPING);
    expect(again.auditEntries).toBe(0);
    const { imports: _a, ...b1 } = before;
    const { imports: _b, ...b2 } = snapshot(cf);
    expect(b2).toEqual(b1);
    expect(verifyAuditChain(cf).ok).toBe(true);
  });

  it('updates only the columns the mapping fills, and clears a problem that was fixed', () => {
    const cf = tempCaseFile();
    commitImport(cf, { text: CSV, name: 'list.csv' }, MAPPING);
    call(cf, 'incidents:update', { id: call(cf, 'incidents:get', { code: 'A2' }).id, incident: { ...toInput(call(cf, 'incidents:get', { code: 'A2' })), summary: 'Written by a person', gradeRationale: 'Two sources' } });
    const fixed = CSV.replace('lots', '5').replace('17/03/2017', '2017-03-18');
    const r = commitImport(cf, { text: fixed, name: 'list.csv' }, MAPPING);
    expect(r.updatedCodes.sort()).toEqual(['A2', 'A4']);
    expect(call(cf, 'incidents:get', { code: 'A2' })).toMatchObject({ dateStart: '2017-03-18', summary: 'Written by a person' });
    expect(r.changes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'A4', entity: 'data_problems', action: 'remove' })]));
  });

  it('attaches sources and victims to incidents by code, leaving out rows of unknown incidents', () => {
    const cf = tempCaseFile();
    commitImport(cf, { text: CSV, name: 'list.csv' }, MAPPING);
    const victims = 'code,name,age,status\nA1,Ahmed,30,killed\nA1,محمد,"",wounded\nZZ9,Nobody,1,killed\nA2,Sara,two,killed\n';
    const m = mapping({ target: 'victims', columns: { code: 'incidentCode', name: 'nameLatin', age: 'age', status: 'harm' } });
    const r = commitImport(cf, { text: victims, name: 'victims.csv' }, m);
    expect(r.counts.victims).toMatchObject({ created: 3, leftOut: 1 });
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual(expect.arrayContaining([[4, 'no_incident'], [5, 'not_a_number']]));
    expect(call(cf, 'incidents:get', { code: 'A1' }).victims.map((v) => [v.nameLatin, v.harm])).toEqual([['Ahmed', 'killed'], ['محمد', 'injured']]);
    const sources = 'incident,outlet,link\nA1,Airwars,https://twitter.com/a\nA1,SOHR,https://syriahr.com/b\n';
    const s = commitImport(cf, { text: sources, name: 's.csv' }, mapping({ target: 'sources', columns: { incident: 'incidentCode', outlet: 'outlet', link: 'url' } }));
    expect(s.counts.sources).toMatchObject({ created: 2 });
    expect(call(cf, 'incidents:get', { code: 'A1' }).sources.map((x) => [x.outlet, x.kind])).toEqual([['Airwars', 'social_media'], ['SOHR', 'local_media']]);
    expect(commitImport(cf, { text: sources, name: 's.csv' }, mapping({ target: 'sources', columns: { incident: 'incidentCode', outlet: 'outlet', link: 'url' } })).auditEntries).toBe(0);
  });

  it('reports a malformed CSV by line: an unterminated quote, a ragged row', () => {
    const cf = tempCaseFile();
    const bad = 'Ref,Place,Civilians killed\nB1,Idlib,2\nB2,Aleppo\nB3,"Hama,3\nB4,Homs,1\n';
    const r = commitImport(cf, { text: bad, name: 'bad.csv' }, mapping({ columns: { Ref: 'code', Place: 'placeEn', 'Civilians killed': 'killed' } }));
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual(expect.arrayContaining([[3, 'ragged_row'], [4, 'csv_syntax']]));
    expect(r.problems.find((p) => p.kind === 'csv_syntax')!.reason).toMatch(/never closed/);
    expect(r.createdCodes).toEqual(['B1', 'B2', 'B3']);
  });
});

function toInput(d: ReturnType<typeof call<'incidents:get'>>) {
  const { id: _i, previousCodes: _p, assigneeName: _a, createdAt: _c, updatedAt: _u, sources: _s, victims: _v, ...rest } = d;
  return { ...rest, belligerents: d.belligerents.map(({ id: _id, ...b }) => b) };
}
