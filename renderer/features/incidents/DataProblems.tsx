import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';

const LIMIT = 200;

/**
 * Values kept as an imported archive had them although the editor would refuse them (a
 * minimum above its maximum, a placeholder date, two grades in one cell): shown on the
 * record, with where each came from, so a reviewer sees them before quoting a figure.
 */
export function DataProblems({ incidentId }: { incidentId: string }) {
  const { data, error, reload } = useChannel('dataProblems:list', { incidentId, limit: LIMIT });
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data || data.total === 0) return null;
  return (
    <section className="card data-problems" aria-labelledby="problems-heading" data-testid="data-problems">
      <h2 id="problems-heading">
        Data problems ({data.total})
      </h2>
      <p className="muted">
        Kept as the source had them, since published totals were computed with them; check before
        relying on these fields.
      </p>
      <div className="table-wrap">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {data.problems.map((p) => (
              <tr key={p.id} data-testid="data-problem">
                <td>{p.field}</td>
                <td dir="auto">{p.value ?? <span className="muted">blank</span>}</td>
                <td>{p.reason}</td>
                <td className="nowrap">{p.file ? `${p.file}${p.line ? `, line ${p.line}` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.total > data.problems.length && <p className="muted">Showing the first {data.problems.length}.</p>}
    </section>
  );
}
