import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importAirwars } from '../../db/import/airwars/index';
import { commitImport, guessMapping } from '../../db/import/mapping/index';
import { readCsvTable } from '../../db/import/csv';
import type { ImportOptions } from '../../db/import/run';
import type { ImportProgress, ImportReport } from '../../shared/importSchemas';
import { columnMappingSchema } from '../../shared/mappingSchema';
import { parse, positional, UsageError, type Command, type Io } from '../args';
import { withCaseFile } from '../open';
import { formatReport } from './importReport';
import { importStrikes } from './importStrikes';

const usage = `Usage: casefile import airwars DIR FILE [--dry-run] [--json]
       casefile import csv CSVFILE FILE --mapping MAPPING.json [--dry-run] [--json]
       casefile import csv CSVFILE --guess-mapping
       casefile import strikes FILE CSV [--belligerent NAME]  (see casefile import strikes --help)

Import records into the case file FILE, in one transaction: a failed or interrupted import
saves nothing. Records are matched by incident code, so importing the same data again changes
nothing, and an updated archive updates exactly what changed.

  airwars DIR    the Airwars archive layout: DIR holds incidents.csv, sources.csv, victims.csv,
                 belligerent_assessments.csv and links.csv
  csv CSVFILE    any spreadsheet saved as CSV, read through a column mapping (JSON): which
                 column fills which field, how ranges and dates are written. Start from
                 --guess-mapping, which prints a guessed mapping for CSVFILE's headers.

Values the editor would refuse are kept as they stand and flagged; rows that cannot be held
(no code, a code already taken) are left out. Every problem is printed by file, line, field
and reason. The report is saved in the case file and as FILE.import-<time>.json beside it.

  --mapping M      the column mapping (JSON file) for a csv import
  --guess-mapping  print a guessed mapping for CSVFILE and exit
  --dry-run        do everything and report it, then roll back: nothing is saved
  --json           print the report as JSON instead of text
Progress goes to stderr, the report to stdout.`;

function progressPrinter(io: Io): (p: ImportProgress) => void {
  let shown = -1;
  return (p) => {
    const step = Math.floor(p.fraction * 10);
    if (step === shown && p.phase !== 'done') return;
    shown = step;
    io.err(`import: ${String(Math.round(p.fraction * 100)).padStart(3)}%  ${p.phase} ${p.detail}${p.total > 1 ? ` ${p.done}/${p.total}` : ''}`);
  };
}

function saveReport(file: string, r: ImportReport): string {
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const path = `${resolve(file)}.import-${stamp}${r.dryRun ? '.dry-run' : ''}.json`;
  writeFileSync(path, `${JSON.stringify(r, null, 2)}\n`);
  return path;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import the Airwars archive layout, or any CSV through a column mapping',
  usage,
  async run(argv, io) {
    if (argv[0] === 'strikes') return importStrikes(argv.slice(1), io);
    const { values, positionals } = parse(
      argv,
      { mapping: { type: 'string' }, 'guess-mapping': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      usage,
    );
    if (values.help) return io.out(usage), 0;
    const [kind] = positionals;
    const opts: ImportOptions = { onProgress: progressPrinter(io), dryRun: Boolean(values['dry-run']) };
    let file: string;
    let run: () => ImportReport;
    if (kind === 'airwars') {
      const [, dir, f] = positional(positionals, 3, usage);
      file = f!;
      run = () => withCaseFile(file, (cf) => importAirwars(cf, dir!, opts));
    } else if (kind === 'csv') {
      if (values['guess-mapping']) {
        const [, csvFile] = positional(positionals, 2, usage);
        const table = readCsvTable(readFileSync(resolve(csvFile!), 'utf8'));
        io.out(JSON.stringify(guessMapping(table.header), null, 2));
        return 0;
      }
      const [, csvFile, f] = positional(positionals, 3, usage);
      file = f!;
      if (!values.mapping) throw new UsageError(`A csv import needs --mapping MAPPING.json (start from --guess-mapping).\n\n${usage}`);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(resolve(values.mapping), 'utf8'));
      } catch (e) {
        throw new UsageError(`Cannot read the mapping ${values.mapping}: ${(e as Error).message}`);
      }
      const parsed = columnMappingSchema.safeParse(raw);
      if (!parsed.success) {
        throw new UsageError(`The mapping ${values.mapping} is not valid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(mapping)'}: ${i.message}`).join('\n')}`);
      }
      const path = resolve(csvFile!);
      const text = readFileSync(path, 'utf8');
      run = () => withCaseFile(file, (cf) => commitImport(cf, { text, name: basename(path), source: path }, parsed.data, opts));
    } else {
      throw new UsageError(`Say what to import: airwars or csv.\n\n${usage}`);
    }
    const report = run();
    const saved = saveReport(file, report);
    io.out(values.json ? JSON.stringify(report) : formatReport(report, saved));
    return 0;
  },
};
