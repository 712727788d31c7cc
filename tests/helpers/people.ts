/** A case file with a key store and three profiles (investigator, reviewer, editor) to act as. */
import { call } from '../../db/handlers';
import { fileKeyStore } from '../../db/keyStore';
import { actAs } from '../../db/profiles';
import type { CaseFile } from '../../db/casefile';
import { tempCaseFile, tempDir } from './caseFiles';

export interface Team {
  cf: CaseFile;
  ids: { investigator: string; reviewer: string; editor: string; reviewer2: string };
  /** Act as one of the team from now on. */
  as(who: keyof Team['ids']): CaseFile;
}

export function team(opts: { now?: () => string } = {}): Team {
  const cf = tempCaseFile(opts);
  cf.keyStore = fileKeyStore(tempDir());
  const make = (name: string, role: 'investigator' | 'reviewer' | 'editor') => call(cf, 'profile:create', { name, role }).id;
  const ids = {
    investigator: make('Amira Haddad', 'investigator'),
    reviewer: make('Rami Saleh', 'reviewer'),
    editor: make('Lina Odeh', 'editor'),
    reviewer2: make('Omar Khalil', 'reviewer'),
  };
  return {
    cf,
    ids,
    as(who) {
      actAs(cf, ids[who]);
      return cf;
    },
  };
}
