/**
 * The tamper-evident trail: entries written by a profile are signed; `verify` checks each
 * signature against the key the trail recorded, and checks the case data against the trail,
 * naming the first broken entry or row. Edits are made "behind the app's back", straight in
 * SQLite, as someone with the file but not the app would make them.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { change, verifyAuditChain } from '../../db/audit';
import { call } from '../../db/handlers';
import { generateSigningKeys, hashSigner } from '../../db/signing';
import { incidentInput, tempCaseFile } from '../helpers/caseFiles';
import { team } from '../helpers/people';

function signedTeamWithIncident() {
  const t = team();
  t.as('investigator');
  const inc = call(t.cf, 'incidents:create', { incident: incidentInput({ code: 'SIG1', summary: 'First words.' }) });
  call(t.cf, 'incidents:update', { id: inc.id, incident: incidentInput({ code: 'SIG1', summary: 'Second words.' }), reason: 'Reworded' });
  return { t, inc };
}

const entry = (t: ReturnType<typeof team>, where: string) =>
  t.cf.db.prepare(`SELECT seq, signature, signer_id, hash FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT 1`).get() as {
    seq: number;
    signature: string | null;
    signer_id: string | null;
    hash: string;
  };

describe('signed audit trail', () => {
  it('signs every entry written by a profile with its own key, and verifies them', () => {
    const { t } = signedTeamWithIncident();
    const rows = t.cf.db.prepare('SELECT actor, signer_id, signature FROM audit_log ORDER BY seq').all() as { actor: string; signer_id: string | null; signature: string | null }[];
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r.signer_id, r.actor).not.toBeNull();
      expect(r.signature, r.actor).toMatch(/^[A-Za-z0-9+/]{86}==$/); // 64-byte Ed25519 signature
    }
    const last = rows[rows.length - 1]!;
    expect(last).toMatchObject({ actor: 'Amira Haddad', signer_id: t.ids.investigator });
    const v = verifyAuditChain(t.cf);
    expect(v).toMatchObject({ ok: true, firstBroken: null, unsigned: 0, rowProblem: null });
    expect(v.signed).toBe(rows.length);
    expect(v.message).toMatch(/^All \d+ audit entries verify: \d+ signed by 4 people, 0 unsigned/);
  });

  it('reports entries written without a profile as unsigned, not broken', () => {
    const cf = tempCaseFile({ actor: 'importer' });
    call(cf, 'incidents:create', { incident: incidentInput({ code: 'U1' }) });
    const v = call(cf, 'audit:verify', {});
    expect(v).toMatchObject({ ok: true, signed: 0 });
    expect(v.unsigned).toBeGreaterThan(0);
    expect(v.message).toMatch(/0 signed by 0 people, \d+ unsigned \(written without a profile\)/);
  });

  it('names the entry whose signature was swapped for another', () => {
    const { t } = signedTeamWithIncident();
    const a = entry(t, "entity = 'incidents' AND action = 'update'");
    const b = entry(t, `seq < ${a.seq} AND signature IS NOT NULL`);
    t.cf.db.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(b.signature, a.seq);
    const v = verifyAuditChain(t.cf);
    expect(v).toMatchObject({ ok: false, firstBroken: a.seq });
    expect(v.message).toMatch(new RegExp(`^Audit entry ${a.seq} \\(update incidents .* by Amira Haddad .*\\) carries a signature that is not Amira Haddad's signature of this entry\\.$`));
  });

  it('names an entry whose signature was removed, or whose signer was stripped to pass it off as unsigned', () => {
    const { t } = signedTeamWithIncident();
    const a = entry(t, "entity = 'incidents' AND action = 'update'");
    t.cf.db.prepare('UPDATE audit_log SET signature = NULL WHERE seq = ?').run(a.seq);
    expect(verifyAuditChain(t.cf)).toMatchObject({ ok: false, firstBroken: a.seq, message: expect.stringMatching(/names Amira Haddad as its signer but carries no signature/) });

    t.cf.db.prepare('UPDATE audit_log SET signer_id = NULL WHERE seq = ?').run(a.seq);
    // The signer is part of the hashed content: dropping it alters the entry.
    expect(verifyAuditChain(t.cf)).toMatchObject({ ok: false, firstBroken: a.seq, message: expect.stringMatching(/has been altered since it was written/) });
  });

  it('catches a forger who replaces a person’s public key and re-signs: the key comes from the trail', () => {
    const { t } = signedTeamWithIncident();
    const forged = generateSigningKeys();
    const a = entry(t, "entity = 'incidents' AND action = 'update'");
    t.cf.db.prepare('UPDATE people SET public_key = ? WHERE id = ?').run(forged.publicKey, t.ids.investigator);
    t.cf.db.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(hashSigner(forged.privateKey)(a.hash), a.seq);
    const v = verifyAuditChain(t.cf);
    expect(v).toMatchObject({ ok: false, firstBroken: a.seq });
    expect(v.message).toMatch(/is not Amira Haddad's signature/);
  });

  it('names a row of case data edited, added or deleted behind the app’s back', () => {
    const { t, inc } = signedTeamWithIncident();
    expect(verifyAuditChain(t.cf).ok).toBe(true);

    t.cf.db.prepare('UPDATE incidents SET killed_max = 99 WHERE id = ?').run(inc.id);
    const edited = call(t.cf, 'audit:verify', {});
    expect(edited).toMatchObject({ ok: false, firstBroken: null, rowProblem: { table: 'incidents', key: inc.id } });
    expect(edited.message).toMatch(/^All \d+ audit entries chain and verify .*, but the case data does not match them: incidents row .* \(code SIG1\) holds killed_max = 99, where the audit trail \(entry \d+\) recorded empty; it was changed behind the app's back\.$/);
    t.cf.db.prepare('UPDATE incidents SET killed_max = NULL WHERE id = ?').run(inc.id);
    expect(verifyAuditChain(t.cf).ok).toBe(true);

    t.cf.db.prepare("INSERT INTO incident_codes (code, incident_id, kind) VALUES ('GHOST', ?, 'previous')").run(inc.id);
    expect(verifyAuditChain(t.cf)).toMatchObject({ ok: false, rowProblem: { table: 'incident_codes', key: 'GHOST' }, message: expect.stringMatching(/is in the file, but no audit entry wrote it/) });
    t.cf.db.prepare("DELETE FROM incident_codes WHERE code = 'GHOST'").run();

    t.cf.db.prepare('DELETE FROM people WHERE id = ?').run(t.ids.editor);
    expect(verifyAuditChain(t.cf)).toMatchObject({ ok: false, rowProblem: { table: 'people', key: t.ids.editor }, message: expect.stringMatching(/\(Lina Odeh\) was written by audit entry \d+ but is missing from the file/) });
  });

  it('accepts rows removed by a cascade from a delete the trail records, and imported records', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', {
      incident: incidentInput({ code: 'DEL1', belligerents: [{ belligerent: 'Coalition', involvement: 'known', position: 'credible', concededKilled: { min: 1, max: 1 }, concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null }] }),
    });
    change(cf, 'Removed a duplicate', (w) => w.remove('incidents', { id: inc.id }));
    expect(cf.db.prepare('SELECT count(*) AS n FROM incident_belligerents').get()).toEqual({ n: 0 });
    expect(verifyAuditChain(cf)).toMatchObject({ ok: true });

    const id = randomUUID();
    change(cf, 'Import', (w) =>
      w.insertRecord(id, [{ table: 'incidents', columns: ['id', 'code', 'created_at', 'updated_at'], rows: [[id, 'IMP1', w.at, w.at]] }]),
    );
    expect(verifyAuditChain(cf).ok).toBe(true);
    cf.db.prepare("UPDATE incidents SET code = 'IMP2' WHERE id = ?").run(id);
    expect(verifyAuditChain(cf)).toMatchObject({ ok: false, rowProblem: { table: 'incidents', key: id }, message: expect.stringMatching(/holds code = "IMP2", where the audit trail \(entry \d+\) recorded "IMP1"/) });
  });
});
