import { resolve } from 'node:path';
import { exportCsv } from '../../db/export/csv';
import { parse, positional, UsageError, type Command } from '../args';
import { withCaseFile } from '../open';

const usage = `Usage: casefile export csv FILE DIR

Write the case file FILE as the Airwars five-file layout into DIR (created if missing):
incidents.csv, sources.csv, victims.csv, belligerent_assessments.csv and links.csv, with the
archive's headers. Imported records are written back exactly as the archive had them, unless
changed since; importing the export again changes nothing.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the case file as CSV (the Airwars five-file layout)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {}, usage);
    if (values.help) return io.out(usage), 0;
    if (positionals[0] !== 'csv') throw new UsageError(`Say which format: csv.\n\n${usage}`);
    const [, file, dir] = positional(positionals, 3, usage);
    const result = withCaseFile(file!, (cf) => exportCsv(cf, resolve(dir!)));
    for (const f of result.files) io.out(`${f.file}: ${f.rows} rows`);
    io.out(`Exported to ${result.dir}.`);
    return 0;
  },
};
