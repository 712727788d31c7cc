import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';
import { sourceInput, victimInput } from '../helpers/workbench';

describe('a graded or published incident is locked for its victims too', () => {
  it('refuses a victim table change until reopened, writing nothing; new sources may still be logged', () => {
    const cf = tempCaseFile();
    const open = call(cf, 'incidents:create', { incident: incidentInput({ code: 'OPEN1' }) });
    const locked = call(cf, 'incidents:create', {
      incident: incidentInput({ code: 'LOCK1', status: 'published', grade: 'fair', gradeRationale: 'Two sources and a declared strike.' }),
    });
    const source = call(cf, 'sources:create', { source: sourceInput(), incidentIds: [open.id] });
    const before = snapshot(cf);
    const r = dispatch(cf, 'victims:save', { incidentId: locked.id, victims: [victimInput({ nameLatin: 'Someone' })] });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!r.ok) expect(r.error.message).toMatch(/LOCK1 is published and locked against edits/);
    expect(snapshot(cf)).toEqual(before);
    // Evidence that arrives after publication is still logged against it (it may prompt a reopening).
    expect(dispatch(cf, 'sources:link', { sourceId: source.id, incidentId: locked.id }).ok).toBe(true);
    // The open incident still takes changes.
    expect(dispatch(cf, 'victims:save', { incidentId: open.id, victims: [victimInput({ nameLatin: 'Someone' })] }).ok).toBe(true);
  });
});
