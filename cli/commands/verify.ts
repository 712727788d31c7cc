import { closeSync, openSync, readSync } from 'node:fs';
import { formatVerifyReport, verifyBundleFile } from '../../db/bundle/verify';
import { looksLikeZip } from '../../db/bundle/zip';
import { call } from '../../db/handlers';
import { parse, positional, type Command } from '../args';
import { withCaseFile } from '../open';

const usage = `Usage: casefile verify FILE
       casefile verify BUNDLE.zip [--key FINGERPRINT]

A case file: check its audit trail: every entry's hash and its link to the one before, the
signature of every entry written by a profile (against the public key the trail recorded for
that person; entries written without a profile are counted as unsigned, not broken), and that
the case data is what the trail says it is (a row edited behind the app's back is named).
Exits 0 when all of it holds, 1 naming the first broken entry or row otherwise.

A bundle (a .zip, or any file that starts like one): refuse it if any entry is unsafe (absolute
or ".." paths, links, encryption, a zip bomb), then check every file's SHA-256 and size against
the manifest, name each missing, extra or altered file, and check the manifest's signature.
  --key FINGERPRINT     also require the signer's key to have this fingerprint
Exits 0 when valid and signed, 1 when anything fails, 3 when intact but unsigned.`;

function isZip(path: string): boolean {
  if (/\.zip$/i.test(path)) return true;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && looksLikeZip(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a case file's audit trail, or a bundle's files and signature",
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { key: { type: 'string' } }, usage);
    if (values.help) return io.out(usage), 0;
    const [file] = positional(positionals, 1, usage);
    if (isZip(file!)) {
      const report = verifyBundleFile(file!, values.key !== undefined ? { expectKey: values.key } : {});
      (report.status === 'invalid' ? io.err : io.out)(formatVerifyReport(file!, report));
      return report.status === 'valid' ? 0 : report.status === 'unsigned' ? 3 : 1;
    }
    const result = withCaseFile(file!, (cf) => call(cf, 'audit:verify', {}));
    (result.ok ? io.out : io.err)(result.message);
    return result.ok ? 0 : 1;
  },
};
