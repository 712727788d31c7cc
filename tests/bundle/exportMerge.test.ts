/**
 * The real exporter and merge together (issue 8): an internal bundle written by
 * `casefile export bundle` carries version lineages, so a colleague's copy takes its one-sided
 * edits cleanly, sees a both-sides edit as a conflict, and a second merge changes nothing.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, withCaseFile as withFile } from '../helpers/cli';
import { change } from '../../db/audit';
import { tempDir } from '../helpers/caseFiles';

const summaries = (path: string) =>
  withFile(path, (cf) => cf.db.prepare('SELECT code, summary FROM incidents ORDER BY code').all() as { code: string; summary: string | null }[]);

function setSummary(path: string, nth: number, summary: string) {
  withFile(path, (cf) => {
    const { id } = cf.db.prepare('SELECT id FROM incidents ORDER BY code LIMIT 1 OFFSET ?').get(nth) as { id: string };
    change(cf, 'test edit', (w) => w.update('incidents', { id }, { summary }));
  });
}

describe('an internal bundle from the real exporter, merged into a colleague\'s copy', () => {
  it('takes one-sided edits, reports both-sides edits as conflicts, and merges once', async () => {
    const dir = tempDir();
    process.env.CASEFILE_HOME = join(dir, 'home');
    const office = join(dir, 'office.casefile');
    const field = join(dir, 'field.casefile');
    expect((await run('init', office, '--demo')).code).toBe(0);
    copyFileSync(office, field);
    setSummary(field, 0, 'Field: first incident reworded');
    setSummary(field, 1, 'Field: second incident reworded');
    setSummary(office, 1, 'Office: second incident reworded');
    setSummary(office, 2, 'Office: third incident reworded');

    const bundle = join(dir, 'field.zip');
    const exported = await run('export', 'bundle', field, bundle, '--profile', 'internal');
    expect(exported.code, exported.err).toBe(0);

    const plan = await run('merge', office, bundle, '--plan');
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toMatch(/conflicts 1/);

    const merged = await run('merge', office, bundle, '--take', 'theirs');
    expect(merged.code, merged.err).toBe(0);
    const after = summaries(office);
    const fieldNow = summaries(field);
    expect(after[0]!.summary).toBe('Field: first incident reworded');
    expect(after[1]!.summary).toBe('Field: second incident reworded');
    // Changed on the office side only: kept, not overwritten by the bundle's older version.
    expect(after[2]!.summary).toBe('Office: third incident reworded');
    expect(fieldNow[2]!.summary).not.toBe('Office: third incident reworded');

    const again = await run('merge', office, bundle);
    expect(again.code, again.err).toBe(0);
    expect(summaries(office)).toEqual(after);
  });
});

describe('an internal bundle from the real exporter, merged into an empty case file', () => {
  it('gives the same `casefile stats --json` as its source', async () => {
    const dir = tempDir();
    process.env.CASEFILE_HOME = join(dir, 'home');
    const source = join(dir, 'source.casefile');
    const empty = join(dir, 'empty.casefile');
    expect((await run('init', source, '--demo')).code).toBe(0);
    expect((await run('init', empty)).code).toBe(0);
    const bundle = join(dir, 'all.zip');
    const exported = await run('export', 'bundle', source, bundle, '--profile', 'internal');
    expect(exported.code, exported.err).toBe(0);

    const merged = await run('merge', empty, bundle);
    expect(merged.code, merged.err).toBe(0);
    const stats = async (file: string) => {
      const r = await run('stats', file, '--json');
      expect(r.code, r.err).toBe(0);
      return r.out;
    };
    const want = await stats(source);
    expect(JSON.parse(want).incidents).toBeGreaterThan(0);
    expect(await stats(empty)).toBe(want);
  });
});
