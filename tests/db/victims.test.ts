import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';
import { victimInput } from '../helpers/workbench';

describe('victims:save', () => {
  it('replaces the incident’s victim table, keeping each victim’s identity, and audits every change', () => {
    let tick = 0;
    const cf = tempCaseFile({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, tick++)).toISOString() });
    const incident = call(cf, 'incidents:create', { incident: incidentInput() });
    const first = call(cf, 'victims:save', {
      incidentId: incident.id,
      victims: [
        victimInput({ nameLatin: 'Ahmad Mustafa', nameLocal: 'أحمد مصطفى', gender: 'male', age: 34, ageGroup: 'adult' }),
        victimInput({ nameLocal: 'فاطمة', gender: 'female', ageGroup: 'child', familyGroup: 'Mustafa family', sensitive: true }),
      ],
    }).victims;
    expect(first.map((v) => v.nameLocal)).toEqual(['أحمد مصطفى', 'فاطمة']);
    expect(first[1]).toMatchObject({ ageGroup: 'child', familyGroup: 'Mustafa family', sensitive: true, civilianStatusContested: false });
    const afterFirst = call(cf, 'incidents:get', { id: incident.id });
    expect(afterFirst.victims).toEqual(first);
    expect(afterFirst.updatedAt).not.toBe(incident.updatedAt);

    // Swap the order, rename one, drop none, add one.
    const second = call(cf, 'victims:save', {
      incidentId: incident.id,
      victims: [
        victimInput({ ...first[1]!, nameLatin: 'Fatima Mustafa' }),
        victimInput({ ...first[0]! }),
        victimInput({ nameLatin: 'Unnamed man', harm: 'injured', civilianStatusContested: true }),
      ],
    }).victims;
    expect(second.map((v) => v.id).slice(0, 2)).toEqual([first[1]!.id, first[0]!.id]);
    expect(second[2]).toMatchObject({ harm: 'injured', civilianStatusContested: true });
    const entries = call(cf, 'audit:list', { entityId: first[1]!.id }).entries;
    expect(entries.map((e) => e.action)).toEqual(['update', 'insert']);
    expect(entries[0]!.after).toMatchObject({ name_latin: 'Fatima Mustafa', ord: 0 });

    // Removing a row removes that victim.
    const third = call(cf, 'victims:save', { incidentId: incident.id, victims: [victimInput({ ...second[2]! })] }).victims;
    expect(third.map((v) => v.id)).toEqual([second[2]!.id]);
    expect(call(cf, 'audit:list', { entityId: first[0]!.id }).entries[0]!.action).toBe('delete');
  });

  it('saving the same table again changes nothing, not even the incident’s timestamp', () => {
    const cf = tempCaseFile();
    const incident = call(cf, 'incidents:create', { incident: incidentInput() });
    const saved = call(cf, 'victims:save', { incidentId: incident.id, victims: [victimInput({ nameLatin: 'A' })] }).victims;
    const before = snapshot(cf);
    call(cf, 'victims:save', { incidentId: incident.id, victims: saved.map((v) => victimInput({ ...v })) });
    expect(snapshot(cf)).toEqual(before);
  });

  it('refuses rows naming another incident’s victims, and unknown incidents, saving nothing', () => {
    const cf = tempCaseFile();
    const a = call(cf, 'incidents:create', { incident: incidentInput({ code: 'A1' }) });
    const b = call(cf, 'incidents:create', { incident: incidentInput({ code: 'B1' }) });
    const [other] = call(cf, 'victims:save', { incidentId: b.id, victims: [victimInput({ nameLatin: 'B victim' })] }).victims;
    const before = snapshot(cf);
    const r = dispatch(cf, 'victims:save', { incidentId: a.id, victims: [victimInput({ nameLatin: 'new' }), victimInput({ ...other!, nameLatin: 'stolen' })] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'victims.1.id' }] } });
    expect(dispatch(cf, 'victims:save', { incidentId: 'nope', victims: [] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(cf, 'victims:save', { incidentId: a.id, victims: [victimInput({ nameLatin: 'x', age: 200 })] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'victims.0.age', message: 'Age is at most 130' }] },
    });
    expect(snapshot(cf)).toEqual(before);
  });
});
