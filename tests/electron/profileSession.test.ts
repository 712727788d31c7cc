/**
 * The desktop session and profiles: keys live in the app's userData folder; the demo opens as
 * its investigator; a case file this user has no profile in opens with none (the app then asks),
 * and switching in one session changes who signs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeCaseFile, createCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { createCaseSession, type CaseSession } from '../../electron/main/caseSession';
import { tempDir } from '../helpers/caseFiles';

const sessions: CaseSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.close();
});

function session(userDataDir = tempDir()) {
  const s = createCaseSession({ userDataDir, showError: vi.fn(), actor: 'tester' });
  sessions.push(s);
  return s;
}

describe('profiles in the desktop session', () => {
  it('keeps the demo people’s keys in userData and opens the demo as its investigator', () => {
    const userData = tempDir();
    const s = session(userData);
    s.openInitial();
    expect(call(s.current()!, 'profile:current', {})).toMatchObject({ profile: { name: 'Demo investigator' }, keyStore: userData });
    expect(readdirSync(join(userData, 'profiles'))).toHaveLength(3);
  });

  it('opens a case file without a profile for this user, then remembers the one set up', () => {
    const userData = tempDir();
    const path = join(tempDir(), 'team.casefile');
    closeCaseFile(createCaseFile(path, { actor: 'tester' }));
    const s = session(userData);
    expect(s.open(path)).toBe(true);
    expect(call(s.current()!, 'profile:current', {}).profile).toBeNull();
    const me = call(s.current()!, 'profile:create', { name: 'Amira', role: 'editor' });
    s.close();

    const again = session(userData);
    again.open(path);
    expect(call(again.current()!, 'profile:current', {}).profile).toMatchObject({ id: me.id, name: 'Amira' });
    expect(existsSync(join(userData, 'profiles', `${me.id}.json`))).toBe(true);
  });
});
