import { describe, expect, it } from 'vitest';
import { change } from '../../db/audit';
import { call } from '../../db/handlers';
import type { IncidentInput } from '../../shared/schemas';
import { incidentInput, tempCaseFile, unknownCasualties } from '../helpers/caseFiles';

const c = (patch: Partial<IncidentInput['casualties']>) => ({ ...unknownCasualties(), ...patch });
const bel = (name: string, position: 'credible' | 'non_credible', killed: [number | null, number | null]) => ({
  belligerent: name,
  involvement: 'known' as const,
  position,
  concededKilled: { min: killed[0], max: killed[1] },
  concededInjured: { min: null, max: null },
  locationText: null,
  mgrs: null,
  statement: null,
});

describe('stats', () => {
  it('sums ranges by grade, headline = Confirmed + Fair, unknown as 0, each incident once', () => {
    const cf = tempCaseFile();
    const mk = (code: string, o: Partial<IncidentInput>) => call(cf, 'incidents:create', { incident: incidentInput({ code, ...o }) });
    const graded = (grade: IncidentInput['grade']) => ({ grade, gradeRationale: 'because' });
    const a = mk('A', {
      ...graded('confirmed'),
      casualties: c({ killed: { min: 105, max: 141 }, injured: { min: 10, max: 12 }, childrenKilled: { min: 20, max: 30 }, womenKilled: { min: 5, max: 6 }, menKilled: { min: 1, max: 2 } }),
      // Two credible belligerents conceding the same deaths: counted once, the larger figure.
      belligerents: [bel('United States', 'credible', [100, 105]), bel('Coalition', 'credible', [90, 110])],
    });
    mk('B', { ...graded('fair'), casualties: c({ killed: { min: 2, max: 4 }, injured: { min: null, max: 3 } }) });
    mk('C', { ...graded('weak'), casualties: c({ killed: { min: 1, max: 1 } }), belligerents: [bel('Russia', 'non_credible', [0, 0])] });
    mk('D', { ...graded('discounted'), casualties: c({ killed: { min: 7, max: 7 } }) });
    mk('E', { casualties: c({ killed: { min: 3, max: 3 } }) });
    change(cf, 'victims', (w) => {
      w.insert('victims', { id: 'v1', incident_id: a.id, ord: 0, name_latin: 'Ahmed', name_local: null });
      w.insert('victims', { id: 'v2', incident_id: a.id, ord: 1, name_latin: null, name_local: 'محمد' });
      w.insert('victims', { id: 'v3', incident_id: a.id, ord: 2, name_latin: '  ', name_local: null });
    });

    const s = call(cf, 'stats:get', {});
    expect(s.incidents).toBe(5);
    expect(s.grades.confirmed).toEqual({
      incidents: 1,
      killed: { min: 105, max: 141 },
      injured: { min: 10, max: 12 },
      children: { min: 20, max: 30 },
      women: { min: 5, max: 6 },
      men: { min: 1, max: 2 },
      namedVictims: 2,
    });
    expect(s.grades.fair.injured).toEqual({ min: 0, max: 3 });
    expect(s.headline.incidents).toBe(2);
    expect(s.headline.killed).toEqual({ min: 107, max: 145 });
    expect(s.headline.namedVictims).toBe(2);
    expect(s.grades.weak.killed).toEqual({ min: 1, max: 1 });
    expect(s.grades.discounted.killed).toEqual({ min: 7, max: 7 });
    expect(s.grades.contested.incidents).toBe(0);
    expect(s.grades.ungraded).toMatchObject({ incidents: 1, killed: { min: 3, max: 3 } });
    expect(s.conceded).toEqual({ incidents: 1, killed: { min: 100, max: 110 }, injured: { min: 0, max: 0 } });

    // Filters apply to every figure, the conceded one included.
    const filtered = call(cf, 'stats:get', { filter: { belligerent: 'russia' } });
    expect(filtered.incidents).toBe(1);
    expect(filtered.headline.incidents).toBe(0);
    expect(filtered.conceded.incidents).toBe(0);
    expect(call(cf, 'stats:get', { filter: { grade: ['ungraded'] } }).incidents).toBe(1);
  });

  it('is all zeros on an empty case file', () => {
    const s = call(tempCaseFile(), 'stats:get', {});
    expect(s.incidents).toBe(0);
    expect(s.headline).toEqual({
      incidents: 0,
      killed: { min: 0, max: 0 },
      injured: { min: 0, max: 0 },
      children: { min: 0, max: 0 },
      women: { min: 0, max: 0 },
      men: { min: 0, max: 0 },
      namedVictims: 0,
    });
  });
});
