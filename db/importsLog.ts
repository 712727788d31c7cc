/** The log of import runs: each committed import and its saved report. */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { importReportSchema, type ImportReport } from '../shared/importSchemas';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';

export function listImports(cf: CaseFile, input: ChannelParsedInput<'imports:list'>): ChannelOutput<'imports:list'> {
  const total = (cf.db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
  const rows = cf.db
    .prepare(
      `SELECT id, kind, source, actor, started_at AS startedAt, finished_at AS finishedAt, created, updated, unchanged, removed,
              left_out AS leftOut, problems
       FROM imports ORDER BY started_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    )
    .all(input.limit, input.offset) as ChannelOutput<'imports:list'>['imports'];
  return { total, imports: rows };
}

export function getImport(cf: CaseFile, input: { id: string }): ImportReport {
  const row = cf.db.prepare('SELECT report_json FROM imports WHERE id = ?').get(input.id) as { report_json: string } | undefined;
  if (!row) throw new HandlerError('not_found', `No import ${input.id} in this case file.`);
  return importReportSchema.parse(JSON.parse(row.report_json));
}
