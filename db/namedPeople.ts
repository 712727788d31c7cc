/**
 * Named victims are people, not rows: records reconciled as the same person (one
 * reconciliation id) count once; a record not reconciled with any other is one person. A victim
 * is named when it has a name in any script. Used by every named-victim figure (stats:get per
 * grade and in the headline, the dashboard, `casefile stats`).
 *
 * Counted as the named rows (the query stats always ran) less the extra records of each
 * reconciled person: only reconciled rows are read for that (the partial index
 * victims_reconciliation), so a case with few reconciliations pays almost nothing.
 */
import type { Grade } from '../shared/domain';
import type { CaseFile } from './casefile';

/** A filter's WHERE clause over `incidents i` (db/filters.ts) and its parameters. */
interface FilterSql {
  where: string;
  params: Record<string, unknown>;
}

export const NAMED = `(trim(coalesce(v.name_latin, '')) <> '' OR trim(coalesce(v.name_local, '')) <> '')`;

function and(f: FilterSql, clause: string): string {
  return f.where ? `${f.where} AND ${clause}` : `WHERE ${clause}`;
}

function reconciledRows(f: FilterSql, grades: readonly Grade[] | null): string {
  const inGrades = grades ? ` AND i.grade IN (${grades.map((g) => `'${g}'`).join(', ')})` : '';
  return `FROM victims v JOIN incidents i ON i.id = v.incident_id
    ${and(f, `v.reconciliation_id IS NOT NULL AND ${NAMED}${inGrades}`)}`;
}

/** Per grade ('ungraded' for none): named records that are a further record of a person counted in that grade. */
export function reconciledExtras(cf: CaseFile, f: FilterSql): Map<string, number> {
  const rows = cf.db
    .prepare(
      `SELECT grade, sum(n - 1) AS extra FROM (
         SELECT coalesce(i.grade, 'ungraded') AS grade, v.reconciliation_id, count(*) AS n
         ${reconciledRows(f, null)} GROUP BY i.grade, v.reconciliation_id)
       GROUP BY grade`,
    )
    .all(f.params) as { grade: string; extra: number }[];
  return new Map(rows.map((r) => [r.grade, r.extra]));
}

/**
 * Over the filtered incidents (of `grades`, or all): `records` named rows are `people` people,
 * `inSeveralIncidents` of them named in more than one incident; `acrossGrades` is how many
 * fewer people there are than the sum of the per-grade counts (one person in two grades).
 */
export function namedPeople(
  cf: CaseFile,
  f: FilterSql,
  grades: readonly Grade[] | null,
  records: number,
): { people: number; records: number; inSeveralIncidents: number; acrossGrades: number } {
  const r = cf.db
    .prepare(
      `SELECT coalesce(sum(n - 1), 0) AS extra, coalesce(sum(incidents > 1), 0) AS several, coalesce(sum(grades - 1), 0) AS across
       FROM (SELECT count(*) AS n, count(DISTINCT v.incident_id) AS incidents, count(DISTINCT coalesce(i.grade, '')) AS grades
             ${reconciledRows(f, grades)} GROUP BY v.reconciliation_id)`,
    )
    .get(f.params) as { extra: number; several: number; across: number };
  return { people: records - r.extra, records, inSeveralIncidents: r.several, acrossGrades: r.across };
}
