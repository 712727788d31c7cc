import { Link } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';

/** Every committed import of this case file, newest first, each opening its saved report. */
export function PastImports({ refreshKey }: { refreshKey: unknown }) {
  const { data, error, loading, reload } = useChannel('imports:list', { limit: 100 }, [refreshKey]);
  return (
    <section aria-labelledby="past-imports-heading">
      <h2 id="past-imports-heading">Past imports</h2>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading what="Reading past imports" />}
      {data && data.total === 0 && <p className="muted">Nothing has been imported into this case file yet.</p>}
      {data && data.total > 0 && (
        <div className="table-wrap">
          <table data-testid="past-imports">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col" className="num">Created</th>
                <th scope="col" className="num">Updated</th>
                <th scope="col" className="num">Unchanged</th>
                <th scope="col" className="num">Left out</th>
                <th scope="col" className="num">Problems</th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              {data.imports.map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">{new Date(i.finishedAt).toLocaleString()}</td>
                  <td>
                    {i.kind === 'airwars' ? 'Airwars archive' : 'Spreadsheet'} <code className="small">{i.source}</code>
                  </td>
                  <td>{i.actor}</td>
                  <td className="num">{i.created.toLocaleString()}</td>
                  <td className="num">{i.updated.toLocaleString()}</td>
                  <td className="num">{i.unchanged.toLocaleString()}</td>
                  <td className="num">{i.leftOut.toLocaleString()}</td>
                  <td className="num">{i.problems.toLocaleString()}</td>
                  <td>
                    <Link to={`/import/reports/${encodeURIComponent(i.id)}`}>Open report</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
