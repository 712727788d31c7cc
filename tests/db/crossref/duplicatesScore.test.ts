import { describe, expect, it } from 'vitest';
import { candidatePairs, crowdedKeysOf, naivePairs, suggestPairs, MAX_GROUP } from '../../../db/crossref/duplicatesBlock';
import { dayInterval, placeKeysOf, type IncidentFeatures, victimNameKey } from '../../../db/crossref/duplicatesFeatures';
import { haversineKm, precisionRadiusKm } from '../../../db/crossref/duplicatesGeo';
import { scorePair, SUGGEST_AT } from '../../../db/crossref/duplicatesScore';

const day = (iso: string) => dayInterval(iso, null, 'day')![0];

function feat(id: string, over: Partial<IncidentFeatures> & { date?: string; place?: [string | null, string | null] } = {}): IncidentFeatures {
  const d = over.date ? day(over.date) : day('2017-03-17');
  const [en, ar] = over.place ?? [null, null];
  return {
    id,
    code: id.toUpperCase(),
    dayLo: d,
    dayHi: d,
    lat: 36.35,
    lon: 43.1,
    radiusKm: precisionRadiusKm('exact'),
    precision: 'exact',
    placeLabel: [en, ar].filter(Boolean).join(' / '),
    placeKeys: placeKeysOf(en, ar),
    sources: new Set(),
    urls: new Set(),
    captures: new Set(),
    victims: new Set(),
    victimNames: [],
    killedMin: null,
    killedMax: null,
    ...over,
  };
}

describe('duplicate pair scoring', () => {
  it('scores the same day and the same exact spot as a suggestion, and says why', () => {
    const s = scorePair(feat('a'), feat('b'));
    expect(s.score).toBeGreaterThanOrEqual(SUGGEST_AT);
    expect(s.reasons.map((r) => r.kind)).toEqual(['date', 'distance']);
    expect(s.reasons[0]!.text).toBe('Same day');
    expect(s.reasons[1]!.text).toMatch(/^0 m apart, within the points' precision \(exact and exact precision\)$/);
  });

  it('does not read a governorate-level point as "at" the same place as a street', () => {
    const fine = scorePair(feat('a'), feat('b', { lat: 36.36, lon: 43.11 }));
    const coarse = scorePair(feat('a'), feat('b', { lat: 36.36, lon: 43.11, radiusKm: precisionRadiusKm('governorate'), precision: 'governorate' }));
    const w = (s: typeof fine) => s.reasons.find((r) => r.kind === 'distance')?.weight ?? 0;
    // 1.4 km apart: beyond two exact points' precision, within a governorate's; but a governorate
    // point says little, so it weighs less than two exact points close together.
    expect(haversineKm(36.35, 43.1, 36.36, 43.11)).toBeGreaterThan(1);
    expect(w(coarse)).toBeGreaterThan(0);
    expect(w(coarse)).toBeLessThan(0.05);
    expect(w(fine)).toBeGreaterThan(w(coarse));
  });

  it('weighs dates by days apart and ignores them past the window', () => {
    const gaps = [0, 1, 2, 3, 4].map((g) => scorePair(feat('a'), feat('b', { date: `2017-03-${17 + g}` })).reasons.find((r) => r.kind === 'date')?.weight ?? 0);
    expect(gaps).toEqual([0.25, 0.18, 0.1, 0.05, 0]);
  });

  it('matches place names across transliterations and Arabic spellings', () => {
    expect([...placeKeysOf('Al-Baghuz', null)]).toEqual([...placeKeysOf('Baghouz', null)]);
    const ar = scorePair(feat('a', { lat: null, lon: null, place: [null, 'الرَّقَّة'] }), feat('b', { lat: null, lon: null, place: [null, 'رقه'] }));
    expect(ar.reasons.map((r) => r.kind)).toContain('place');
  });

  it('counts shared sources, pages and files, capped together', () => {
    const shared = { sources: new Set(['s1']), urls: new Set(['example.org/a']), captures: new Set(['f'.repeat(64)]) };
    const s = scorePair(feat('a', { ...shared, lat: null, lon: null, dayLo: null, dayHi: null }), feat('b', { ...shared, lat: null, lon: null, dayLo: null, dayHi: null }));
    expect(s.reasons.map((r) => r.kind)).toEqual(['source', 'url', 'capture']);
    expect(s.score).toBe(0.45);
    // A key shared by too many incidents (a monthly report) identifies none of them.
    const crowded = new Set(['s|s1', 'u|example.org/a', `c|${'f'.repeat(64)}`]);
    expect(scorePair(feat('a', shared), feat('b', shared), crowded).reasons.map((r) => r.kind)).toEqual(['date', 'distance']);
  });

  it('folds victim names as search does, and ignores single names', () => {
    expect(victimNameKey('Aḥmad  AL-Ali')).toBe('ahmad al ali');
    expect(victimNameKey('أحمد العلي')).toBe(victimNameKey('احمد العلي'));
    expect(victimNameKey('Ahmad')).toBeNull();
    const v = { victims: new Set(['ahmad al ali', 'fatima al ali', 'فاطمه العلي']), victimNames: [['ahmad al ali'], ['fatima al ali', 'فاطمه العلي']] };
    const s = scorePair(feat('a', { ...v, lat: null, lon: null }), feat('b', { ...v, lat: null, lon: null }));
    expect(s.reasons.find((r) => r.kind === 'victims')).toMatchObject({ weight: 0.2, text: '2 victims named in both: ahmad al ali; fatima al ali' });
  });
});

describe('blocking', () => {
  // A spread of incidents: clusters in space and time, unlocated ones, shared keys.
  function world(n: number): IncidentFeatures[] {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const precisions = ['exact', 'neighbourhood', 'village', 'city', 'governorate'];
    return Array.from({ length: n }, (_, i) => {
      const precision = precisions[i % precisions.length]!;
      const d = day('2017-01-01') + Math.floor(rnd() * 120);
      return feat(`i${String(i).padStart(4, '0')}`, {
        dayLo: d,
        dayHi: d + (i % 11 === 0 ? 2 : 0),
        lat: i % 13 === 0 ? null : 35.9 + rnd() * 0.6,
        lon: i % 13 === 0 ? null : 38.9 + rnd() * 0.6,
        radiusKm: precisionRadiusKm(precision),
        precision,
        placeKeys: placeKeysOf(['Raqqa', 'Tabqa', 'Mansoura', 'Hajin'][i % 4]!, null),
        urls: new Set(i % 17 === 0 ? ['report.example/monthly'] : i % 5 === 0 ? [`page.example/${i % 40}`] : []),
        victims: new Set(i % 9 === 0 ? [`name ${i % 27}`] : []),
        victimNames: i % 9 === 0 ? [[`name ${i % 27}`]] : [],
        killedMin: i % 4,
        killedMax: (i % 4) + 2,
      });
    });
  }

  it('finds exactly the pairs that scoring every pair finds, from far fewer candidates', () => {
    const features = world(900);
    const { pairs, stats } = suggestPairs(features);
    const naive = naivePairs(features);
    const key = (p: { a: IncidentFeatures; b: IncidentFeatures }) => `${p.a.id}|${p.b.id}`;
    expect(naive.length).toBeGreaterThan(50);
    expect(new Set(pairs.map(key))).toEqual(new Set(naive.map(key)));
    expect(stats.candidates).toBeLessThan((900 * 899) / 2 / 10);
    // The monthly report, cited by 53 incidents (more than MAX_GROUP), blocks nothing.
    expect(crowdedKeysOf(features).has('u|report.example/monthly')).toBe(true);
    expect(stats.crowdedKeys).toBe(crowdedKeysOf(features).size);
    expect(Math.ceil(900 / 17)).toBeGreaterThan(MAX_GROUP);
  });

  it('never pairs an incident with itself and lists each pair once', () => {
    const features = world(300);
    const { pairs } = candidatePairs(features);
    const keys = pairs.map(([i, j]) => `${i}|${j}`);
    expect(pairs.every(([i, j]) => i < j)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
