/** `casefile import strikes FILE CSV`: a belligerent's strike log into the case file as strike reports. */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { call } from '../../db/handlers';
import { STRIKE_CSV_FIELDS } from '../../shared/strikeSchemas';
import { parse, positional, UsageError, type Io } from '../args';
import { withCaseFile } from '../open';

export const strikesUsage = `Usage: casefile import strikes FILE CSV [--belligerent NAME] [--map FIELD=COLUMN ...]
                               [--skip-bad-lines] [--dry-run] [--json]

Import a belligerent's strike log (CSV with a header line) into the case file FILE as strike
reports, one per line: date, place text, MGRS grid or latitude/longitude, target, text, URL,
belligerent. Columns are recognised by their names (e.g. Date, Location, MGRS, Lat, Lon,
Target, Description, URL); say which column holds a field with --map, e.g. --map date=Day.
Fields: ${STRIKE_CSV_FIELDS.join(', ')}.

Every line with a bad date or grid is reported by line and column. By default a log with any
bad line saves nothing: fix it and import again. Lines already in the case are not logged twice.

  --belligerent NAME  the belligerent of every line that names none
  --map FIELD=COLUMN  the column that holds FIELD (repeatable)
  --skip-bad-lines    save the good lines even when some are bad (the bad ones are reported)
  --dry-run           check and report, save nothing
  --json              print the report as JSON`;

function isCaseFile(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    return head.toString('latin1').startsWith('SQLite format 3');
  } catch {
    return false;
  }
}

export function importStrikes(argv: string[], io: Io): number {
  const { values, positionals } = parse(
    argv,
    {
      belligerent: { type: 'string' },
      map: { type: 'string', multiple: true },
      'skip-bad-lines': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    strikesUsage,
  );
  if (values.help) return io.out(strikesUsage), 0;
  let [file, csvFile] = positional(positionals, 2, strikesUsage);
  // Either order: the case file is the SQLite one.
  if (!isCaseFile(resolve(file!)) && isCaseFile(resolve(csvFile!))) [file, csvFile] = [csvFile, file];
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const [field, ...col] = m.split('=');
    if (!field || col.length === 0 || !(STRIKE_CSV_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes FIELD=COLUMN with FIELD one of ${STRIKE_CSV_FIELDS.join(', ')}; got "${m}".`);
    }
    mapping[field] = col.join('=');
  }
  let csv: string;
  try {
    csv = readFileSync(resolve(csvFile!), 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the strike log ${csvFile}: ${(e as Error).message}`);
  }
  const report = withCaseFile(file!, (cf) =>
    call(cf, 'strikes:importCsv', {
      csv,
      fileName: basename(csvFile!),
      ...(Object.keys(mapping).length ? { mapping } : {}),
      ...(values.belligerent ? { belligerent: values.belligerent } : {}),
      dryRun: Boolean(values['dry-run']),
      skipBadLines: Boolean(values['skip-bad-lines']),
    }),
  );
  if (values.json) {
    io.out(JSON.stringify(report));
  } else {
    io.out(`Strike log ${basename(csvFile!)}: ${report.lines} lines, ${report.created} strike reports saved${report.alreadyPresent ? `, ${report.alreadyPresent} already in the case` : ''}.`);
    io.out(`Columns: ${Object.entries(report.mapping).map(([f, c]) => `${f} ← ${c}`).join(', ')}`);
    for (const p of report.problems) io.out(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    if (!report.saved && report.problems.length) io.out(`Nothing was saved: fix the ${report.problems.length} problem(s) above, or import again with --skip-bad-lines.`);
    else if (values['dry-run']) io.out('Dry run: nothing was saved.');
  }
  return report.problems.length && !report.saved ? 1 : 0;
}
