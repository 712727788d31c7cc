import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type { MonthlyStats } from '../../../shared/contracts/dashboard';
import type { IncidentFilter } from '../../../shared/schemas';
import { GRADE_FILTER_VALUES, type GradeFilterValue } from '../../app/filters';
import { gradeLabel } from '../../ui/GradeBadge';
import { GRADE_COLORS } from './gradeColors';
import { incidentsLink, withMonth } from './links';
import { MonthlyTable } from './MonthlyTable';
import { chartRows, monthTotal, type ChartRow, type Metric } from './series';

interface Props {
  data: MonthlyStats;
  filter: IncidentFilter;
}

/** Grades the filter leaves in view, in the order they stack (Confirmed at the bottom). */
function visibleGrades(filter: IncidentFilter): GradeFilterValue[] {
  return GRADE_FILTER_VALUES.filter((g) => !filter.grade || filter.grade.includes(g));
}

function MonthTooltip({ active, payload, metric }: { active?: boolean; payload?: readonly { payload?: unknown }[]; metric: Metric }) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row?.grades) return null;
  const shown = GRADE_FILTER_VALUES.filter((g) => row.grades![g].incidents > 0);
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      {shown.length === 0 && <div className="muted">No incidents</div>}
      {shown.map((g) => (
        <div key={g}>
          {gradeLabel(g)}: {row.grades![g].incidents} {row.grades![g].incidents === 1 ? 'incident' : 'incidents'}
          {metric === 'killed' && `, ${monthTotal(row.grades!, g, 'killed')} killed`}
        </div>
      ))}
      <div className="muted small">Click a bar for its incidents.</div>
    </div>
  );
}

/**
 * Incidents and civilian deaths per month, stacked by grade. Deaths are ranges: each grade's
 * minimum is the solid part of its band and the rest up to its maximum the pale part above
 * it, so the range is seen, not averaged away. A bar leads to the incidents behind it.
 */
export function MonthlyChart({ data, filter }: Props) {
  const navigate = useNavigate();
  const [metric, setMetric] = useState<Metric>('killed');
  const rows = chartRows(data);
  const grades = visibleGrades(filter);

  const open = (index: number, grade: GradeFilterValue) => {
    const month = rows[index]?.month;
    if (!month) return;
    const f = withMonth(filter, month, grade);
    if (f) navigate(incidentsLink(f));
  };

  const bars =
    metric === 'incidents'
      ? grades.map((g) => (
          <Bar key={g} dataKey={g} name={gradeLabel(g)} stackId="m" fill={GRADE_COLORS[g]} cursor="pointer" onClick={(_, i) => open(i, g)} isAnimationActive={false} />
        ))
      : grades.flatMap((g) => [
          <Bar key={`${g}_min`} dataKey={`${g}_min`} name={gradeLabel(g)} stackId="m" fill={GRADE_COLORS[g]} cursor="pointer" onClick={(_, i) => open(i, g)} isAnimationActive={false} />,
          <Bar key={`${g}_extra`} dataKey={`${g}_extra`} name={`${gradeLabel(g)} (up to maximum)`} legendType="none" stackId="m" fill={GRADE_COLORS[g]} fillOpacity={0.3} cursor="pointer" onClick={(_, i) => open(i, g)} isAnimationActive={false} />,
        ]);

  return (
    <section className="card monthly" aria-labelledby="monthly-heading">
      <div className="monthly-head">
        <h2 id="monthly-heading">By month</h2>
        <fieldset className="metric-toggle">
          <legend className="visually-hidden">Show</legend>
          <label>
            <input type="radio" name="metric" checked={metric === 'killed'} onChange={() => setMetric('killed')} /> Civilians killed
          </label>
          <label>
            <input type="radio" name="metric" checked={metric === 'incidents'} onChange={() => setMetric('incidents')} /> Incidents
          </label>
        </fieldset>
      </div>
      <p className="muted small">
        {metric === 'killed'
          ? 'Civilians killed per month by grade: the solid band is the sum of minimums, the pale band above it runs to the sum of maximums.'
          : 'Incidents per month by grade.'}{' '}
        By each incident’s start date; months in which nothing happened are empty.
      </p>
      {rows.length === 0 ? (
        <p className="muted">No dated incidents match the filter.</p>
      ) : (
        <div className="chart" data-testid="monthly-chart">
          <ResponsiveContainer width="100%" height={320}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} barCategoryGap={1}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" minTickGap={24} tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip content={(p: TooltipContentProps<ValueType, NameType>) => <MonthTooltip active={p.active} payload={p.payload} metric={metric} />} />
              <Legend itemSorter={null} />
              {bars}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <MonthlyTable data={data} filter={filter} metric={metric} grades={grades} />
    </section>
  );
}
