/**
 * The global `--as NAME`: a command acts as (and signs as) a person of the case file whose key
 * is in this user's key store; anyone else is refused with a message that says why.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetKeyStore, setActingAs, takeAsOption } from '../../cli/identity';
import { runCli as run } from '../helpers/cli';
import { withCaseFile } from '../../cli/open';
import { call } from '../../db/handlers';
import { tempDir } from '../helpers/caseFiles';

const home = process.env.CASEFILE_HOME;
afterEach(() => {
  process.env.CASEFILE_HOME = home;
  resetKeyStore();
  setActingAs(null);
});

async function demo(): Promise<string> {
  const file = join(tempDir(), 'demo.casefile');
  expect((await run('init', file, '--demo')).code).toBe(0);
  return file;
}

describe('casefile --as NAME', () => {
  it('is taken out of the arguments wherever it stands, once', () => {
    expect(takeAsOption(['--as', 'Amira', 'stats', 'f', '--json'])).toEqual({ argv: ['stats', 'f', '--json'], as: 'Amira' });
    expect(takeAsOption(['serve', 'f', '--as=Rami Saleh'])).toEqual({ argv: ['serve', 'f'], as: 'Rami Saleh' });
    expect(takeAsOption(['stats', 'f'])).toEqual({ argv: ['stats', 'f'], as: null });
    expect(takeAsOption(['x', '--', '--as', 'y'])).toEqual({ argv: ['x', '--', '--as', 'y'], as: null });
    expect(() => takeAsOption(['--as', 'A', '--as', 'B'])).toThrow(/given twice/);
  });

  it('acts as the named person: their changes are signed by them', async () => {
    const file = await demo();
    const r = await run('verify', file, '--as', 'demo REVIEWER');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^All \d+ audit entries verify: 0 signed/);

    // The same resolution any writing command goes through (cli/open.ts).
    const [code, signer] = withCaseFile(file, (cf) => {
      const inc = call(cf, 'incidents:list', { filter: { codePrefix: 'DEMO-IQ-001' } }).rows[0]!;
      call(cf, 'workflow:reopen', { id: inc.id, reason: 'New sources found.' });
      const last = cf.db.prepare('SELECT a.actor, p.name FROM audit_log a JOIN people p ON p.id = a.signer_id ORDER BY a.seq DESC LIMIT 1').get() as { actor: string; name: string };
      return [inc.code, last];
    });
    expect(code).toBe('DEMO-IQ-001');
    expect(signer).toEqual({ actor: 'Demo reviewer', name: 'Demo reviewer' });
    const after = await run('verify', file);
    expect(after.out).toMatch(/\d+ signed by 1 person/);
  });

  it('refuses a name that is not a person of the case file, listing who is', async () => {
    const file = await demo();
    const r = await run('stats', file, '--json', '--as', 'Nobody');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('casefile stats: --as Nobody: no person of that name in this case file. People in it: Demo editor, Demo investigator, Demo reviewer.');
  });

  it('refuses a person whose key is not in this user’s key store', async () => {
    const file = await demo();
    process.env.CASEFILE_HOME = tempDir(); // another user, another key store
    resetKeyStore();
    const r = await run('--as', 'Demo editor', 'verify', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^casefile verify: --as Demo editor: you hold no signing key for Demo editor in your key store \(.+\); only the person who created that profile can act as them\.$/);
  });

  it('says how to use it when the name is missing', async () => {
    const r = await run('stats', 'x.casefile', '--as');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--as needs the name of a person in the case file/);
  });

  it('works in the real command, from the checkout', async () => {
    const file = await demo();
    const bin = join(__dirname, '../../cli/bin/casefile.mjs');
    const r = spawnSync(process.execPath, [bin, 'verify', file, '--as', 'Nobody'], { encoding: 'utf8', env: process.env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--as Nobody: no person of that name/);
  });
});
