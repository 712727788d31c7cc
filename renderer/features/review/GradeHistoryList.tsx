import type { GradeHistoryEntry } from '../../../shared/contracts/review';
import { GradeBadge } from '../../ui/GradeBadge';
import { timestampText } from '../../ui/format';

/** Every grade the incident was given, oldest first: who, when, why, and what was suggested then. */
export function GradeHistoryList({ history }: { history: GradeHistoryEntry[] }) {
  if (history.length === 0) return <p className="muted">Never graded.</p>;
  return (
    <ol className="grade-history">
      {history.map((h) => (
        <li key={h.id} data-testid="grade-history-entry" className={h.differsFromSuggestion ? 'flagged' : undefined}>
          <div className="line">
            <GradeBadge grade={h.grade} /> <span>by {h.gradedBy.name}</span>{' '}
            <span className="muted small">{timestampText(h.gradedAt)}</span>
            {h.suggestedGrade && (
              <span className="muted small">
                {' '}
                · suggested <GradeBadge grade={h.suggestedGrade} />
              </span>
            )}
            {h.differsFromSuggestion && (
              <span className="flag" data-testid="grade-differs">
                differs from the suggestion
              </span>
            )}
          </div>
          {h.rationale && (
            <p className="prose" dir="auto">
              {h.rationale}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
