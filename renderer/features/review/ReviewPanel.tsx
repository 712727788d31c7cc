import { useCallback, useEffect, useState } from 'react';
import type { ReviewState } from '../../../shared/contracts/review';
import { GRADE_LABELS, WORKFLOW_LABELS } from '../../../shared/domain';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GradeBadge } from '../../ui/GradeBadge';
import { Loading } from '../../ui/Loading';
import { GradeHistoryList } from './GradeHistoryList';
import { GradePanel } from './GradePanel';
import { SuggestionBox } from './SuggestionBox';
import { WorkflowActions } from './WorkflowActions';
import { WorkflowThread } from './WorkflowThread';
import './review.css';

/**
 * An incident's grading panel: its grade and where it stands in review, the grade the evidence
 * suggests beside the five grades' definitions, what the current profile may do next, every
 * grade it was given, and its review thread. `onChanged` lets the page reload the incident.
 */
export function ReviewPanel({ incidentId, onChanged }: { incidentId: string; onChanged?: () => void }) {
  const loaded = useChannel('review:get', { id: incidentId });
  const [state, setState] = useState<ReviewState | undefined>(undefined);
  useEffect(() => {
    if (loaded.data?.incidentId === incidentId) setState(loaded.data);
  }, [loaded.data, incidentId]);
  const onDone = useCallback(
    (next: ReviewState) => {
      setState(next);
      onChanged?.();
    },
    [onChanged],
  );

  return (
    <section className="card review-panel" aria-labelledby="grade-heading" data-testid="review-panel">
      <h2 id="grade-heading">Grade and review</h2>
      {loaded.error && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {!loaded.error && !state && <Loading what="Loading the review" />}
      {state && <ReviewBody state={state} onDone={onDone} />}
    </section>
  );
}

function ReviewBody({ state, onDone }: { state: ReviewState; onDone: (next: ReviewState) => void }) {
  return (
    <>
      <div className="review-status">
        <GradeBadge grade={state.grade} />
        <span className="status-tag" data-testid="workflow-status">
          {WORKFLOW_LABELS[state.status]}
        </span>
        <span>
          Assignee: <strong>{state.assignee?.name ?? 'nobody'}</strong>
        </span>
        {state.locked && (
          <span className="lock" data-testid="locked">
            Locked against edits until reopened
          </span>
        )}
      </div>
      {state.gradeRationale && (
        <p className="prose rationale" dir="auto">
          <span className="muted small">Rationale: </span>
          {state.gradeRationale}
        </p>
      )}
      {state.flagged && state.grade && state.history.length > 0 && (
        <p className="warning" data-testid="flagged">
          Flagged: graded {GRADE_LABELS[state.grade]} where the evidence suggested{' '}
          {GRADE_LABELS[state.history[state.history.length - 1]!.suggestedGrade ?? state.grade]}. Read the rationale before
          approving or publishing.
        </p>
      )}
      <div className="review-columns">
        <SuggestionBox state={state} />
        <GradePanel state={state} onDone={onDone} />
      </div>
      <WorkflowActions state={state} onDone={onDone} />
      <div className="review-columns">
        <div>
          <h3>Grade history</h3>
          <GradeHistoryList history={state.history} />
        </div>
        <div>
          <h3>Review thread</h3>
          <WorkflowThread events={state.events} />
        </div>
      </div>
    </>
  );
}
