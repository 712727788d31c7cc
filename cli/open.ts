import { resolve } from 'node:path';
import { closeCaseFile, openCaseFile, type CaseFile } from '../db/casefile';

/** Open a case file for one command and always close it. */
export function withCaseFile<T>(file: string, fn: (cf: CaseFile) => T): T {
  const cf = openCaseFile(resolve(file));
  try {
    return fn(cf);
  } finally {
    closeCaseFile(cf);
  }
}
