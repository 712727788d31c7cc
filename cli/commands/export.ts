import { resolve } from 'node:path';
import { exportBundle } from '../../db/bundle/export';
import { exportCsv } from '../../db/export/csv';
import { incidentFilterSchema } from '../../shared/schemas';
import { parse, positional, UsageError, type Command } from '../args';
import { FILTER_OPTIONS, FILTER_USAGE, filterFromOptions } from '../filterOptions';
import { withCaseFile } from '../open';

const usage = `Usage: casefile export csv FILE DIR
       casefile export bundle FILE OUT.zip --profile NAME [filters] [--as PERSON]

csv: write the case file FILE as the Airwars five-file layout into DIR (created if missing):
incidents.csv, sources.csv, victims.csv, belligerent_assessments.csv and links.csv, with the
archive's headers. Imported records are written back exactly as the archive had them, unless
changed since; importing the export again changes nothing.

bundle: write a case bundle OUT.zip: data/case.json (the records, re-importable), csv/*.csv,
incidents.geojson, captures/<sha256>, report/index.html, and manifest.json listing every file
with its SHA-256, signed with the key of the person given by --as (unsigned without one).
  --profile NAME        publication, internal, or a custom profile saved in the case file
${FILTER_USAGE}
Check a bundle with \`casefile verify OUT.zip\`.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the case file as CSV, or as a signed case bundle (zip)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { profile: { type: 'string' }, ...FILTER_OPTIONS }, usage);
    if (values.help) return io.out(usage), 0;
    if (positionals[0] === 'bundle') {
      const [, file, out] = positional(positionals, 3, usage);
      if (!values.profile) throw new UsageError(`Say which profile: --profile publication, --profile internal, or a custom one.\n\n${usage}`);
      if (!/\.zip$/i.test(out!)) throw new UsageError(`The bundle file must end in .zip: ${out}`);
      const filter = incidentFilterSchema.safeParse(filterFromOptions(values));
      if (!filter.success) throw new UsageError(filter.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
      let last = '';
      const r = withCaseFile(file!, (cf) =>
        exportBundle(cf, { profile: values.profile!, filter: filter.data, out: resolve(out!) }, (s) => {
          if (s.phase !== last) io.err(`${(last = s.phase)}…`);
        }),
      );
      io.out(`Wrote ${r.path}: ${r.incidents} incidents, ${r.files} files, ${r.size} bytes.`);
      io.out(`SHA-256 ${r.sha256}`);
      io.out(r.signed ? `Signed by ${r.manifest.exporter.name}.` : 'UNSIGNED: no profile with a signing key was acting; use --as NAME to sign.');
      return 0;
    }
    if (positionals[0] !== 'csv') throw new UsageError(`Say which format: csv or bundle.\n\n${usage}`);
    const [, file, dir] = positional(positionals, 3, usage);
    const result = withCaseFile(file!, (cf) => exportCsv(cf, resolve(dir!)));
    for (const f of result.files) io.out(`${f.file}: ${f.rows} rows`);
    io.out(`Exported to ${result.dir}.`);
    return 0;
  },
};
