import { call } from '../../db/handlers';
import { parse, positional, type Command } from '../args';
import { withCaseFile } from '../open';

const usage = `Usage: casefile verify FILE

Check the case file's audit trail: every entry's hash and its link to the one before, the
signature of every entry written by a profile (against the public key the trail recorded for
that person; entries written without a profile are counted as unsigned, not broken), and that
the case data is what the trail says it is (a row edited behind the app's back is named).
Exits 0 when all of it holds, 1 naming the first broken entry or row otherwise.`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a case file's hash-chained audit trail",
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {}, usage);
    if (values.help) return io.out(usage), 0;
    const [file] = positional(positionals, 1, usage);
    const result = withCaseFile(file!, (cf) => call(cf, 'audit:verify', {}));
    (result.ok ? io.out : io.err)(result.message);
    return result.ok ? 0 : 1;
  },
};
