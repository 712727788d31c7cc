/**
 * Named victims are people, not rows: records reconciled as the same person (one
 * reconciliation id) count once; a record not reconciled with any other is one person. A victim
 * is named when it has a name in any script. Used by every named-victim figure (stats:get per
 * grade and in the headline, the dashboard, `casefile stats`).
 */
import type { Grade } from '../shared/domain';
import type { CaseFile } from './casefile';

/** A filter's WHERE clause over `incidents i` (db/filters.ts) and its parameters. */
interface FilterSql {
  where: string;
  params: Record<string, unknown>;
}

export const NAMED = `(trim(coalesce(v.name_latin, '')) <> '' OR trim(coalesce(v.name_local, '')) <> '')`;
/** The person a victim record stands for. */
export const PERSON = 'coalesce(v.reconciliation_id, v.id)';

function gradeClause(f: FilterSql, grades: readonly Grade[] | null): string {
  if (!grades) return f.where;
  const inList = `i.grade IN (${grades.map((g) => `'${g}'`).join(', ')})`;
  return f.where ? `${f.where} AND ${inList}` : `WHERE ${inList}`;
}

/** Named people per grade (key 'ungraded' for incidents without one). */
export function namedByGrade(cf: CaseFile, f: FilterSql): Map<string, number> {
  const rows = cf.db
    .prepare(
      `SELECT coalesce(i.grade, 'ungraded') AS grade, count(DISTINCT ${PERSON}) AS n
       FROM incidents i JOIN victims v ON v.incident_id = i.id AND ${NAMED}
       ${f.where} GROUP BY i.grade`,
    )
    .all(f.params) as { grade: string; n: number }[];
  return new Map(rows.map((r) => [r.grade, r.n]));
}

/** Named people over the filtered incidents (of the given grades, or all). */
export function namedPeople(
  cf: CaseFile,
  f: FilterSql,
  grades: readonly Grade[] | null,
): { people: number; records: number; inSeveralIncidents: number } {
  const r = cf.db
    .prepare(
      `SELECT count(*) AS people, coalesce(sum(records), 0) AS records, coalesce(sum(incidents > 1), 0) AS several
       FROM (SELECT ${PERSON} AS person, count(*) AS records, count(DISTINCT v.incident_id) AS incidents
             FROM incidents i JOIN victims v ON v.incident_id = i.id AND ${NAMED}
             ${gradeClause(f, grades)} GROUP BY person)`,
    )
    .get(f.params) as { people: number; records: number; several: number };
  return { people: r.people, records: r.records, inSeveralIncidents: r.several };
}
