/**
 * The workflow's actions (rules in db/workflowRules.ts). Each one is a single audited change:
 * the incident's new status (and assignee), a row in its workflow thread (review_decisions:
 * who, when, the comment, from and to), and for a grade its grade-history entry with the
 * suggestion it was given beside and the evidence that suggestion rested on. A refused action
 * writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../shared/contract';
import type { WorkflowEvent, ReviewState } from '../shared/contracts/review';
import { GRADE_LABELS, type WorkflowStatus } from '../shared/domain';
import { differsFromSuggestion } from '../shared/gradeSuggestion';
import { change, type Writer } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { suggestionFor } from './gradeEvidence';
import type { ActingProfile } from './identity';
import { reviewState } from './reviewState';
import { lastSubmitter, loadWorkflowRow, requirePermission, type IncidentWorkflowRow } from './workflowRules';

interface Move {
  event: WorkflowEvent;
  to: WorkflowStatus;
  comment: string | null;
  /** The new assignee; undefined leaves it as it is. */
  assigneeId?: string | null;
  /** More columns of the incident to set with the status (the grade and its rationale). */
  patch?: Record<string, unknown>;
  /** The audit entries' reason. */
  reason: string;
  /** More writes in the same change (the grade, its history). */
  also?: (w: Writer) => void;
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function move(cf: CaseFile, inc: IncidentWorkflowRow, me: ActingProfile, m: Move): ReviewState {
  change(cf, m.reason, (w) => {
    w.update('incidents', { id: inc.id }, {
      status: m.to,
      ...(m.assigneeId !== undefined ? { assignee_id: m.assigneeId } : {}),
      ...m.patch,
      updated_at: w.at,
    });
    w.insert('review_decisions', {
      id: randomUUID(),
      incident_id: inc.id,
      reviewer: me.name,
      reviewer_id: me.id,
      decision: m.event,
      comment: m.comment,
      from_status: inc.status,
      to_status: m.to,
      assignee_id: m.assigneeId === undefined ? inc.assignee_id : m.assigneeId,
      decided_at: w.at,
    });
    m.also?.(w);
  });
  return reviewState(cf, inc.id);
}

function assertAssignable(cf: CaseFile, me: ActingProfile, assigneeId: string): void {
  const p = cf.db.prepare('SELECT name, role FROM people WHERE id = ?').get(assigneeId) as { name: string; role: string } | undefined;
  if (!p) throw new HandlerError('invalid_input', 'The reviewer chosen is not a person in this case file.', [{ path: 'assigneeId', message: 'Unknown person' }]);
  if (p.role === 'investigator') {
    throw new HandlerError('invalid_input', `${p.name} is an investigator; send it to a reviewer or an editor.`, [
      { path: 'assigneeId', message: 'Choose a reviewer or an editor' },
    ]);
  }
  if (assigneeId === me.id) {
    throw new HandlerError('invalid_input', 'You cannot review your own submission; choose someone else, or leave it for any reviewer.', [
      { path: 'assigneeId', message: 'Choose someone else' },
    ]);
  }
}

export function submitForReview(cf: CaseFile, input: ChannelParsedInput<'workflow:submit'>): ReviewState {
  const inc = loadWorkflowRow(cf, input.id);
  const me = requirePermission(cf, inc, 'submit');
  if (input.assigneeId) assertAssignable(cf, me, input.assigneeId);
  const comment = blankToNull(input.comment);
  return move(cf, inc, me, {
    event: 'submit',
    to: 'in_review',
    comment,
    assigneeId: input.assigneeId,
    reason: comment ? `Sent for review: ${comment}` : 'Sent for review',
  });
}

export function decideReview(cf: CaseFile, input: ChannelParsedInput<'review:decide'>): ReviewState {
  const inc = loadWorkflowRow(cf, input.id);
  const comment = blankToNull(input.comment);
  if (input.decision === 'request_changes') {
    const me = requirePermission(cf, inc, 'requestChanges');
    // Back to whoever sent it, so it is in their list of returned incidents.
    const submitter = lastSubmitter(cf, inc.id);
    return move(cf, inc, me, {
      event: 'request_changes',
      to: 'draft',
      comment,
      assigneeId: submitter?.id ?? inc.assignee_id,
      reason: `Changes requested: ${comment}`,
    });
  }
  const me = requirePermission(cf, inc, 'approve');
  const label = inc.grade ? GRADE_LABELS[inc.grade as keyof typeof GRADE_LABELS] : '';
  return move(cf, inc, me, {
    event: 'approve',
    to: 'graded',
    comment,
    reason: comment ? `Approved as ${label}: ${comment}` : `Approved as ${label}`,
  });
}

export function gradeIncident(cf: CaseFile, input: ChannelParsedInput<'grading:grade'>): ReviewState {
  const inc = loadWorkflowRow(cf, input.id);
  const me = requirePermission(cf, inc, 'grade');
  const { evidence, suggestion } = suggestionFor(cf, inc.id);
  const differs = differsFromSuggestion(input.grade, suggestion);
  const rationale = input.rationale.trim();
  const label = GRADE_LABELS[input.grade];
  return move(cf, inc, me, {
    event: 'grade',
    to: 'graded',
    comment: rationale,
    reason: `Graded ${label}${differs ? ` (suggested: ${GRADE_LABELS[suggestion.grade!]})` : ''}: ${rationale}`,
    patch: { grade: input.grade, grade_rationale: rationale },
    also: (w) => {
      w.insert('grade_history', {
        id: randomUUID(),
        incident_id: inc.id,
        grade: input.grade,
        rationale,
        suggested_grade: suggestion.grade,
        suggestion_basis: suggestion.basis,
        suggestion_reasons_json: JSON.stringify(suggestion.reasons),
        differs_from_suggestion: suggestion.grade === null ? null : differs ? 1 : 0,
        evidence_json: JSON.stringify(evidence),
        graded_by: me.name,
        graded_by_id: me.id,
        graded_at: w.at,
      });
    },
  });
}

export function publishIncident(cf: CaseFile, input: ChannelParsedInput<'workflow:publish'>): ReviewState {
  const inc = loadWorkflowRow(cf, input.id);
  const me = requirePermission(cf, inc, 'publish');
  const comment = blankToNull(input.comment);
  return move(cf, inc, me, { event: 'publish', to: 'published', comment, reason: comment ? `Published: ${comment}` : 'Published' });
}

export function reopenIncident(cf: CaseFile, input: ChannelParsedInput<'workflow:reopen'>): ReviewState {
  const inc = loadWorkflowRow(cf, input.id);
  const me = requirePermission(cf, inc, 'reopen');
  const reason = input.reason.trim();
  return move(cf, inc, me, { event: 'reopen', to: 'draft', comment: reason, reason: `Reopened: ${reason}` });
}
