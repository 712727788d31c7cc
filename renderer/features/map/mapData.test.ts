import { describe, expect, it } from 'vitest';
import { MAP_PRECISIONS, type MapPoints } from '../../../shared/contracts/map';
import { placeKey, placeSkeleton } from '../../../shared/placeNormalize';
import { indexesInBounds, metresToPixelsAtZoom0, pointsBounds, pointsToColumns } from './incidentData';
import { IncidentIndex } from './incidentIndex';
import { parseMgrs, spaceMgrs, toMgrs } from './mgrsFormat';
import { fillMonths, lastDayOfMonth } from './TimeBrush';
import { compass, distanceKm } from './gazetteer';

const points = (n: number): MapPoints => ({
  total: n + 1,
  withoutCoordinates: 1,
  codes: Array.from({ length: n }, (_, i) => `CS${i}`),
  lon: Array.from({ length: n }, (_, i) => 38 + i),
  lat: Array.from({ length: n }, (_, i) => 34 + i / 2),
  grade: Array.from({ length: n }, (_, i) => i % 6),
  killed: Array.from({ length: n }, (_, i) => (i === 0 ? null : i * 3)),
  precision: Array.from({ length: n }, (_, i) => i % MAP_PRECISIONS.length),
  day: Array.from({ length: n }, () => 17000),
});

describe('MGRS', () => {
  it('round-trips a point to 1 m (5 digits) and reads it back within a metre', () => {
    for (const [lat, lon] of [
      [34.467, 40.944],
      [35.9506, 39.0094],
      [36.335, 43.119],
      [33.51, 36.291],
    ] as const) {
      const grid = toMgrs(lat, lon, 'exact');
      expect(grid).toMatch(/^\d{2}[C-X] [A-Z]{2} \d{5} \d{5}$/);
      const back = parseMgrs(grid);
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(distanceKm(lat, lon, back.lat, back.lon) * 1000).toBeLessThan(1.5);
      expect(back.suggested).toBe('exact');
    }
  });

  it('gives fewer digits for a less precise location, and accepts any spacing and case', () => {
    expect(toMgrs(34.467, 40.944, 'town').replace(/\s/g, '')).toHaveLength(9); // zone+band 3, square 2, 2+2 digits
    const typed = toMgrs(34.467, 40.944, 'exact').replace(/\s/g, '').toLowerCase();
    const r = parseMgrs(`  ${typed.slice(0, 5)} ${typed.slice(5)} `);
    expect(r.ok).toBe(true);
    expect(spaceMgrs('37SFV1234567890')).toBe('37S FV 12345 67890');
  });

  it('explains what is wrong with a reference it cannot read', () => {
    const r = parseMgrs('hello');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not an MGRS grid reference/);
    const odd = parseMgrs('37S FV 1234 567');
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.message).toMatch(/same number of digits/);
  });
});

describe('incident features', () => {
  it('turn the columns into one point each, id = column index, with the uncertainty radius', () => {
    const c = pointsToColumns(points(12));
    expect(c.lon).toHaveLength(12);
    expect([c.lon[3], c.lat[3], c.grade[3], c.killed[3], c.precision[3]]).toEqual([41, 35.5, 3, 9, 3]);
    expect(c.killed[0]).toBe(-1);
    const exact = MAP_PRECISIONS.indexOf('exact');
    const governorate = MAP_PRECISIONS.indexOf('governorate');
    expect(c.radius[exact]).toBe(0);
    expect(c.radius[governorate]).toBeGreaterThan(0);
  });

  it('cluster nearby incidents into vector tiles, list a cluster\'s incidents and the zoom that splits it', () => {
    // 40 incidents within a few hundred metres of Raqqa, 10 killed each but one unknown; one far off in Mosul.
    const n = 41;
    const p: MapPoints = {
      ...points(n),
      lon: Array.from({ length: n }, (_, i) => (i === 40 ? 43.13 : 39.01 + (i % 8) * 0.002)),
      lat: Array.from({ length: n }, (_, i) => (i === 40 ? 36.34 : 35.95 + Math.floor(i / 8) * 0.002)),
      killed: Array.from({ length: n }, (_, i) => (i === 7 ? null : 10)),
    };
    const index = new IncidentIndex(pointsToColumns(p));
    const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('latin1') : '');
    expect(text(index.tile(0, 0, 0))).toContain('incidents');
    expect(text(index.tile(0, 0, 0))).toContain('point_count');
    expect(index.tile(5, 0, 0)).toBeNull(); // nothing in the Pacific
    // The cluster's id is in its tile; MapLibre reads it from there on a click. Find it the way the worker would.
    const ids: number[] = [];
    for (let id = 0; id < 1e6 && ids.length === 0; id++) {
      try {
        if (index.leaves(id, 500).length === 40) ids.push(id);
      } catch {
        // not a cluster id
      }
    }
    expect(ids).toHaveLength(1);
    const leaves = index.leaves(ids[0]!, 500);
    expect([...leaves].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(index.leaves(ids[0]!, 5)).toHaveLength(5);
    const zoom = index.expansionZoom(ids[0]!);
    expect(zoom).toBeGreaterThan(0);
    expect(zoom).toBeLessThanOrEqual(12);
  });

  it('size rings in true metres: 1 km at the equator is 512/40,075 px at zoom 0', () => {
    expect(metresToPixelsAtZoom0(1000, 0)).toBeCloseTo((1000 * 512) / 40_075_016.686, 6);
    expect(metresToPixelsAtZoom0(1000, 60)).toBeCloseTo(2 * metresToPixelsAtZoom0(1000, 0), 6);
  });

  it('find the points inside an area, and the bounds of them all', () => {
    const p = points(5);
    expect(indexesInBounds(p, [38.5, 34, 40.5, 36])).toEqual([1, 2]);
    expect(pointsBounds(p)).toEqual([38, 34, 42, 36]);
    expect(pointsBounds(points(0))).toBeNull();
  });
});

describe('the time brush', () => {
  it('fills the months without incidents, so the bars keep time', () => {
    expect(fillMonths([{ month: '2017-11', incidents: 2 }, { month: '2018-02', incidents: 5 }]).map((m) => `${m.month}:${m.incidents}`)).toEqual([
      '2017-11:2',
      '2017-12:0',
      '2018-01:0',
      '2018-02:5',
    ]);
    expect(lastDayOfMonth('2016-02')).toBe('2016-02-29');
    expect(lastDayOfMonth('2017-12')).toBe('2017-12-31');
  });
});

describe('place names', () => {
  it('agree however spelled or written', () => {
    expect(placeKey('الباغوز')).toBe(placeKey('باغوز'));
    expect(placeKey('Al-Baghuz')).toBe('baghuz');
    expect(placeSkeleton('Baghouz')).toBe(placeSkeleton('al-Baghuz'));
    expect(placeSkeleton('Kafr Nabl')).toBe(placeSkeleton('Kafranbel'));
    expect(placeSkeleton('كفر نبل')).toBe(placeSkeleton('كفرنبل'));
    expect(placeSkeleton('Raqqa')).not.toBe(placeSkeleton('Rastan'));
  });

  it('say which way a place lies', () => {
    expect(compass(34, 40, 35, 40)).toBe('N');
    expect(compass(34, 40, 34, 41)).toBe('E');
    expect(compass(34, 40, 33, 39)).toBe('SW');
  });
});
