import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { tempDir } from '../helpers/caseFiles';

const LOG = 'Day,Location,Grid,Objective,Description\n2016-08-03,near Al Qaim,37SGT1234567890,checkpoint,Struck a checkpoint\n2016-13-01,near Al Qaim,,bridge,Struck a bridge\n';

describe('casefile import strikes', () => {
  it('reports a bad line by line and column and saves nothing; saves the good lines when told to', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.casefile');
    const log = join(dir, 'log.csv');
    writeFileSync(log, LOG);
    expect((await run('init', file)).code).toBe(0);
    const first = await run('import', 'strikes', file, log, '--belligerent', 'U.S.-led Coalition', '--map', 'target=Objective');
    expect(first.code).toBe(1);
    expect(first.out).toContain('line 3, Day: "2016-13-01" is not a real date');
    expect(first.out).toContain('Nothing was saved');
    const second = await run('import', 'strikes', file, log, '--belligerent', 'U.S.-led Coalition', '--map', 'target=Objective', '--skip-bad-lines');
    expect(second.code).toBe(0);
    expect(second.out).toContain('1 strike reports saved');
    const cf = openCaseFile(file);
    const { rows } = call(cf, 'strikes:list', {});
    closeCaseFile(cf);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2016-08-03', belligerent: 'U.S.-led Coalition', target: 'checkpoint', mgrs: '37SGT1234567890' });
  });

  it('refuses a --map with an unknown field', async () => {
    const r = await run('import', 'strikes', 'a.casefile', 'b.csv', '--map', 'colour=Red');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--map takes FIELD=COLUMN/);
  });
});
