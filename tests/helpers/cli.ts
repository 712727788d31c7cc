/** Run the `casefile` command in-process, and open a case file for the length of a callback. */
import { main } from '../../cli/main';
import { closeCaseFile, openCaseFile, type CaseFile } from '../../db/casefile';

/** `casefile ARGV…` with its output and errors captured: { code, out, err }. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Open `path` as `actor`, run `fn`, and close the file whatever happens. */
export function withCaseFile<T>(path: string, fn: (cf: CaseFile) => T, actor = 'test'): T {
  const cf = openCaseFile(path, { actor });
  try {
    return fn(cf);
  } finally {
    closeCaseFile(cf);
  }
}
