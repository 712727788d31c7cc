import { useSearchParams } from 'react-router-dom';
import { FilterBar } from '../../app/FilterBar';
import { DEFAULT_SORT, PAGE_SIZE, listInput, type SortColumn } from '../../app/filters';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { IncidentsTable } from './IncidentsTable';
import { Pager } from './Pager';

/** Columns whose first click sorts largest/latest first. */
const DESCENDING_FIRST: readonly SortColumn[] = ['date', 'killed', 'updated'];

/** The case's incidents: filtered, sorted and paged, all of it kept in the URL. */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams();
  const input = listInput(params);
  const { data, error, loading, reload } = useChannel('incidents:list', input);
  const sort = input.sort ?? DEFAULT_SORT;
  const offset = input.offset ?? 0;

  function update(change: (next: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  }

  function onSort(column: SortColumn) {
    const direction =
      sort.column === column
        ? sort.direction === 'asc'
          ? 'desc'
          : 'asc'
        : DESCENDING_FIRST.includes(column)
          ? 'desc'
          : 'asc';
    update((next) => {
      next.set('sort', column);
      next.set('dir', direction);
      next.delete('offset');
    });
  }

  function onPage(nextOffset: number) {
    update((next) => {
      if (nextOffset > 0) next.set('offset', String(nextOffset));
      else next.delete('offset');
    });
  }

  return (
    <section className="page incidents-page" aria-labelledby="incidents-heading">
      <h1 id="incidents-heading">Incidents</h1>
      <FilterBar />
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Loading incidents" />}
      {!error && data && (
        <>
          <p className="result-count">
            <span data-testid="incident-total">{data.total}</span> {data.total === 1 ? 'incident' : 'incidents'}
            {loading && <span className="muted"> (updating…)</span>}
          </p>
          {data.total === 0 ? (
            <EmptyState title="No incidents match these filters." />
          ) : (
            <>
              <IncidentsTable rows={data.rows} sort={sort} onSort={onSort} busy={loading} />
              <Pager offset={offset} shown={data.rows.length} total={data.total} pageSize={PAGE_SIZE} onPage={onPage} />
            </>
          )}
        </>
      )}
    </section>
  );
}
