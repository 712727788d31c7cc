/** The incidents whose strike-report candidates nobody has reviewed yet, best candidate first. */
import { Link } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import './strikes.css';

export function StrikeQueuePage() {
  const q = useChannel('strikeMatches:queue', { limit: 200 });
  return (
    <section className="page" aria-labelledby="strike-queue-heading">
      <p className="back">
        <Link to="/strikes">← Strike reports</Link>
      </p>
      <h1 id="strike-queue-heading">Strike-report candidates to review</h1>
      {q.error && <ErrorMessage error={q.error} onRetry={q.reload} />}
      {!q.data && !q.error && <Loading what="Loading the queue" />}
      {q.data && q.data.total === 0 && (
        <EmptyState title="No candidates wait for review.">
          <p>
            Add or import strike reports, then <Link to="/strikes">find candidate incidents</Link>.
          </p>
        </EmptyState>
      )}
      {q.data && q.data.total > 0 && (
        <table className="strikes-table" data-testid="strike-queue">
          <caption className="muted">{q.data.total} incidents have candidates to review</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Date</th>
              <th scope="col">Place</th>
              <th scope="col">Candidates</th>
              <th scope="col">Best score</th>
            </tr>
          </thead>
          <tbody>
            {q.data.rows.map((r) => (
              <tr key={r.incidentId}>
                <td>
                  <Link to={`/incidents/${encodeURIComponent(r.incidentId)}`}>{r.code}</Link>
                </td>
                <td>{r.date ?? ''}</td>
                <td dir="auto">{r.place ?? ''}</td>
                <td>{r.pending}</td>
                <td>{r.bestScore.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
