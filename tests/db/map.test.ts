import { describe, expect, it } from 'vitest';
import { call } from '../../db/handlers';
import { filterSql } from '../../db/filters';
import { mapPointsSql } from '../../db/map';
import { dayToIso, isoToDay, MAP_GRADES, MAP_PRECISIONS } from '../../shared/contracts/map';
import type { CaseFile } from '../../db/casefile';
import { incidentInput, tempCaseFile, unknownCasualties } from '../helpers/caseFiles';

const killed = (min: number | null, max: number | null) => ({ ...unknownCasualties(), killed: { min, max } });

/** Five incidents: four on the map (two in Deir ez-Zor, one in Raqqa, one in Idlib), one without coordinates. */
function seed(cf: CaseFile) {
  const make = (o: Parameters<typeof incidentInput>[0]) =>
    call(cf, 'incidents:create', { incident: incidentInput({ ...o, gradeRationale: o?.grade ? 'Graded for the test' : null }) });
  return {
    baghuz: make({ code: 'CS1', dateStart: '2019-03-01', latitude: 34.467, longitude: 40.944, geoPrecision: 'village', grade: 'fair', casualties: killed(3, 7) }),
    hajin: make({ code: 'CS2', dateStart: '2018-11-20', latitude: 34.6897, longitude: 40.83, geoPrecision: 'exact', grade: 'confirmed', casualties: killed(2, null) }),
    raqqa: make({ code: 'CS3', dateStart: '2017-08-10', latitude: 35.95, longitude: 39.01, geoPrecision: 'city', grade: null }),
    idlib: make({ code: 'RS4', dateStart: '2019-03-15', latitude: 35.93, longitude: 36.63, geoPrecision: 'governorate', grade: 'weak', casualties: killed(1, 1) }),
    nowhere: make({ code: 'CS5', dateStart: '2019-03-02', latitude: null, longitude: null, geoPrecision: null, grade: 'fair' }),
  };
}

describe('map:points', () => {
  it('gives one column entry per incident with coordinates, and counts those without', () => {
    const cf = tempCaseFile();
    const s = seed(cf);
    const p = call(cf, 'map:points', {});
    expect(p.total).toBe(5);
    expect(p.withoutCoordinates).toBe(1);
    expect(p.codes.length).toBe(4);
    for (const col of [ p.lon, p.lat, p.grade, p.killed, p.precision, p.day]) expect(col.length).toBe(4);
    const k = p.codes.indexOf('CS1');
    expect([p.lon[k], p.lat[k]]).toEqual([40.944, 34.467]);
    expect(MAP_GRADES[p.grade[k]!]).toBe('fair');
    expect(p.killed[k]).toBe(7);
    expect(MAP_PRECISIONS[p.precision[k]!]).toBe('village');
    expect(dayToIso(p.day[k]!)).toBe('2019-03-01');
    const h = p.codes.indexOf('CS2');
    expect(p.killed[h]).toBe(2); // no maximum: the minimum stands
    expect(MAP_PRECISIONS[p.precision[h]!]).toBe('exact');
    expect(MAP_GRADES[p.grade[p.codes.indexOf('CS3')]!]).toBe('ungraded');
    expect(p.killed[p.codes.indexOf('CS3')]).toBeNull();
    expect(p.codes).not.toContain(s.nowhere.code);
  });

  it('applies the incidents filter, so the map and the list count the same incidents', () => {
    const cf = tempCaseFile();
    const s = seed(cf);
    const filters = [
      { grade: ['fair' as const] },
      { from: '2019-01-01', to: '2019-12-31' },
      { codePrefix: 'CS' },
      { bbox: [40, 34, 41.5, 35] as [number, number, number, number] },
      { bbox: [40, 34, 41.5, 35] as [number, number, number, number], grade: ['confirmed' as const] },
    ];
    for (const filter of filters) {
      const points = call(cf, 'map:points', { filter });
      const list = call(cf, 'incidents:list', { filter: { ...filter, hasCoordinates: true } });
      expect(points.codes.sort(), JSON.stringify(filter)).toEqual(list.rows.map((r) => r.code).sort());
    }
    expect(call(cf, 'map:points', { filter: { bbox: [40, 34, 41.5, 35] } }).codes.sort()).toEqual([s.baghuz.code, s.hajin.code].sort());
    // The drawn area filters the list the same way: an incident without coordinates is never inside it.
    expect(call(cf, 'incidents:list', { filter: { bbox: [-180, -90, 180, 90] } }).total).toBe(4);
  });

  it('refuses an area whose corners are the wrong way round, saying how to give it', () => {
    const cf = tempCaseFile();
    expect(() => call(cf, 'map:points', { filter: { bbox: [41, 34, 40, 35] } })).toThrow(/west < east/);
  });
});

describe('map:timeline', () => {
  it('counts incidents on the map per month, ignoring the date range the brush has selected', () => {
    const cf = tempCaseFile();
    seed(cf);
    const t = call(cf, 'map:timeline', { filter: { from: '2019-03-01', to: '2019-03-31' } });
    expect(t.months).toEqual([
      { month: '2017-08', incidents: 1 },
      { month: '2018-11', incidents: 1 },
      { month: '2019-03', incidents: 2 },
    ]);
    expect(call(cf, 'map:timeline', { filter: { grade: ['fair'] } }).months).toEqual([{ month: '2019-03', incidents: 1 }]);
  });
});

describe('map:summaries', () => {
  it('gives the clicked incidents in date order and skips codes that do not exist', () => {
    const cf = tempCaseFile();
    const s = seed(cf);
    const r = call(cf, 'map:summaries', { codes: [s.idlib.code, s.raqqa.code, 'NO-SUCH-CODE'] });
    expect(r.rows.map((x) => x.code)).toEqual(['CS3', 'RS4']);
    expect(r.rows[1]).toMatchObject({ grade: 'weak', geoPrecision: 'governorate', killed: { min: 1, max: 1 } });
  });
});

describe('the map query', () => {
  const plan = (cf: CaseFile, filter: Parameters<typeof filterSql>[0]) => {
    const { where, params } = filterSql(filter);
    const w = where ? `${where} AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL` : 'WHERE i.latitude IS NOT NULL AND i.longitude IS NOT NULL';
    return (cf.db.prepare(`EXPLAIN QUERY PLAN ${mapPointsSql(w)}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
  };

  it('reads only the covering map index, and searches it by date for the time brush', () => {
    const cf = tempCaseFile();
    seed(cf);
    expect(plan(cf, {})).toMatch(/SCAN i USING COVERING INDEX incidents_map/);
    expect(plan(cf, { from: '2019-01-01', to: '2019-06-30' })).toMatch(/SEARCH i USING COVERING INDEX incidents_map \(date_start>\? AND date_start<\?\)/);
    expect(plan(cf, { bbox: [40, 34, 41, 35] })).toMatch(/COVERING INDEX incidents_map/);
  });
});

describe('map dates', () => {
  it('round-trips ISO dates through day numbers', () => {
    for (const iso of ['1970-01-01', '2014-09-23', '2019-03-01', '2024-02-29']) expect(dayToIso(isoToDay(iso))).toBe(iso);
    expect(isoToDay('1970-01-02')).toBe(1);
  });
});
