/**
 * Any spreadsheet, through a column mapping: `previewImport` shows the first rows as the mapping
 * reads them and everything committing would do (computed, then rolled back); `commitImport`
 * does it. Both take the CSV's text; the mapping says which column fills which field.
 */
import { hash } from 'node:crypto';
import type { ImportProblem, ImportReport } from '../../../shared/importSchemas';
import { columnMappingSchema, type ColumnMapping } from '../../../shared/mappingSchema';
import type { ImportPreview } from '../../../shared/contracts/imports';
import type { CaseFile } from '../../casefile';
import { readCsvTable, type CsvTable } from '../csv';
import { progressOf, runImport, type ImportOptions } from '../run';
import { applyMapped } from './apply';
import { mapRows } from './build';
import { guessMapping } from './guess';

export { guessMapping, guessTarget } from './guess';

export interface CsvSource {
  text: string;
  /** How problems name the file (e.g. its base name). */
  name: string;
  /** Where it came from, for the report (a path). */
  source?: string;
}

/** Problems of the file as a whole: columns the mapping names that the file lacks, columns left out. */
function fileNotes(table: CsvTable, mapping: ColumnMapping, file: string): ImportProblem[] {
  const notes: ImportProblem[] = [];
  const note = (field: string, reason: string, kind: string) => notes.push({ file, line: 1, field, value: null, reason, kind, code: null, leftOut: false });
  for (const [h, spec] of Object.entries(mapping.columns)) {
    if (!table.header.includes(h)) note(h, `the mapping names column "${h}", which this file does not have`, 'missing_column');
    else if (spec === null) note(h, `column "${h}" is left out, as the mapping says`, 'column_left_out');
  }
  for (const i of table.issues) if (i.row === 1) note('', i.message, 'csv_syntax');
  return notes;
}

export function commitImport(cf: CaseFile, csv: CsvSource, mapping: ColumnMapping, opts: ImportOptions = {}): ImportReport {
  const startedAt = cf.now();
  const progress = progressOf(opts, { read: [0, 0.2], check: [0.2, 0.3], write: [0.3, 1] });
  progress('read', csv.name, 0, 1);
  const table = readCsvTable(csv.text);
  progress('check', 'rows', 0, 1);
  const mapped = mapRows(table, mapping, csv.name);
  const notes = fileNotes(table, mapping, csv.name);
  const files = [{ file: csv.name, rows: table.rows.length, sha256: hash('sha256', csv.text, 'hex') }];
  return runImport(cf, { kind: 'csv', source: csv.source ?? csv.name, files, startedAt }, opts, `Spreadsheet ${csv.name} imported (${mapping.target})`, (w, importId) => {
    const r = applyMapped(cf.db, w, mapped, mapping, importId, csv.name, (done) => progress('write', mapping.target, done, mapped.drafts.length));
    progress('done', '', 1, 1);
    return { ...r, problems: [...notes, ...r.problems] };
  });
}

export function previewImport(cf: CaseFile, csv: CsvSource, given: ColumnMapping | undefined, rows = 20): ImportPreview {
  const table = readCsvTable(csv.text);
  const mapping = given ?? guessMapping(table.header);
  const sample = mapRows({ ...table, rows: table.rows.slice(0, rows), issues: [] }, mapping, csv.name);
  const byLine = new Map(sample.drafts.map((d) => [d.line, d]));
  const valid = columnMappingSchema.safeParse(mapping);
  let report: ImportReport;
  if (valid.success) report = commitImport(cf, csv, valid.data, { dryRun: true });
  else {
    const now = cf.now();
    report = {
      id: '', kind: 'csv', source: csv.source ?? csv.name, actor: cf.actor, startedAt: now, finishedAt: now, dryRun: true,
      files: [{ file: csv.name, rows: table.rows.length, sha256: hash('sha256', csv.text, 'hex') }],
      counts: {}, createdCodes: [], updatedCodes: [], changes: [], notInSource: 0, auditEntries: 0, problemCounts: { mapping: valid.error.issues.length },
      problems: valid.error.issues.map((i) => ({ file: csv.name, line: null, field: i.path.slice(1).join('.'), value: null, reason: i.message, kind: 'mapping', code: null, leftOut: false })),
    };
  }
  return {
    headers: table.header,
    mapping,
    guessed: given === undefined,
    rows: table.rows.slice(0, rows).map((r) => ({ line: r.line, raw: r.fields, values: { ...(byLine.get(r.line)?.values ?? {}) } })),
    keptColumns: sample.keptColumns,
    report,
  };
}
