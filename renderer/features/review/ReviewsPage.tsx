import { Link } from 'react-router-dom';
import type { QueueRow } from '../../../shared/contracts/review';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GradeBadge } from '../../ui/GradeBadge';
import { Loading } from '../../ui/Loading';
import { RangeText } from '../../ui/RangeText';
import { dateText, timestampText } from '../../ui/format';
import { useProfile } from '../profile/ProfileContext';
import { EVENT_LABELS } from './labels';
import './review.css';

const QUEUE_LIMIT = 500;

/** "My reviews": what waits on the current profile, each list with the step that put it there. */
export function ReviewsPage() {
  const { current } = useProfile();
  const { data, error, loading, reload } = useChannel('review:queue', {});
  const role = current?.profile?.role;
  const reviews = role === 'reviewer' || role === 'editor';

  return (
    <section className="page reviews-page" aria-labelledby="reviews-heading">
      <h1 id="reviews-heading">My reviews</h1>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Loading your reviews" />}
      {data && (
        <>
          {reviews && (
            <Queue
              id="to-review"
              title="Ready for review"
              hint="Assigned to you, or to any reviewer. Someone else must review what you sent yourself."
              rows={data.toReview}
              empty="Nothing is waiting for your review."
            />
          )}
          <Queue
            id="returned"
            title="Sent back to you"
            hint="A reviewer asked for changes: fix them, then send it for review again."
            rows={data.returned}
            empty="Nothing has been sent back to you."
          />
          <Queue id="submitted" title="Waiting on a reviewer" hint="What you sent for review." rows={data.submitted} empty="You have nothing waiting." />
          {role === 'editor' && (
            <Queue id="to-publish" title="Graded, to publish" hint="Flagged grades differ from the suggested grade." rows={data.toPublish} empty="Nothing is waiting to be published." />
          )}
        </>
      )}
    </section>
  );
}

function Queue({ id, title, hint, rows, empty }: { id: string; title: string; hint: string; rows: QueueRow[]; empty: string }) {
  return (
    <section className="queue-section" aria-labelledby={`${id}-heading`} data-testid={`queue-${id}`}>
      <h2 id={`${id}-heading`}>
        {title} <span className="muted">({rows.length})</span>
      </h2>
      <p className="muted small">{hint}</p>
      {rows.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <div className="table-wrap">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Date</th>
                <th scope="col">Place</th>
                <th scope="col">Killed</th>
                <th scope="col">Grade</th>
                <th scope="col">Last step</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="queue-row">
                  <td>
                    <Link to={`/incidents/${encodeURIComponent(r.id)}`}>{r.code}</Link>
                  </td>
                  <td className="nowrap">{dateText(r.dateStart, null)}</td>
                  <td dir="auto">{r.placeEn ?? r.placeAr ?? '—'}</td>
                  <td>
                    <RangeText range={r.killed} />
                  </td>
                  <td>
                    <GradeBadge grade={r.grade} />
                    {r.flagged && <span className="flag">differs from the suggestion</span>}
                  </td>
                  <td>
                    {r.lastEvent ? (
                      <>
                        {EVENT_LABELS[r.lastEvent.decision]} by {r.lastEvent.by.name}{' '}
                        <span className="muted small">{timestampText(r.lastEvent.at)}</span>
                        {r.lastEvent.comment && (
                          <div className="small" dir="auto">
                            “{r.lastEvent.comment}”
                          </div>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length >= QUEUE_LIMIT && <p className="muted small">Showing the first {QUEUE_LIMIT}.</p>}
        </div>
      )}
    </section>
  );
}
