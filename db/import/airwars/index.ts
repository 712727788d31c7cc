/**
 * `importAirwars(cf, dir)`: the Airwars archive layout (five CSV files) into the case file.
 *
 * Every column lands in the model or, having no home there, in the record's extra_json; values
 * the editor would refuse are kept as they stand and flagged (data_problems + the report); only
 * rows that cannot be held at all are left out, and reported. Records are matched by code (via a
 * deterministic id), so importing the same archive again writes nothing, and an updated archive
 * updates exactly what changed. One transaction: cancelled or failed, nothing is saved.
 *
 * Imported incidents are `published` when the archive grades them (they are published Airwars
 * assessments) and `draft` when it does not; a status a person has changed is left alone.
 * An archive grade listing several grades counts as its first listed grade.
 */
import { resolve } from 'node:path';
import type { ImportProblem, ImportReport } from '../../../shared/importSchemas';
import type { CaseFile } from '../../casefile';
import { bulkLoadSession } from '../bulkLoad';
import type { CsvTable } from '../csv';
import { progressOf, runImport, type ImportOptions } from '../run';
import { applyDrafts } from './apply';
import { buildDrafts } from './build';
import { TABLES } from './tables';
import type { AirwarsFile } from './layout';
import { archiveFiles, readArchiveFile } from './read';

export { ArchiveError } from './read';

const FILE_ORDER = ['incidents.csv', 'sources.csv', 'victims.csv', 'belligerent_assessments.csv', 'links.csv'];

export function importAirwars(cf: CaseFile, dir: string, opts: ImportOptions = {}): ImportReport {
  const startedAt = cf.now();
  const source = resolve(dir);
  const progress = progressOf(opts, { read: [0, 0.35], check: [0.35, 0.45], write: [0.45, 1] });
  const files = archiveFiles(source);
  const totalBytes = files.reduce((a, f) => a + f.bytes, 0);
  let readBytes = 0;
  const tables = {} as Record<AirwarsFile, CsvTable>;
  const fileInfo: ImportReport['files'] = [];
  const fileProblems: ImportProblem[] = [];
  for (const f of files) {
    progress('read', f.file, readBytes, totalBytes);
    const r = readArchiveFile(f);
    tables[f.name] = r.table;
    readBytes += r.bytes;
    fileInfo.push({ file: f.file, rows: r.table.rows.length, sha256: r.sha256 });
    if (!r.utf8) {
      fileProblems.push({ file: f.file, line: null, field: '', value: null, reason: 'the file is not valid UTF-8: bytes that are not were read as U+FFFD', kind: 'not_utf8', code: null, leftOut: false });
    }
  }
  progress('check', 'rows', 0, 1);
  const drafts = buildDrafts(tables);
  progress('check', 'rows', 1, 1);

  // Into a case file without incidents, the load runs with foreign keys off and checks every
  // reference once at the end (bulkLoad.ts).
  const fresh = !cf.db.prepare('SELECT 1 FROM incidents LIMIT 1').get();
  const run = () => runImport(cf, { kind: 'airwars', source, files: fileInfo, startedAt }, opts, `Airwars archive imported from ${source}`, (w, importId) => {
    const r = applyDrafts(cf.db, w, drafts, importId, (done, total) => progress('write', 'incidents', done, total));
    const problems = [...fileProblems, ...drafts.leftOut, ...r.problems].sort(
      (a, b) => FILE_ORDER.indexOf(a.file) - FILE_ORDER.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    progress('done', '', 1, 1);
    return {
      counts: r.tally.counts,
      createdCodes: r.tally.createdCodes,
      updatedCodes: [...r.tally.updatedCodes],
      changes: r.tally.changes,
      problems,
      notInSource: r.notInSource,
    };
  });
  return fresh ? bulkLoadSession(cf.db, TABLES, run) : run();
}
