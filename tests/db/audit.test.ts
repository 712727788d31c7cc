import { describe, expect, it } from 'vitest';
import { change, verifyAuditChain } from '../../db/audit';
import { call } from '../../db/handlers';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';

describe('audit trail', () => {
  it('records who, when, what, before and after for every change', () => {
    let t = 0;
    const cf = tempCaseFile({ actor: 'Amira', now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, t++)).toISOString() });
    const created = call(cf, 'incidents:create', { incident: incidentInput({ code: 'A1' }) });
    call(cf, 'incidents:update', { id: created.id, incident: incidentInput({ code: 'A1', placeEn: 'Mosul' }), reason: 'Fixed the place' });
    const { entries } = call(cf, 'audit:list', { entityId: created.id });
    const update = entries.find((e) => e.action === 'update' && e.entity === 'incidents' && (e.after as Record<string, unknown>).place_en);
    expect(update).toMatchObject({
      actor: 'Amira',
      entity: 'incidents',
      entityId: created.id,
      before: { place_en: 'Mosul al-Jadida' },
      after: { place_en: 'Mosul' },
      reason: 'Fixed the place',
    });
    expect(entries.find((e) => e.action === 'insert')?.after).toMatchObject({ code: 'A1', id: created.id });
  });

  it('verifies after many changes and names the first tampered entry', () => {
    const cf = tempCaseFile();
    for (let i = 0; i < 60; i++) {
      const inc = call(cf, 'incidents:create', {
        incident: incidentInput({ code: `C${i}`, belligerents: [{ belligerent: 'Coalition', involvement: 'known', position: 'not_yet_assessed', concededKilled: { min: null, max: null }, concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null }] }),
      });
      call(cf, 'incidents:update', { id: inc.id, incident: incidentInput({ code: `C${i}`, summary: `edit ${i}` }) });
    }
    const ok = verifyAuditChain(cf);
    expect(ok.ok).toBe(true);
    expect(ok.entries).toBeGreaterThanOrEqual(180);

    // Someone edits history behind the app's back: an incident's recorded code is forged.
    const target = cf.db
      .prepare("SELECT seq, after_json FROM audit_log WHERE entity = 'incidents' AND action = 'insert' AND seq > 50 ORDER BY seq LIMIT 1")
      .get() as { seq: number; after_json: string };
    const forged = target.after_json.replace(/"code":"C\d+"/, '"code":"FORGED"');
    expect(forged).not.toBe(target.after_json);
    cf.db.prepare('UPDATE audit_log SET after_json = ? WHERE seq = ?').run(forged, target.seq);
    const bad = verifyAuditChain(cf);
    expect(bad.ok).toBe(false);
    expect(bad.firstBroken).toBe(target.seq);
    expect(bad.message).toMatch(new RegExp(`Audit entry ${target.seq} .* altered`));
  });

  it('detects a deleted entry and a re-hashed forgery that breaks the chain', () => {
    const cf = tempCaseFile();
    for (let i = 0; i < 10; i++) call(cf, 'incidents:create', { incident: incidentInput({ code: `D${i}` }) });
    cf.db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verifyAuditChain(cf)).toMatchObject({ ok: false, firstBroken: 4 });
    cf.db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 5').run();
    expect(verifyAuditChain(cf)).toMatchObject({ ok: false, firstBroken: 4 });
  });

  it('rolls back the rows and their audit entries together when a change fails', () => {
    const cf = tempCaseFile();
    call(cf, 'incidents:create', { incident: incidentInput({ code: 'R1' }) });
    const before = snapshot(cf);
    expect(() =>
      change(cf, 'half a change', (w) => {
        w.insert('people', { id: 'p1', name: 'X', role: 'investigator', created_at: w.at });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(snapshot(cf)).toEqual(before);
    expect(verifyAuditChain(cf).ok).toBe(true);
  });

  it('writes nothing when a save changes nothing', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', { incident: incidentInput({ code: 'S1' }) });
    const before = snapshot(cf);
    call(cf, 'incidents:update', { id: inc.id, incident: incidentInput({ code: 'S1' }) });
    expect(snapshot(cf)).toEqual(before);
  });
});
