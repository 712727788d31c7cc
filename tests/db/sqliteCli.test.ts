import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { call } from '../../db/handlers';
import { tempDir } from '../helpers/caseFiles';

const hasCli = spawnSync('sqlite3', ['-version']).status === 0;

describe.skipIf(!hasCli)('a case file in the stock sqlite3 shell (skipped: no sqlite3 on PATH)', () => {
  it('opens, passes the integrity check and reads the same incidents', () => {
    const path = join(tempDir(), 'demo.casefile');
    const cf = createDemoCaseFile(path);
    const total = call(cf, 'incidents:list', {}).total;
    expect(call(cf, 'search:query', { query: 'الباغوز' }).results.length).toBeGreaterThan(0);
    closeCaseFile(cf);
    const out = execFileSync('sqlite3', [path, 'PRAGMA integrity_check; SELECT count(*) FROM incidents; SELECT count(*) FROM sqlite_schema;'], {
      encoding: 'utf8',
    });
    const [integrity, incidents] = out.trim().split('\n');
    expect(integrity).toBe('ok');
    expect(Number(incidents)).toBe(total);
  });
});
