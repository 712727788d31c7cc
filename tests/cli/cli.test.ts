import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { COMMANDS } from '../../cli/main';
import { runCli as run } from '../helpers/cli';
import { statsSchema } from '../../shared/schemas';
import { tempDir } from '../helpers/caseFiles';

describe('casefile command', () => {
  it('init --demo creates the demo case, and stats --json prints exactly the contract shape', async () => {
    const file = join(tempDir(), 'demo.casefile');
    const init = await run('init', file, '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/with the demo case \(\d+ incidents\)/);

    const stats = await run('stats', file, '--json');
    expect(stats.code).toBe(0);
    const printed = JSON.parse(stats.out);
    expect(Object.keys(printed)).toEqual(['incidents', 'grades', 'headline', 'conceded', 'namedPeople']);
    expect(statsSchema.strict().parse(printed)).toBeTruthy();
    const cf = openCaseFile(file);
    expect(printed).toEqual(call(cf, 'stats:get', {}));
    const baghuz = call(cf, 'incidents:list', { filter: { codePrefix: 'DEMO' }, limit: 100 }).rows.find((r) => r.placeEn?.includes('Baghuz'));
    expect(baghuz).toBeDefined();
    closeCaseFile(cf);
    expect(printed.incidents).toBeGreaterThanOrEqual(6);
    expect(printed.headline.incidents).toBe(printed.grades.confirmed.incidents + printed.grades.fair.incidents);
  });

  it('stats applies every filter', async () => {
    const file = join(tempDir(), 'demo.casefile');
    await run('init', file, '--demo');
    const get = async (...f: string[]) => JSON.parse((await run('stats', file, '--json', ...f)).out).incidents as number;
    const all = await get();
    const iraq = await get('--country', 'Iraq');
    const syria = await get('--country', 'Syria');
    expect(iraq).toBeGreaterThan(0);
    expect(iraq + syria).toBe(all);
    expect(await get('--code-prefix', 'DEMO-IQ')).toBe(iraq);
    expect(await get('--from', '2017-01-01', '--to', '2017-12-31')).toBeLessThan(all);
    expect(await get('--belligerent', 'no such army')).toBe(0);
  });

  it('sends errors to stderr with a non-zero exit', async () => {
    const dir = tempDir();
    const missing = await run('stats', join(dir, 'nope.casefile'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No case file at/);
    expect(missing.out).toBe('');

    const badDate = await run('init', join(dir, 'a.casefile'));
    expect(badDate.code).toBe(0);
    const r = await run('stats', join(dir, 'a.casefile'), '--json', '--from', '2017-13-01');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/filter\.from: Use a real date written YYYY-MM-DD/);

    expect((await run('stats')).code).toBe(2);
    expect((await run('stats', 'x', '--bogus')).err).toMatch(/Unknown option '--bogus'/);
    expect((await run('frobnicate')).err).toMatch(/unknown command "frobnicate"/);
    expect((await run('init', join(dir, 'a.casefile'))).err).toMatch(/already exists/);
  });

  it('has --help on every command', async () => {
    for (const c of COMMANDS) {
      const r = await run(c.name, '--help');
      expect(r.code, c.name).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: casefile ${c.name}`));
    }
    expect((await run('--help')).out).toMatch(/Commands:/);
  });

  it('verify reports an intact chain, then the first tampered entry', async () => {
    const file = join(tempDir(), 'demo.casefile');
    await run('init', file, '--demo');
    const ok = await run('verify', file);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/All \d+ audit entries verify/);
    const cf = openCaseFile(file);
    cf.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3").run();
    closeCaseFile(cf);
    const bad = await run('verify', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Audit entry 3 .* altered/);
  });

  it('runs from the checkout as a real process (bin script)', () => {
    const bin = join(__dirname, '../../cli/bin/casefile.mjs');
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/Usage: casefile COMMAND/);
    const r = spawnSync(process.execPath, [bin, 'stats', '/nonexistent/x.casefile', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No case file at/);
  });
});
