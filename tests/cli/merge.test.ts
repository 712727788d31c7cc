/** `casefile merge` (issue 8): non-interactive merging, and stats of an internal bundle merged into an empty case file. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, withCaseFile as withFile } from '../helpers/cli';
import { change } from '../../db/audit';
import { writeTestBundle } from '../helpers/bundles';
import { snapshot, tempDir } from '../helpers/caseFiles';

const setSummary = (path: string, summary: string) =>
  withFile(path, (cf) => {
    const id = (cf.db.prepare('SELECT id FROM incidents ORDER BY code LIMIT 1').get() as { id: string }).id;
    change(cf, 'test edit', (w) => w.update('incidents', { id }, { summary }));
  });

describe('casefile merge', () => {
  it('lists conflicts and writes nothing without --take; --take theirs applies; a second run changes nothing', async () => {
    const dir = tempDir();
    const office = join(dir, 'office.casefile');
    const field = join(dir, 'field.casefile');
    expect((await run('init', office, '--demo')).code).toBe(0);
    copyFileSync(office, field);
    setSummary(office, 'Office wording');
    setSummary(field, 'Field wording');
    const bundle = join(dir, 'field.zip');
    withFile(field, (cf) => writeTestBundle(cf, bundle));

    const before = withFile(office, snapshot);
    const planned = await run('merge', office, bundle, '--plan');
    expect(planned.code).toBe(0);
    expect(planned.out).toMatch(/conflicts 1/);
    expect(planned.out).toMatch(/CONFLICT incident DEMO\S*, summary: mine "Office wording", theirs "Field wording"/);
    const refused = await run('merge', office, bundle);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/1 conflict\(s\): nothing was merged/);
    expect(withFile(office, snapshot)).toEqual(before);

    const taken = await run('merge', office, bundle, '--take', 'theirs');
    expect(taken.code).toBe(0);
    expect(taken.out).toMatch(/Merged: 0 added, 1 updated, 0 deleted \(1 audit entries/);
    expect(withFile(office, (cf) => cf.db.prepare('SELECT summary FROM incidents ORDER BY code LIMIT 1').get())).toEqual({ summary: 'Field wording' });
    const again = await run('merge', office, bundle);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Nothing to change/);
  });

  it('an internal bundle merged into an empty case file gives the same `casefile stats --json`', async () => {
    const dir = tempDir();
    const demo = join(dir, 'demo.casefile');
    const empty = join(dir, 'empty.casefile');
    await run('init', demo, '--demo');
    await run('init', empty);
    const bundle = join(dir, 'demo.zip');
    withFile(demo, (cf) => writeTestBundle(cf, bundle));
    expect((await run('merge', empty, bundle)).code).toBe(0);
    const a = await run('stats', demo, '--json');
    const b = await run('stats', empty, '--json');
    expect(JSON.parse(b.out).incidents).toBeGreaterThan(0);
    expect(b.out).toBe(a.out);
  });

  it('says what is wrong with a bundle that cannot be read', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.casefile');
    await run('init', file);
    const r = await run('merge', file, join(dir, 'missing.zip'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read the bundle .*missing\.zip/);
  });
});
