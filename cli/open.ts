import { resolve } from 'node:path';
import { closeCaseFile, openCaseFile, type CaseFile } from '../db/casefile';
import { actAsName, restoreProfile } from '../db/profiles';
import { getActingAs, userKeyStore } from './identity';

/**
 * Open a case file for a command, acting as the `--as` profile when one was given. With
 * `restore`, and no --as, act as whoever this user last acted as in it (serve does this).
 */
export function openForCommand(file: string, opts: { restore?: boolean } = {}): CaseFile {
  const cf = openCaseFile(resolve(file), { keyStore: userKeyStore() });
  try {
    const as = getActingAs();
    if (as !== null) actAsName(cf, as);
    else if (opts.restore) restoreProfile(cf);
    return cf;
  } catch (e) {
    closeCaseFile(cf);
    throw e;
  }
}

/** Open a case file for one command and always close it. */
export function withCaseFile<T>(file: string, fn: (cf: CaseFile) => T): T {
  const cf = openForCommand(file);
  try {
    return fn(cf);
  } finally {
    closeCaseFile(cf);
  }
}
