import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReviewState } from '../../../shared/contracts/review';
import { GRADE_LABELS } from '../../../shared/domain';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ACTIONS_BY_STATUS } from './labels';
import { useReviewAction } from './useReviewAction';

interface Props {
  state: ReviewState;
  onDone: (next: ReviewState) => void;
}

type ActionKey = keyof ReviewState['actions'];

/** One action as a small form: a comment box (required or not) and its button. */
function ActionForm(props: {
  id: string;
  label: string;
  button: string;
  required?: boolean;
  hint?: string;
  extra?: ReactNode;
  busy: boolean;
  danger?: boolean;
  onSubmit: (comment: string) => Promise<boolean>;
}) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (props.required && !comment.trim()) return setProblem(`${props.label} is required.`);
    setProblem(null);
    if (await props.onSubmit(comment)) setComment('');
  }
  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} noValidate aria-label={props.button}>
      {props.extra}
      <div className="field">
        <label htmlFor={props.id}>
          {props.label}
          {!props.required && <span className="muted small"> (optional)</span>}
        </label>
        <textarea id={props.id} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
        {props.hint && <span className="field-hint">{props.hint}</span>}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className={props.danger ? undefined : 'primary'} disabled={props.busy}>
        {props.button}
      </button>
    </form>
  );
}

/** What the current profile may do next with this incident, and why not where it may not. */
export function WorkflowActions({ state, onDone }: Props) {
  const action = useReviewAction(onDone);
  const people = useChannel('profile:list', {});
  const [assignee, setAssignee] = useState('');
  const a = state.actions;
  const busy = action.busy !== null;
  const id = state.incidentId;
  const reviewers = (people.data?.people ?? []).filter((p) => p.role !== 'investigator' && !p.current);
  const hints = (ACTIONS_BY_STATUS[state.status] as readonly ActionKey[])
    .filter((k) => !a[k].allowed && a[k].why)
    .map((k) => a[k].why!);
  const uniqueHints = [...new Set(hints)];

  return (
    <div className="workflow-actions">
      {a.submit.allowed && (
        <ActionForm
          id="submit-comment"
          label="Note for the reviewer"
          button="Send for review"
          busy={busy}
          extra={
            <div className="field">
              <label htmlFor="submit-assignee">Reviewer</label>
              <select id="submit-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                <option value="">Any reviewer</option>
                {reviewers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.role})
                  </option>
                ))}
              </select>
            </div>
          }
          onSubmit={(comment) => action.run('workflow:submit', { id, assigneeId: assignee || null, comment })}
        />
      )}
      {a.approve.allowed && state.grade && (
        <ActionForm
          id="approve-comment"
          label="Comment"
          button={`Approve as ${GRADE_LABELS[state.grade]}`}
          hint="Keeps the current grade and its rationale; to change the grade, grade it above instead."
          busy={busy}
          onSubmit={(comment) => action.run('review:decide', { id, decision: 'approve', comment })}
        />
      )}
      {a.requestChanges.allowed && (
        <ActionForm
          id="changes-comment"
          label="What needs to change"
          button="Request changes"
          required
          hint="Sends it back to whoever sent it, as a draft, with this comment."
          danger
          busy={busy}
          onSubmit={(comment) => action.run('review:decide', { id, decision: 'request_changes', comment })}
        />
      )}
      {a.publish.allowed && (
        <ActionForm
          id="publish-comment"
          label="Comment"
          button="Publish"
          busy={busy}
          onSubmit={(comment) => action.run('workflow:publish', { id, comment })}
        />
      )}
      {a.reopen.allowed && (
        <ActionForm
          id="reopen-reason"
          label="Why reopen it"
          button="Reopen"
          required
          hint="Unlocks it for edits as a draft; its grade and grade history stay until it is graded again. The reason is recorded."
          danger
          busy={busy}
          onSubmit={(reason) => action.run('workflow:reopen', { id, reason })}
        />
      )}
      {action.error && <ErrorMessage error={action.error} />}
      {uniqueHints.length > 0 && (
        <ul className="why-not muted small" data-testid="why-not">
          {uniqueHints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
