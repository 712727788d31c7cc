import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import type { CaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { NAMED } from '../../db/namedPeople';
import { findPairs, loadVictimRecords } from '../../db/victimPairs';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';

type V = Partial<{ nameLatin: string | null; nameLocal: string | null; gender: 'male' | 'female' | null; age: number | null; ageGroup: 'child' | 'adult' | 'elderly' | null; harm: 'killed' | 'injured' }>;

function victim(v: V) {
  return {
    id: null, nameLatin: null, nameLocal: null, gender: null, age: null, ageGroup: null, harm: 'killed' as const,
    familyGroup: null, civilianStatusContested: false, sensitive: false, ...v,
  };
}

function incident(cf: CaseFile, code: string, date: string, victims: V[], grade: 'fair' | 'weak' | null = 'fair') {
  const inc = call(cf, 'incidents:create', {
    incident: incidentInput({ code, dateStart: date, ...(grade ? { grade, gradeRationale: 'Test grade' } : {}) }),
  });
  const saved = call(cf, 'victims:save', { incidentId: inc.id, victims: victims.map(victim) });
  return { id: inc.id, victims: saved.victims.map((x) => x.id) };
}

const queue = (cf: CaseFile) => call(cf, 'victims:reconcileQueue', {});
const pairIds = (cf: CaseFile) => queue(cf).pairs.map((p) => [p.a.id, p.b.id].sort().join('|'));
const key = (a: string, b: string) => [a, b].sort().join('|');

describe('victim reconciliation suggestions', () => {
  it('pairs spellings of one name across incidents and scripts, with reasons, and leaves different people alone', () => {
    const cf = tempCaseFile();
    const a = incident(cf, 'A1', '2017-03-17', [
      { nameLatin: 'Mohammed Ali al-Hassan', nameLocal: 'محمد علي الحسن', gender: 'male', age: 34 },
      { nameLatin: 'Fatima Ahmed', gender: 'female', age: 8 },
    ]);
    const b = incident(cf, 'B1', '2017-03-19', [
      { nameLatin: 'Muhammad Ali Hasan', gender: 'male', age: 35 },
      { nameLatin: 'Fatimah Ahmad', gender: 'male', age: 8 }, // gender differs: not her
    ]);
    const c = incident(cf, 'C1', '2017-03-18', [{ nameLocal: 'محمّد علي حسن', ageGroup: 'adult' }]);
    const ids = pairIds(cf);
    expect(ids).toContain(key(a.victims[0]!, b.victims[0]!));
    expect(ids).toContain(key(a.victims[0]!, c.victims[0]!));
    expect(ids).toContain(key(b.victims[0]!, c.victims[0]!));
    expect(ids).not.toContain(key(a.victims[1]!, b.victims[1]!));
    const ab = queue(cf).pairs.find((p) => key(p.a.id, p.b.id) === key(a.victims[0]!, b.victims[0]!))!;
    expect(ab.reasons[0]).toBe('Names match allowing for transliteration (Latin): “Mohammed Ali al-Hassan” ≈ “Muhammad Ali Hasan”');
    expect(ab.reasons).toContain('Same gender (male)');
    expect(ab.reasons).toContain('Ages within 2 years (34 and 35)');
    expect(ab.reasons).toContain('Incidents 2 days apart');
  });

  it('does not take a father for his son: the given names must match', () => {
    const cf = tempCaseFile();
    incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Mohammed Ali', gender: 'male' }, { nameLatin: 'Ahmed Mohammed Ali', gender: 'male' }]);
    expect(queue(cf).total).toBe(0);
    incident(cf, 'B1', '2017-03-18', [{ nameLatin: 'Ahmad Muhammad Ali', gender: 'male' }]);
    const pairs = queue(cf).pairs;
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.a.nameLatin, pairs[0]!.b.nameLatin].sort()).toEqual(['Ahmad Muhammad Ali', 'Ahmed Mohammed Ali']);
  });

  it('needs compatible ages and near dates', () => {
    const cf = tempCaseFile();
    incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Omar Khaled', age: 10 }, { nameLatin: 'Yusuf Saleh', ageGroup: 'child' }]);
    incident(cf, 'B1', '2017-03-18', [{ nameLatin: 'Omar Khalid', age: 40 }, { nameLatin: 'Youssef Salih', age: 70 }]);
    incident(cf, 'C1', '2018-06-01', [{ nameLatin: 'Omar Khaled', age: 10 }]);
    expect(queue(cf).total).toBe(0);
    const cf2 = tempCaseFile();
    incident(cf2, 'A1', '2017-03-17', [{ nameLatin: 'Yusuf Saleh', ageGroup: 'child' }]);
    incident(cf2, 'B1', '2017-04-10', [{ nameLatin: 'Youssef Salih', age: 12 }]);
    expect(queue(cf2).pairs[0]!.reasons).toEqual(expect.arrayContaining(['Age 12 fits the age group child', 'Incidents 24 days apart']));
  });

  it('forgets a pair dismissed as not the same person, and audits the dismissal', () => {
    const cf = tempCaseFile();
    const a = incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Ahmad Hamza' }]);
    const b = incident(cf, 'B1', '2017-03-17', [{ nameLatin: 'Ahmed Hamzah' }]);
    expect(queue(cf).total).toBe(1);
    call(cf, 'victims:dismissPair', { victimIds: [b.victims[0]!, a.victims[0]!] });
    expect(queue(cf).total).toBe(0);
    const audit = call(cf, 'audit:list', { limit: 1 }).entries[0]!;
    expect(audit).toMatchObject({ entity: 'victim_pair_dismissals', action: 'insert' });
    expect(audit.reason).toMatch(/Not the same person/);
  });
});

describe('reconciliation groups and named-victim counts', () => {
  it('counts people, not rows: confirming a pair drops the named count by one, unlinking restores it', () => {
    const cf = tempCaseFile();
    const a = incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Mohammed Ali' }, { nameLatin: 'Khaled Omar' }, {}]);
    const b = incident(cf, 'B1', '2017-03-18', [{ nameLatin: 'Muhammad Ali' }]);
    const stats = () => call(cf, 'stats:get', {});
    expect(stats().headline.namedVictims).toBe(3);
    expect(stats().namedPeople).toEqual({ people: 3, records: 3, inSeveralIncidents: 0 });

    const group = call(cf, 'victims:reconcile', { victimIds: [a.victims[0]!, b.victims[0]!] });
    expect(group.members.map((m) => m.incidentCode)).toEqual(['A1', 'B1']);
    expect(stats().headline.namedVictims).toBe(2);
    expect(stats().grades.fair.namedVictims).toBe(2);
    expect(stats().namedPeople).toEqual({ people: 2, records: 3, inSeveralIncidents: 1 });
    expect(queue(cf).total).toBe(0); // a confirmed pair is no longer suggested
    expect(call(cf, 'victims:groups', { incidentId: b.id }).groups).toHaveLength(1);

    call(cf, 'victims:unlink', { victimId: b.victims[0]! });
    expect(stats().headline.namedVictims).toBe(3);
    // The group left with one record is dissolved.
    expect(call(cf, 'victims:groups', { incidentId: a.id }).groups).toEqual([]);
    expect(verifyAuditChain(cf).ok).toBe(true);
  });

  it('merges groups transitively and counts a person in a Fair and a Weak incident once in each grade', () => {
    const cf = tempCaseFile();
    const a = incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Ahmad Hamza' }]);
    const b = incident(cf, 'B1', '2017-03-18', [{ nameLatin: 'Ahmed Hamzah' }]);
    const c = incident(cf, 'C1', '2017-03-19', [{ nameLocal: 'أحمد حمزة' }], 'weak');
    const d = incident(cf, 'D1', '2017-03-19', [{ nameLatin: 'Ahmed Hamza' }], 'weak');
    // The queue, kept between changes and fixed in place after each confirmation, stays what a
    // fresh computation gives.
    const fresh = () => findPairs(loadVictimRecords(cf)).map((p) => [p.a.id, p.b.id].sort().join('|')).sort();
    expect(pairIds(cf).sort()).toEqual(fresh());
    expect(fresh()).toHaveLength(6);
    call(cf, 'victims:reconcile', { victimIds: [a.victims[0]!, b.victims[0]!] });
    expect(pairIds(cf).sort()).toEqual(fresh());
    call(cf, 'victims:reconcile', { victimIds: [c.victims[0]!, d.victims[0]!] });
    expect(pairIds(cf).sort()).toEqual(fresh());
    expect(fresh()).toHaveLength(4);
    const g = call(cf, 'victims:reconcile', { victimIds: [b.victims[0]!, d.victims[0]!] });
    expect(queue(cf).total).toBe(0);
    expect(g.members).toHaveLength(4);
    const s = call(cf, 'stats:get', {});
    expect(s.headline.namedVictims).toBe(1);
    expect(s.grades.weak.namedVictims).toBe(1);
    expect(s.namedPeople).toEqual({ people: 1, records: 4, inSeveralIncidents: 1 });
    const ids = cf.db.prepare('SELECT DISTINCT reconciliation_id AS r FROM victims').all();
    expect(ids).toHaveLength(1);
  });

  it('refuses the same record twice and unlinking a record in no group, writing nothing', () => {
    const cf = tempCaseFile();
    const a = incident(cf, 'A1', '2017-03-17', [{ nameLatin: 'Ahmad Hamza' }]);
    const before = snapshot(cf);
    expect(() => call(cf, 'victims:reconcile', { victimIds: [a.victims[0]!, a.victims[0]!] })).toThrow(/two different/);
    expect(() => call(cf, 'victims:unlink', { victimId: a.victims[0]! })).toThrow(/not reconciled/);
    expect(() => call(cf, 'victims:reconcile', { victimIds: [a.victims[0]!, 'nope'] })).toThrow(/No victim record/);
    expect(snapshot(cf)).toEqual(before);
  });
});

describe('the people correction stays cheap', () => {
  it('reads only reconciled records, through the partial index on reconciliation_id', () => {
    const cf = tempCaseFile();
    const plan = cf.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT v.reconciliation_id, count(*) FROM victims v JOIN incidents i ON i.id = v.incident_id
         WHERE v.reconciliation_id IS NOT NULL AND ${NAMED} GROUP BY v.reconciliation_id`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH v USING INDEX victims_reconciliation/);
  });
});
