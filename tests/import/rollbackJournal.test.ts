/**
 * A load into a case file without incidents runs with a rollback journal when no other connection
 * has the file open (db/import/bulkLoad.ts `rollbackJournal`), and the file goes back to WAL.
 * What a user would notice if that went wrong: an import that waits on the app's own connection,
 * a case file left in the wrong mode, or a crash half way through that leaves part of an import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { closeCaseFile, createCaseFile, openCaseFile } from '../../db/casefile';
import { importAirwars } from '../../db/import/airwars/index';
import { ImportCancelled } from '../../db/import/run';
import { snapshot, tempDir } from '../helpers/caseFiles';
import { repoRoot, syntheticArchive } from './helpers';

const mode = (db: { pragma: (s: string, o: { simple: true }) => unknown }) => String(db.pragma('journal_mode', { simple: true }));

function fresh() {
  const dir = tempDir();
  const file = join(dir, 'case.casefile');
  return { dir, file, cf: createCaseFile(file, { actor: 'tester' }) };
}

/** Import `archive`, noting the journal mode while rows are being written. */
function importNoting(cf: ReturnType<typeof fresh>['cf'], archive: string, signalAt?: number) {
  const seen = new Set<string>();
  const abort = new AbortController();
  const report = importAirwars(cf, archive, {
    signal: abort.signal,
    onProgress: (p) => {
      if (p.phase !== 'write') return;
      seen.add(mode(cf.db));
      if (signalAt !== undefined && p.fraction >= signalAt) abort.abort();
    },
  });
  return { report, seen: [...seen] };
}

describe('loading into a case file without incidents', () => {
  it('uses a rollback journal when it has the case file to itself, then puts WAL back', () => {
    const { dir, file, cf } = fresh();
    const { report, seen } = importNoting(cf, syntheticArchive(join(dir, 'a'), 30));
    expect(seen).toEqual(['delete']);
    expect(report.createdCodes).toHaveLength(30);
    expect(mode(cf.db)).toBe('wal');
    expect(cf.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(cf.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(existsSync(`${file}-journal`)).toBe(false);
    closeCaseFile(cf);
    const again = openCaseFile(file);
    expect(mode(again.db)).toBe('wal');
    expect(verifyAuditChain(again).ok).toBe(true);
    expect((again.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n).toBe(30);
    closeCaseFile(again);
  });

  it('stays in WAL, without waiting, while another connection (the app window) has the file open', () => {
    const { dir, file, cf } = fresh();
    const window = openCaseFile(file);
    window.db.prepare('SELECT count(*) FROM incidents').get();
    const { report, seen } = importNoting(cf, syntheticArchive(join(dir, 'a'), 30));
    expect(seen).toEqual(['wal']);
    expect(report.createdCodes).toHaveLength(30);
    expect(cf.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // The other connection reads the import as soon as it is committed.
    expect((window.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n).toBe(30);
    closeCaseFile(window);
    closeCaseFile(cf);
  });

  it('cancelled half way in rollback mode, leaves the case file as before, and in WAL', () => {
    const { dir, file, cf } = fresh();
    const before = snapshot(cf);
    expect(() => importNoting(cf, syntheticArchive(join(dir, 'a'), 600), 0.5)).toThrow(ImportCancelled);
    expect(snapshot(cf)).toEqual(before);
    expect(mode(cf.db)).toBe('wal');
    expect(existsSync(`${file}-journal`)).toBe(false);
    // And the case file takes the import afterwards.
    expect(importNoting(cf, syntheticArchive(join(dir, 'b'), 5)).report.createdCodes).toHaveLength(5);
    closeCaseFile(cf);
  });

  it('killed half way (a crash), is rolled back from its journal when next opened', () => {
    const { dir, file, cf } = fresh();
    const before = snapshot(cf);
    closeCaseFile(cf);
    const archive = syntheticArchive(join(dir, 'a'), 1200);
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/import/children/killedImport.ts'), file, archive], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const state = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { journalMode: string; journal: boolean; wal: boolean };
    // It died in rollback mode with changed pages already in the file: a hot journal beside it.
    expect(state).toEqual({ journalMode: 'delete', journal: true, wal: false });
    expect(existsSync(`${file}-journal`)).toBe(true);
    const after = openCaseFile(file);
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(mode(after.db)).toBe('wal');
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(after)).toEqual(before);
    expect(verifyAuditChain(after).ok).toBe(true);
    closeCaseFile(after);
  });
});
