/** Data-quality problems kept on records (found by imports): listing them for the app. */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import type { CaseFile } from './casefile';

interface Raw {
  id: string;
  entity: string;
  entity_id: string;
  incident_id: string | null;
  incident_code: string | null;
  kind: string;
  field: string;
  value: string | null;
  reason: string;
  file: string | null;
  line: number | null;
  import_id: string | null;
  created_at: string;
}

export function listDataProblems(cf: CaseFile, input: ChannelParsedInput<'dataProblems:list'>): ChannelOutput<'dataProblems:list'> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: input.limit, offset: input.offset };
  if (input.incidentId) {
    clauses.push('dp.incident_id = @incidentId');
    params.incidentId = input.incidentId;
  }
  if (input.kind) {
    clauses.push('dp.kind = @kind');
    params.kind = input.kind;
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM data_problems dp ${where}`).get(params) as { n: number }).n;
  const rows = cf.db
    .prepare(
      `SELECT dp.*, i.code AS incident_code FROM data_problems dp LEFT JOIN incidents i ON i.id = dp.incident_id
       ${where} ORDER BY i.code, dp.file, dp.line, dp.field, dp.kind LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Raw[];
  const kinds = cf.db
    .prepare(`SELECT kind, count(*) AS count FROM data_problems dp ${where} GROUP BY kind ORDER BY count DESC, kind`)
    .all(params) as { kind: string; count: number }[];
  return {
    total,
    kinds,
    problems: rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      incidentId: r.incident_id,
      incidentCode: r.incident_code,
      kind: r.kind,
      field: r.field,
      value: r.value,
      reason: r.reason,
      file: r.file,
      line: r.line,
      importId: r.import_id,
      createdAt: r.created_at,
    })),
  };
}
