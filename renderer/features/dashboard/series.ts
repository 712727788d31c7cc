/**
 * The monthly series as chart rows: one row per month, gaps of up to two years filled with
 * empty months so that time reads evenly, longer gaps (an outlying date such as 1970) shown
 * as one break rather than decades of nothing.
 */
import type { MonthGrades, MonthlyStats } from '../../../shared/contracts/dashboard';
import { GRADE_FILTER_VALUES, type GradeFilterValue } from '../../app/filters';

export const MAX_FILLED_GAP = 24;

export type Metric = 'incidents' | 'killed';

export interface ChartRow {
  /** 'YYYY-MM', or null for a break in time. */
  month: string | null;
  label: string;
  grades: MonthGrades | null;
  /** Per grade: `${g}` incidents, `${g}_min` killed minimum, `${g}_extra` killed maximum minus minimum. */
  [key: string]: unknown;
}

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function emptyGrades(): MonthGrades {
  const cell = () => ({ incidents: 0, killed: { min: 0, max: 0 } });
  return { confirmed: cell(), fair: cell(), weak: cell(), contested: cell(), discounted: cell(), ungraded: cell() };
}

function row(month: string, grades: MonthGrades): ChartRow {
  const r: ChartRow = { month, label: month, grades };
  for (const g of GRADE_FILTER_VALUES) {
    r[g] = grades[g].incidents;
    r[`${g}_min`] = grades[g].killed.min;
    r[`${g}_extra`] = grades[g].killed.max - grades[g].killed.min;
  }
  return r;
}

export function chartRows(data: MonthlyStats): ChartRow[] {
  const out: ChartRow[] = [];
  let prev: number | null = null;
  for (const m of data.months) {
    const i = monthIndex(m.month);
    if (prev !== null && i - prev > 1) {
      if (i - prev - 1 <= MAX_FILLED_GAP) {
        for (let k = prev + 1; k < i; k++) out.push(row(monthOf(k), emptyGrades()));
      } else {
        out.push({ month: null, label: `… ${i - prev - 1} months …`, grades: null });
      }
    }
    out.push(row(m.month, m.grades));
    prev = i;
  }
  return out;
}

export function monthTotal(grades: MonthGrades, g: GradeFilterValue, metric: Metric): string {
  const c = grades[g];
  if (metric === 'incidents') return String(c.incidents);
  return c.killed.min === c.killed.max ? String(c.killed.min) : `${c.killed.min}–${c.killed.max}`;
}
