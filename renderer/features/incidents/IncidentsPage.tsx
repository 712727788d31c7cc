import { Link, useSearchParams } from 'react-router-dom';
import { FilterBar } from '../../app/FilterBar';
import { parseFilter, parseSort, type SortColumn } from '../../app/filters';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { IncidentsTable } from './IncidentsTable';
import { usePagedIncidents } from './usePagedIncidents';
import '../../styles/workbench.css';

/** Columns whose first click sorts largest/latest first. */
const DESCENDING_FIRST: readonly SortColumn[] = ['date', 'killed', 'updated'];

/** The case's incidents: filtered and sorted (both kept in the URL), all in one scrolling table. */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params);
  const sort = parseSort(params);
  const list = usePagedIncidents(filter, sort);
  const listKey = JSON.stringify({ filter, sort });

  function onSort(column: SortColumn) {
    const direction =
      sort.column === column
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : DESCENDING_FIRST.includes(column)
          ? 'desc'
          : 'asc';
    const next = new URLSearchParams(params);
    next.set('sort', column);
    next.set('dir', direction);
    next.delete('offset');
    setParams(next);
  }

  return (
    <section className="page incidents-page" aria-labelledby="incidents-heading">
      <div className="page-head">
        <h1 id="incidents-heading">Incidents</h1>
        <Link className="button primary" to="/incidents/new">
          New incident
        </Link>
      </div>
      <FilterBar />
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.error && list.total === null && <Loading what="Loading incidents" />}
      {list.total !== null && (
        <>
          <p className="result-count">
            <span data-testid="incident-total">{list.total}</span> {list.total === 1 ? 'incident' : 'incidents'}
            {list.stale && <span className="muted"> (updating…)</span>}
            <span className="muted small keys-hint"> · ↑ ↓ to move, Enter to open, / to search</span>
          </p>
          {list.total === 0 ? (
            <EmptyState title="No incidents match these filters." />
          ) : (
            <IncidentsTable list={list} total={list.total} sort={sort} onSort={onSort} listKey={listKey} />
          )}
        </>
      )}
    </section>
  );
}
