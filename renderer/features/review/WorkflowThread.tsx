import type { WorkflowEventEntry } from '../../../shared/contracts/review';
import { WORKFLOW_LABELS } from '../../../shared/domain';
import { timestampText } from '../../ui/format';
import { EVENT_LABELS } from './labels';

/** The incident's review thread: each step, who took it, when, and what they wrote. */
export function WorkflowThread({ events }: { events: WorkflowEventEntry[] }) {
  if (events.length === 0) return <p className="muted">Not yet sent for review.</p>;
  return (
    <ol className="workflow-thread">
      {events.map((e) => (
        <li key={e.id} data-testid="workflow-event" className={`event-${e.decision}`}>
          <div className="line">
            <strong>{EVENT_LABELS[e.decision]}</strong> by {e.by.name}{' '}
            <span className="muted small">{timestampText(e.at)}</span>
            {e.fromStatus && e.toStatus && (
              <span className="muted small">
                {' '}
                · {WORKFLOW_LABELS[e.fromStatus]} → {WORKFLOW_LABELS[e.toStatus]}
              </span>
            )}
          </div>
          {e.comment && (
            <p className="prose comment" dir="auto">
              {e.comment}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
