/**
 * Local profiles and the key store: a person's private key stays in this user's key store
 * (readable by them only), never in the case file; switching needs the key; the app reopens
 * as the last profile used in that case file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { call, dispatch } from '../../db/handlers';
import { fileKeyStore } from '../../db/keyStore';
import { restoreProfile } from '../../db/profiles';
import { snapshot, tempCaseFile, tempDir } from '../helpers/caseFiles';

describe('profiles', () => {
  it('asks for a profile first: none is current until one is created', () => {
    const cf = tempCaseFile();
    const home = tempDir();
    cf.keyStore = fileKeyStore(home);
    expect(call(cf, 'profile:current', {})).toEqual({ profile: null, actor: 'tester', keyStore: home });

    const me = call(cf, 'profile:create', { name: '  Amira Haddad ', role: 'investigator' });
    expect(me).toMatchObject({ name: 'Amira Haddad', role: 'investigator', hasKey: true, current: true });
    expect(me.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    expect(call(cf, 'profile:current', {})).toMatchObject({ profile: { id: me.id }, actor: 'Amira Haddad' });
    // The person's first entry, their own creation, is signed by them.
    const first = cf.db.prepare("SELECT actor, signer_id FROM audit_log WHERE entity = 'people'").get();
    expect(first).toEqual({ actor: 'Amira Haddad', signer_id: me.id });
  });

  it('keeps the private key in the key store, readable by this user only, and never in the case file', () => {
    const cf = tempCaseFile();
    const home = tempDir();
    cf.keyStore = fileKeyStore(home);
    const me = call(cf, 'profile:create', { name: 'Rami', role: 'reviewer' });
    const file = join(home, 'profiles', `${me.id}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'profiles')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8')).privateKey).toMatch(/BEGIN PRIVATE KEY/);

    cf.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(cf.path).toString('latin1');
    expect(bytes).toContain('BEGIN PUBLIC KEY');
    expect(bytes).not.toContain('PRIVATE KEY');
  });

  it('refuses a name already taken (in any case) and a switch to someone whose key this user lacks', () => {
    const cf = tempCaseFile();
    cf.keyStore = fileKeyStore(tempDir());
    const rami = call(cf, 'profile:create', { name: 'Rami', role: 'reviewer' });
    const before = snapshot(cf);
    expect(dispatch(cf, 'profile:create', { name: 'RAMI', role: 'editor' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Rami is already a person in this case file; choose another name.' },
    });

    // Another user's key store does not hold Rami's key.
    cf.keyStore = fileKeyStore(tempDir());
    const r = dispatch(cf, 'profile:switch', { id: rami.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!r.ok) expect(r.error.message).toBe('You cannot act as Rami: their private key is not in your key store on this computer. Create your own profile instead.');
    expect(call(cf, 'profile:list', {}).people).toEqual([expect.objectContaining({ name: 'Rami', hasKey: false })]);
    expect(snapshot(cf)).toEqual(before);
  });

  it('switches between profiles, and reopens as the last one used in this case file', () => {
    const home = tempDir();
    const cf = tempCaseFile();
    cf.keyStore = fileKeyStore(home);
    const a = call(cf, 'profile:create', { name: 'Amira', role: 'investigator' });
    const b = call(cf, 'profile:create', { name: 'Rami', role: 'reviewer' });
    expect(call(cf, 'profile:switch', { id: a.id })).toMatchObject({ name: 'Amira', current: true });
    expect(call(cf, 'profile:list', {}).people.map((p) => [p.name, p.current, p.hasKey])).toEqual([
      ['Amira', true, true],
      ['Rami', false, true],
    ]);
    call(cf, 'profile:switch', { id: b.id });
    closeCaseFile(cf);

    const again = openCaseFile(cf.path, { keyStore: fileKeyStore(home) });
    expect(again.profile ?? null).toBeNull();
    expect(restoreProfile(again)).toMatchObject({ name: 'Rami' });
    expect(again.actor).toBe('Rami');
    closeCaseFile(again);
  });

  it('gives the demo people keys in the key store, and opens the demo as its investigator', () => {
    const home = tempDir();
    const cf = createDemoCaseFile(join(tempDir(), 'demo.casefile'), { keyStore: fileKeyStore(home) });
    expect(cf.profile).toMatchObject({ name: 'Demo investigator', role: 'investigator' });
    expect(call(cf, 'profile:list', {}).people.map((p) => [p.name, p.role, p.hasKey])).toEqual([
      ['Demo editor', 'editor', true],
      ['Demo investigator', 'investigator', true],
      ['Demo reviewer', 'reviewer', true],
    ]);
    expect(readdirSync(join(home, 'profiles'))).toHaveLength(3);
    // The demo's records were written before anyone acted: unsigned, and the trail verifies.
    expect(call(cf, 'audit:verify', {})).toMatchObject({ ok: true, signed: 0 });
    closeCaseFile(cf);
  });
});
