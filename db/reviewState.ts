/**
 * The grading panel's state for one incident: its status and grade, the suggested grade with
 * its reasons and the evidence behind it, every grade it was ever given, its workflow thread,
 * and what the current profile may do next (with the reason when not).
 */
import type { ChannelParsedInput } from '../shared/contract';
import type { GradeHistoryEntry, ReviewState, WorkflowEventEntry } from '../shared/contracts/review';
import type { Grade, WorkflowStatus } from '../shared/domain';
import type { CaseFile } from './casefile';
import { suggestionFor } from './gradeEvidence';
import { LOCKED_STATUSES, lastSubmitter, loadWorkflowRow, permission } from './workflowRules';

interface HistoryRow {
  id: string;
  grade: Grade | null;
  rationale: string | null;
  suggested_grade: Grade | null;
  differs_from_suggestion: number | null;
  suggestion_reasons_json: string | null;
  graded_by: string;
  graded_by_id: string | null;
  graded_at: string;
}

interface EventRow {
  id: string;
  decision: WorkflowEventEntry['decision'];
  comment: string | null;
  reviewer: string;
  reviewer_id: string | null;
  decided_at: string;
  from_status: WorkflowStatus | null;
  to_status: WorkflowStatus | null;
}

function reasonsOf(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function gradeHistory(cf: CaseFile, incidentId: string): GradeHistoryEntry[] {
  const rows = cf.db
    .prepare('SELECT * FROM grade_history WHERE incident_id = ? ORDER BY graded_at, rowid')
    .all(incidentId) as HistoryRow[];
  return rows.map((r) => ({
    id: r.id,
    grade: r.grade,
    rationale: r.rationale,
    suggestedGrade: r.suggested_grade,
    differsFromSuggestion: r.differs_from_suggestion === null ? null : r.differs_from_suggestion === 1,
    suggestionReasons: reasonsOf(r.suggestion_reasons_json),
    gradedBy: { id: r.graded_by_id, name: r.graded_by },
    gradedAt: r.graded_at,
  }));
}

export function workflowEvents(cf: CaseFile, incidentId: string): WorkflowEventEntry[] {
  const rows = cf.db
    .prepare('SELECT * FROM review_decisions WHERE incident_id = ? ORDER BY decided_at, rowid')
    .all(incidentId) as EventRow[];
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    comment: r.comment,
    by: { id: r.reviewer_id, name: r.reviewer },
    at: r.decided_at,
    fromStatus: r.from_status,
    toStatus: r.to_status,
  }));
}

export function reviewState(cf: CaseFile, incidentId: string): ReviewState {
  const inc = loadWorkflowRow(cf, incidentId);
  const extra = cf.db
    .prepare('SELECT i.grade_rationale, p.id AS assignee_id, p.name AS assignee_name FROM incidents i LEFT JOIN people p ON p.id = i.assignee_id WHERE i.id = ?')
    .get(incidentId) as { grade_rationale: string | null; assignee_id: string | null; assignee_name: string | null };
  const { evidence, suggestion } = suggestionFor(cf, incidentId);
  const history = gradeHistory(cf, incidentId);
  const latest = history[history.length - 1];
  return {
    incidentId: inc.id,
    code: inc.code,
    status: inc.status,
    grade: inc.grade as Grade | null,
    gradeRationale: extra.grade_rationale,
    assignee: extra.assignee_id ? { id: extra.assignee_id, name: extra.assignee_name ?? '' } : null,
    submittedBy: lastSubmitter(cf, incidentId),
    locked: LOCKED_STATUSES.includes(inc.status),
    suggestion,
    evidence,
    flagged: latest?.differsFromSuggestion === true && latest.grade === inc.grade,
    history,
    events: workflowEvents(cf, incidentId),
    actions: {
      submit: permission(cf, inc, 'submit'),
      approve: permission(cf, inc, 'approve'),
      requestChanges: permission(cf, inc, 'requestChanges'),
      grade: permission(cf, inc, 'grade'),
      publish: permission(cf, inc, 'publish'),
      reopen: permission(cf, inc, 'reopen'),
    },
  };
}

export function getReviewState(cf: CaseFile, input: ChannelParsedInput<'review:get'>): ReviewState {
  return reviewState(cf, input.id);
}
