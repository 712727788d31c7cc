/**
 * The dashboard's monthly series: per month (of the incident's start date) and grade, the
 * number of incidents and the civilians killed as a range (sum of minimums to sum of
 * maximums, unknown as 0), under the same filter as `stats:get`, so that the months add up to
 * the cards' figures.
 */
import type { ChannelParsedInput } from '../shared/contract';
import type { MonthGrades, MonthlyStats } from '../shared/contracts/dashboard';
import type { Grade } from '../shared/domain';
import type { CaseFile } from './casefile';
import { filterSql } from './filters';
import { resolveFilter } from './me';

interface Raw {
  month: string | null;
  grade: Grade | null;
  incidents: number;
  killed_min: number;
  killed_max: number;
}

export function emptyMonth(): MonthGrades {
  const cell = () => ({ incidents: 0, killed: { min: 0, max: 0 } });
  return { confirmed: cell(), fair: cell(), weak: cell(), contested: cell(), discounted: cell(), ungraded: cell() };
}

/** The SQL of the series, exported so the benchmark can time it directly. */
export function monthlySql(where: string): string {
  return `SELECT substr(i.date_start, 1, 7) AS month, i.grade AS grade, count(*) AS incidents,
            coalesce(sum(i.killed_min), 0) AS killed_min, coalesce(sum(i.killed_max), 0) AS killed_max
          FROM incidents i ${where}
          GROUP BY month, i.grade
          ORDER BY month`;
}

export function computeMonthly(cf: CaseFile, input: ChannelParsedInput<'stats:monthly'>): MonthlyStats {
  const { where, params } = filterSql(resolveFilter(cf, input.filter));
  const rows = cf.db.prepare(monthlySql(where)).all(params) as Raw[];
  const months = new Map<string, MonthGrades>();
  const undated = emptyMonth();
  for (const r of rows) {
    let target = undated;
    if (r.month !== null) {
      target = months.get(r.month) ?? emptyMonth();
      months.set(r.month, target);
    }
    target[r.grade ?? 'ungraded'] = { incidents: r.incidents, killed: { min: r.killed_min, max: r.killed_max } };
  }
  return { months: [...months].map(([month, grades]) => ({ month, grades })), undated };
}
