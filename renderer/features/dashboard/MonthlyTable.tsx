import { Link } from 'react-router-dom';
import type { MonthlyStats } from '../../../shared/contracts/dashboard';
import type { IncidentFilter } from '../../../shared/schemas';
import type { GradeFilterValue } from '../../app/filters';
import { gradeLabel } from '../../ui/GradeBadge';
import { incidentsLink, withMonth } from './links';
import { monthTotal, type Metric } from './series';

/** The chart's figures as a table, every non-empty cell a link to its incidents. */
export function MonthlyTable({ data, filter, metric, grades }: { data: MonthlyStats; filter: IncidentFilter; metric: Metric; grades: GradeFilterValue[] }) {
  const undated = grades.some((g) => data.undated[g].incidents > 0);
  return (
    <details className="monthly-table">
      <summary>The figures by month, as a table</summary>
      <div className="table-wrap">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Month</th>
              {grades.map((g) => (
                <th key={g} scope="col">
                  {gradeLabel(g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.months.map((m) => (
              <tr key={m.month} data-testid="month-row">
                <th scope="row">{m.month}</th>
                {grades.map((g) => {
                  const f = m.grades[g].incidents > 0 ? withMonth(filter, m.month, g) : null;
                  const text = monthTotal(m.grades, g, metric);
                  return (
                    <td key={g}>
                      {f ? (
                        <Link to={incidentsLink(f)} data-testid={`month-${m.month}-${g}`}>
                          {text}
                        </Link>
                      ) : (
                        <span className="muted">{text}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            {undated && (
              <tr>
                <th scope="row">No date</th>
                {grades.map((g) => (
                  <td key={g}>{monthTotal(data.undated, g, metric)}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
