import { describe, expect, it } from 'vitest';
import type { MonthlyStats } from '../../../shared/contracts/dashboard';
import { monthBounds, withConceded, withGrades, withMonth } from './links';
import { chartRows } from './series';

const cell = (incidents: number, min: number, max: number) => ({ incidents, killed: { min, max } });
const grades = (fair: ReturnType<typeof cell>) => ({
  confirmed: cell(0, 0, 0), fair, weak: cell(0, 0, 0), contested: cell(0, 0, 0), discounted: cell(0, 0, 0), ungraded: cell(0, 0, 0),
});

describe('dashboard series and links', () => {
  it('fills short gaps with empty months and shows a long one as a single break', () => {
    const data: MonthlyStats = {
      months: [
        { month: '1970-01', grades: grades(cell(1, 0, 0)) },
        { month: '2016-11', grades: grades(cell(2, 3, 7)) },
        { month: '2017-02', grades: grades(cell(1, 1, 1)) },
      ],
      undated: grades(cell(0, 0, 0)),
    };
    const rows = chartRows(data);
    expect(rows.map((r) => r.label)).toEqual(['1970-01', '… 561 months …', '2016-11', '2016-12', '2017-01', '2017-02']);
    expect(rows[2]).toMatchObject({ fair: 2, fair_min: 3, fair_extra: 4 });
    expect(rows[3]).toMatchObject({ month: '2016-12', fair: 0, fair_min: 0, fair_extra: 0 });
    expect(rows[1]!.month).toBeNull();
  });

  it('narrows the dashboard filter to what a figure sums', () => {
    expect(monthBounds('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(monthBounds('2017-12')).toEqual({ from: '2017-12-01', to: '2017-12-31' });
    expect(withGrades({ country: 'Syria' }, ['confirmed', 'fair'])).toEqual({ country: 'Syria', grade: ['confirmed', 'fair'] });
    expect(withGrades({ grade: ['fair', 'weak'] }, ['confirmed', 'fair'])).toEqual({ grade: ['fair'] });
    expect(withGrades({ grade: ['weak'] }, ['confirmed', 'fair'])).toBeNull();
    expect(withMonth({ from: '2017-03-10' }, '2017-03', 'fair')).toEqual({ grade: ['fair'], from: '2017-03-10', to: '2017-03-31' });
    expect(withMonth({ to: '2017-02-01' }, '2017-03', 'fair')).toBeNull();
    expect(withConceded({ belligerent: 'Coalition' })).toEqual({ belligerent: 'Coalition', belligerentPosition: 'credible' });
  });
});
