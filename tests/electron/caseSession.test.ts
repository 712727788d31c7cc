import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeCaseFile, createCaseFile } from '../../db/casefile';
import { dispatch } from '../../db/handlers';
import { createCaseSession, findNativeBinding, MAX_RECENT, nativeBindingPath, type CaseSession } from '../../electron/main/caseSession';
import { tempDir } from '../helpers/caseFiles';

const sessions: CaseSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.close();
});

function session(userDataDir = tempDir()) {
  const showError = vi.fn();
  const s = createCaseSession({ userDataDir, showError, actor: 'tester' });
  sessions.push(s);
  return { s, showError, userDataDir };
}

function caseFileAt(dir: string, name: string): string {
  const path = join(dir, `${name}.casefile`);
  closeCaseFile(createCaseFile(path, { actor: 'tester' }));
  return path;
}

describe('the first start', () => {
  it('creates and opens the demo case in userData', () => {
    const { s, userDataDir, showError } = session();
    expect(s.openInitial()).toBe(true);
    const demo = join(userDataDir, 'demo.casefile');
    expect(existsSync(demo)).toBe(true);
    expect(s.current()?.path).toBe(demo);
    expect(s.caseName()).toMatch(/^Demo case/);
    const list = dispatch(s.current()!, 'incidents:list', {});
    expect(list.ok && (list.value as { total: number }).total).toBeGreaterThan(0);
    expect(s.recent()).toEqual([demo]);
    expect(JSON.parse(readFileSync(join(userDataDir, 'recent.json'), 'utf8'))).toEqual({ recent: [demo] });
    expect(showError).not.toHaveBeenCalled();
  });

  it('reopens the most recent case file on the next start', () => {
    const { s, userDataDir } = session();
    s.openInitial();
    const other = caseFileAt(tempDir(), 'other');
    expect(s.open(other)).toBe(true);
    s.close();
    const next = session(userDataDir).s;
    expect(next.openInitial()).toBe(true);
    expect(next.current()?.path).toBe(other);
  });

  it('falls back to the demo case when the last case file can no longer be opened', () => {
    const { s, userDataDir, showError } = session();
    const broken = join(tempDir(), 'broken.casefile');
    writeFileSync(join(userDataDir, 'recent.json'), JSON.stringify({ recent: [broken] }));
    writeFileSync(broken, 'not a database at all, just some text that is long enough to look like one');
    expect(s.openInitial()).toBe(true);
    expect(s.current()?.path).toBe(join(userDataDir, 'demo.casefile'));
    expect(showError).toHaveBeenCalledTimes(1);
  });
});

describe('switching case files', () => {
  it('opens the new one and closes the previous one', () => {
    const { s } = session();
    const dir = tempDir();
    s.open(caseFileAt(dir, 'a'));
    const first = s.current()!;
    expect(s.open(caseFileAt(dir, 'b'))).toBe(true);
    expect(s.current()?.path).toBe(join(dir, 'b.casefile'));
    expect(first.db.open).toBe(false);
  });

  it('shows why a file is not a case file and keeps the current one open', () => {
    const { s, showError } = session();
    const dir = tempDir();
    s.open(caseFileAt(dir, 'a'));
    const notes = join(dir, 'notes.casefile');
    writeFileSync(notes, 'these are my notes, not a database');
    expect(s.open(notes)).toBe(false);
    expect(showError).toHaveBeenCalledWith('Could not open the case file', expect.stringContaining('is not a Casefile case file'));
    expect(s.current()?.path).toBe(join(dir, 'a.casefile'));
    expect(s.current()?.db.open).toBe(true);
  });

  it('says so when the file is missing', () => {
    const { s, showError } = session();
    expect(s.open(join(tempDir(), 'gone.casefile'))).toBe(false);
    expect(showError).toHaveBeenCalledWith('Could not open the case file', expect.stringContaining('No case file at'));
    expect(s.current()).toBeNull();
  });

  it('creates a new empty case file and switches to it, refusing to overwrite one', () => {
    const { s, showError } = session();
    const path = join(tempDir(), 'new.casefile');
    expect(s.create(path)).toBe(true);
    expect(s.caseName()).toBe('new');
    expect(s.recent()[0]).toBe(path);
    s.close();
    expect(s.create(path)).toBe(false);
    expect(showError).toHaveBeenCalledWith('Could not create the case file', expect.stringContaining('already exists'));
  });
});

describe('the recent list', () => {
  it('keeps the last ten, most recent first, and drops files that are gone', () => {
    const { s } = session();
    const dir = tempDir();
    const paths = Array.from({ length: 12 }, (_, i) => caseFileAt(dir, `case-${i}`));
    for (const p of paths) s.open(p);
    s.open(paths[3]!); // reopened: moves to the front, not listed twice
    expect(s.recent()).toHaveLength(MAX_RECENT);
    expect(s.recent()[0]).toBe(paths[3]);
    expect(s.recent()[1]).toBe(paths[11]);
    expect(new Set(s.recent()).size).toBe(MAX_RECENT);
    rmSync(paths[11]!);
    expect(s.recent()).not.toContain(paths[11]);
    s.clearRecent();
    expect(s.recent()).toEqual([]);
  });

  it('survives a damaged recent.json', () => {
    const { s, userDataDir } = session();
    writeFileSync(join(userDataDir, 'recent.json'), '{ not json');
    expect(s.recent()).toEqual([]);
    expect(s.openInitial()).toBe(true);
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('is used only when dist/native holds it', () => {
    const expected = nativeBindingPath('/app/dist');
    expect(expected).toBe(join('/app/dist', 'native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(findNativeBinding('/app/dist', (p) => p === expected)).toBe(expected);
    expect(findNativeBinding('/app/dist', () => false)).toBeUndefined();
  });
});
