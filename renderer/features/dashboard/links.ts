/**
 * Where each dashboard figure leads: the incidents list under the dashboard's filter, narrowed
 * to exactly the incidents the figure sums (its grades, its month, or those a belligerent
 * conceded). A narrowing that leaves nothing (a grade the filter excludes) gives no link.
 */
import type { Grade } from '../../../shared/domain';
import type { IncidentFilter } from '../../../shared/schemas';
import { filterToParams, type GradeFilterValue } from '../../app/filters';

export interface IncidentsLink {
  pathname: '/incidents';
  search: string;
}

export function incidentsLink(filter: IncidentFilter): IncidentsLink {
  const s = filterToParams(filter).toString();
  return { pathname: '/incidents', search: s ? `?${s}` : '' };
}

/** The filter narrowed to these grades (within the grades it already allows); null if none remain. */
export function withGrades(filter: IncidentFilter, grades: readonly GradeFilterValue[]): IncidentFilter | null {
  const allowed = filter.grade ? grades.filter((g) => filter.grade!.includes(g)) : [...grades];
  return allowed.length ? { ...filter, grade: allowed } : null;
}

/** 'YYYY-MM' → its first and last day. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The filter narrowed to one month (within its own dates) and one grade; null if nothing remains. */
export function withMonth(filter: IncidentFilter, month: string, grade: Grade | 'ungraded'): IncidentFilter | null {
  const graded = withGrades(filter, [grade]);
  if (!graded) return null;
  const b = monthBounds(month);
  const from = filter.from && filter.from > b.from ? filter.from : b.from;
  const to = filter.to && filter.to < b.to ? filter.to : b.to;
  return from <= to ? { ...graded, from, to } : null;
}

/** What the conceded figure counts: incidents where a belligerent's position is credible. */
export function withConceded(filter: IncidentFilter): IncidentFilter {
  return { ...filter, belligerentPosition: 'credible' };
}
