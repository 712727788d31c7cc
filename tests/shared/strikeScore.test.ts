import { describe, expect, it } from 'vitest';
import { forward } from 'mgrs';
import { mgrsToPoint } from '../../db/crossref/mgrsPoint';
import { GridIndex, effectiveDistanceKm, haversineKm, precisionRadiusKm } from '../../shared/geoPrecision';
import { naiveCandidates, strikeCandidates } from '../../shared/strikeCandidates';
import { DATE_WINDOW_DAYS, dateGap, scoreStrike, type IncidentPoint, type StrikePoint } from '../../shared/strikeScore';

const strike = (patch: Partial<StrikePoint> = {}): StrikePoint => ({
  id: 's1', belligerent: 'Coalition', date: '2017-06-10', lat: 35.95, lon: 39.01, radiusKm: 0.01, placeText: null, ...patch,
});
const incident = (patch: Partial<IncidentPoint> = {}): IncidentPoint => ({
  id: 'i1', dateStart: '2017-06-10', dateEnd: null, lat: 35.95, lon: 39.01, precision: 'exact', belligerents: ['Coalition'], placeNames: ['Raqqa'], ...patch,
});
/** A point `km` east of (lat, lon). */
const east = (lat: number, lon: number, km: number) => lon + km / (111.32 * Math.cos((lat * Math.PI) / 180));

describe('geodesy', () => {
  it('measures great-circle distances', () => {
    expect(haversineKm(35.95, 39.01, 35.95, east(35.95, 39.01, 10))).toBeCloseTo(10, 1);
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.2, 0);
  });

  it('takes both uncertainty radii off the distance, never below zero', () => {
    expect(effectiveDistanceKm(30, precisionRadiusKm('governorate'), 0)).toBe(0);
    expect(effectiveDistanceKm(8, precisionRadiusKm('village'), 0.5)).toBeCloseTo(5.5);
    expect(precisionRadiusKm(null)).toBe(precisionRadiusKm('unknown'));
  });

  it('finds the same points through the grid as by checking them all', () => {
    const pts = Array.from({ length: 400 }, (_, k) => ({ id: k, lat: 33 + (k % 20) * 0.13, lon: 36 + Math.floor(k / 20) * 0.17 }));
    const grid = new GridIndex(pts, 7);
    for (const [lat, lon, r] of [[34, 37, 15], [33.5, 38.9, 40], [35.4, 36.2, 3]] as const) {
      const brute = pts.filter((p) => haversineKm(lat, lon, p.lat, p.lon) <= r).map((p) => p.id).sort();
      expect(grid.within(lat, lon, r).map((p) => p.id).sort()).toEqual(brute);
    }
  });
});

describe('MGRS conversion', () => {
  it('converts a grid to the centre of its square, with the square as the radius', () => {
    const one = mgrsToPoint(forward([39.01, 35.95], 5));
    expect(one).toMatchObject({ ok: true, digits: 5 });
    if (one.ok) expect(haversineKm(one.lat, one.lon, 35.95, 39.01)).toBeLessThan(0.005);
    const km = mgrsToPoint(forward([39.01, 35.95], 2).toLowerCase());
    expect(km).toMatchObject({ ok: true, digits: 2 });
    if (km.ok) expect(km.radiusKm).toBeCloseTo(Math.SQRT2 / 2, 3);
  });

  it('says what is wrong with a bad grid', () => {
    expect(mgrsToPoint('37S DV 123 45')).toMatchObject({ ok: false, message: expect.stringMatching(/same number of digits/) });
    expect(mgrsToPoint('Raqqa')).toMatchObject({ ok: false, message: expect.stringMatching(/not an MGRS grid reference/) });
  });
});

describe('strike scoring', () => {
  it('reads a governorate-level point as near, not tens of kilometres away', () => {
    const lon30 = east(35.95, 39.01, 30);
    const vague = scoreStrike(strike(), incident({ lon: lon30, precision: 'governorate' }))!;
    expect(vague.reasons[1]).toMatch(/^within 30 km of the strike site \(incident located to a governorate, ±40 km\)/);
    const precise = scoreStrike(strike(), incident({ lon: lon30, precision: 'exact' }));
    expect(precise).toBeNull();
    // At the same spot, a precise point is the better fit than a vague one.
    const exact = scoreStrike(strike(), incident())!;
    expect(exact.score).toBeGreaterThan(scoreStrike(strike(), incident({ precision: 'governorate' }))!.score);
    expect(exact.reasons).toEqual(['same day', 'at the strike site (10 m away)', 'same belligerent: Coalition']);
  });

  it('keeps the date window at its edges, and counts a date range as the same day', () => {
    expect(dateGap('2017-06-13', incident())).toBe(DATE_WINDOW_DAYS);
    expect(scoreStrike(strike({ date: '2017-06-13' }), incident())!.reasons[0]).toBe('3 days apart');
    expect(scoreStrike(strike({ date: '2017-06-14' }), incident())).toBeNull();
    expect(scoreStrike(strike({ date: '2017-06-06' }), incident())).toBeNull();
    expect(scoreStrike(strike({ date: '2017-06-12' }), incident({ dateEnd: '2017-06-15' }))!.reasons[0]).toBe('same day');
    expect(scoreStrike(strike({ date: null }), incident())).toBeNull();
  });

  it('ranks closer dates and agreeing belligerents higher, and says so', () => {
    const sameDay = scoreStrike(strike(), incident())!;
    const twoDays = scoreStrike(strike({ date: '2017-06-12' }), incident())!;
    const other = scoreStrike(strike({ belligerent: 'Russia' }), incident())!;
    expect(sameDay.score).toBeGreaterThan(twoDays.score);
    expect(twoDays.reasons[0]).toBe('2 days apart');
    expect(sameDay.score).toBeGreaterThan(other.score);
    expect(other.reasons[2]).toBe('different belligerent: the report is Russia\'s, the incident names Coalition');
  });

  it('falls back on place names when the report has no point', () => {
    const c = scoreStrike(strike({ lat: null, lon: null, placeText: 'near Ar Raqqah' }), incident({ placeNames: ['Raqqah city'] }))!;
    expect(c.reasons[1]).toBe('place names agree: "raqqah" (no grid to measure distance)');
  });

  it('finds through the index exactly what comparing all pairs finds', () => {
    const incidents: IncidentPoint[] = Array.from({ length: 300 }, (_, k) => incident({
      id: `i${k}`,
      dateStart: `2017-06-${String(1 + (k % 28)).padStart(2, '0')}`,
      dateEnd: k % 50 === 0 ? '2017-09-30' : null,
      lat: k % 17 === 0 ? null : 35.5 + (k % 11) * 0.05,
      lon: k % 17 === 0 ? null : 38.5 + (k % 13) * 0.07,
      precision: (['exact', 'village', 'city', 'governorate'] as const)[k % 4],
    }));
    const reports: StrikePoint[] = Array.from({ length: 60 }, (_, k) => strike({
      id: `s${k}`, date: `2017-06-${String(1 + ((k * 7) % 28)).padStart(2, '0')}`, lat: 35.5 + (k % 9) * 0.06, lon: 38.5 + (k % 7) * 0.1, radiusKm: k % 3 === 0 ? 0.7 : 0.01,
    }));
    const fast = strikeCandidates(reports, incidents);
    const slow = naiveCandidates(reports, incidents);
    expect([...fast.entries()]).toEqual([...slow.entries()]);
    expect([...fast.values()].flat().length).toBeGreaterThan(60);
  });
});
