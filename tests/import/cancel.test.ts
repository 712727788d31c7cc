/**
 * A cancelled or failed import leaves the case file exactly as it was: same rows, same audit
 * head, same bytes on disk. Progress moves from 0 to 1 through the phases.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, createCaseFile, openCaseFile } from '../../db/casefile';
import { importAirwars } from '../../db/import/airwars/index';
import { ImportCancelled, sharedCancel, signalOf } from '../../db/import/run';
import type { ImportProgress } from '../../shared/importSchemas';
import { snapshot, tempDir } from '../helpers/caseFiles';
import { syntheticArchive } from './helpers';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function prepared() {
  const dir = tempDir();
  const file = join(dir, 'case.casefile');
  const cf = createCaseFile(file, { actor: 'tester' });
  importAirwars(cf, syntheticArchive(join(dir, 'small'), 5));
  closeCaseFile(cf); // checkpoints: the file on disk is the whole case file
  closeCaseFile(openCaseFile(file)); // opening may refresh the query planner's statistics once
  return { file, archive: syntheticArchive(join(dir, 'big'), 450), before: sha(file) };
}

describe('cancelling an import', () => {
  it('reports progress through the phases, from 0 to 1', () => {
    const { file, archive } = prepared();
    const cf = openCaseFile(file);
    const seen: ImportProgress[] = [];
    importAirwars(cf, archive, { onProgress: (p) => seen.push(p) });
    closeCaseFile(cf);
    expect(seen[0]).toMatchObject({ phase: 'read', fraction: 0 });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['read', 'check', 'write', 'done']));
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen.filter((p) => p.phase === 'write').length).toBeGreaterThan(1);
  });

  for (const when of ['read', 'write'] as const) {
    it(`aborted during ${when}, leaves the case file row for row and byte for byte as before`, () => {
      const { file, archive, before } = prepared();
      const cf = openCaseFile(file);
      const rows = snapshot(cf);
      const abort = new AbortController();
      const phases: string[] = [];
      expect(() =>
        importAirwars(cf, archive, {
          signal: abort.signal,
          onProgress: (p) => {
            phases.push(p.phase);
            if (p.phase === when) abort.abort();
          },
        }),
      ).toThrow(ImportCancelled);
      expect(phases.at(-1)).toBe(when);
      expect(snapshot(cf)).toEqual(rows);
      closeCaseFile(cf);
      expect(sha(file)).toBe(before);
    });
  }

  it('can be cancelled through a flag shared with another thread', () => {
    const { file, archive, before } = prepared();
    const cf = openCaseFile(file);
    const { buffer, cancel } = sharedCancel();
    expect(() => importAirwars(cf, archive, { signal: signalOf(buffer), onProgress: (p) => p.phase === 'write' && cancel() })).toThrow(ImportCancelled);
    closeCaseFile(cf);
    expect(sha(file)).toBe(before);
  });

  it('that fails half way through writing leaves the case file as before', () => {
    const { file, archive, before } = prepared();
    const cf = openCaseFile(file);
    const rows = snapshot(cf);
    let writes = 0;
    expect(() =>
      importAirwars(cf, archive, {
        onProgress: (p) => {
          if (p.phase === 'write' && ++writes === 2) throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(snapshot(cf)).toEqual(rows);
    closeCaseFile(cf);
    expect(sha(file)).toBe(before);
  });
});
