import { useSearchParams } from 'react-router-dom';
import { FilterBar } from '../../app/FilterBar';
import { GRADE_FILTER_VALUES, isFiltered, parseFilter } from '../../app/filters';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ConcededCard } from './ConcededCard';
import { GradeCard } from './GradeCard';
import { HeadlineCard } from './HeadlineCard';
import { MonthlyChart } from './MonthlyChart';
import { NamedPeopleCard } from './NamedPeopleCard';
import './dashboard.css';

/** The case's totals: the published headline, each grade apart, and what belligerents conceded. */
export function DashboardPage() {
  const [params] = useSearchParams();
  const filter = parseFilter(params);
  const { data, error, loading, reload } = useChannel('stats:get', { filter });
  const monthly = useChannel('stats:monthly', { filter });

  return (
    <section className="page dashboard" aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      <FilterBar />
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Counting" />}
      {!error && data && (
        <div className={loading ? 'stale' : undefined} aria-busy={loading}>
          <p className="result-count">
            <span data-testid="stats-incidents">{data.incidents}</span> {data.incidents === 1 ? 'incident' : 'incidents'}
            {isFiltered(filter) ? ' match the filter' : ' in this case file'}.
          </p>
          <div className="card-grid">
            <HeadlineCard totals={data.headline} filter={filter} />
            <ConcededCard conceded={data.conceded} filter={filter} />
            <NamedPeopleCard people={data.namedPeople} />
          </div>
          <div className="card-grid grades">
            {GRADE_FILTER_VALUES.map((g) => (
              <GradeCard key={g} grade={g} totals={data.grades[g]} filter={filter} />
            ))}
          </div>
          {monthly.error && <ErrorMessage error={monthly.error} onRetry={monthly.reload} />}
          {monthly.data && <MonthlyChart data={monthly.data} filter={filter} />}
        </div>
      )}
    </section>
  );
}
