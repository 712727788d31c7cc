/**
 * Who may move an incident through the workflow, and when:
 *
 *   draft ──submit──▶ in_review ──grade / approve──▶ graded ──publish──▶ published
 *     ▲                   │                             │                    │
 *     └─request changes───┘                             └──────reopen────────┘ (back to draft)
 *
 *   submit           anyone with a profile; optional assignee: a reviewer or editor, not oneself
 *   request changes  a reviewer, not the person who submitted it; a comment is required
 *   approve          a reviewer, not the submitter, when the incident already has a grade
 *   grade            a reviewer or editor, not the submitter; grade and rationale required
 *   publish          an editor
 *   reopen           a reviewer or editor, with a reason; the grade and its history are kept
 *
 * Graded and published incidents are locked: edits are refused until they are reopened.
 * One table of rules serves both the refusals and the panel's "why not" hints.
 */
import type { Role, WorkflowStatus } from '../shared/domain';
import { WORKFLOW_LABELS } from '../shared/domain';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import type { ActingProfile } from './identity';

export type WorkflowAction = 'submit' | 'approve' | 'requestChanges' | 'grade' | 'publish' | 'reopen';

export interface Permission {
  allowed: boolean;
  why: string | null;
}

export interface IncidentWorkflowRow {
  id: string;
  code: string;
  status: WorkflowStatus;
  grade: string | null;
  assignee_id: string | null;
}

export const LOCKED_STATUSES: readonly WorkflowStatus[] = ['graded', 'published'];

interface Rule {
  from: readonly WorkflowStatus[];
  roles: readonly Role[] | 'any';
  /** The person who sent it for review may not take this action: a second person must. */
  secondPerson: boolean;
  what: string;
}

const RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft'], roles: 'any', secondPerson: false, what: 'send it for review' },
  requestChanges: { from: ['in_review'], roles: ['reviewer'], secondPerson: true, what: 'request changes' },
  approve: { from: ['in_review'], roles: ['reviewer'], secondPerson: true, what: 'approve it' },
  grade: { from: ['in_review'], roles: ['reviewer', 'editor'], secondPerson: true, what: 'grade it' },
  publish: { from: ['graded'], roles: ['editor'], secondPerson: false, what: 'publish it' },
  reopen: { from: ['graded', 'published'], roles: ['reviewer', 'editor'], secondPerson: false, what: 'reopen it' },
};

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const roleList = (roles: readonly Role[]) =>
  article(roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`);

const statusList = (statuses: readonly WorkflowStatus[]) => statuses.map((s) => WORKFLOW_LABELS[s].toLowerCase()).join(' or ');

/** The person who most recently sent this incident for review. */
export function lastSubmitter(cf: CaseFile, incidentId: string): { id: string | null; name: string } | null {
  const row = cf.db
    .prepare(
      `SELECT reviewer_id AS id, reviewer AS name FROM review_decisions
       WHERE incident_id = ? AND decision = 'submit' ORDER BY decided_at DESC, rowid DESC LIMIT 1`,
    )
    .get(incidentId) as { id: string | null; name: string } | undefined;
  return row ?? null;
}

export function permission(cf: CaseFile, inc: IncidentWorkflowRow, action: WorkflowAction): Permission {
  const rule = RULES[action];
  const no = (why: string): Permission => ({ allowed: false, why });
  const me: ActingProfile | null | undefined = cf.profile;
  if (!me) return no(`Choose or create your profile to ${rule.what}: who you are decides what you may do, and signs the record.`);
  if (!rule.from.includes(inc.status)) {
    return no(`${inc.code} is ${WORKFLOW_LABELS[inc.status].toLowerCase()}; only an incident that is ${statusList(rule.from)} can be sent on this way.`);
  }
  if (rule.roles !== 'any' && !rule.roles.includes(me.role)) {
    return no(`Only ${roleList(rule.roles)} can ${rule.what}; you are signed in as ${me.name}, ${article(me.role)}.`);
  }
  if (rule.secondPerson) {
    const submitter = lastSubmitter(cf, inc.id);
    if (submitter?.id === me.id) return no(`You sent ${inc.code} for review, so a second person must ${rule.what}.`);
  }
  if (action === 'approve' && inc.grade === null) return no(`${inc.code} has no grade yet: grade it, with a rationale, to approve it.`);
  return { allowed: true, why: null };
}

/** Throw the rule's own explanation when the action is not allowed; return the actor's profile. */
export function requirePermission(cf: CaseFile, inc: IncidentWorkflowRow, action: WorkflowAction): ActingProfile {
  const p = permission(cf, inc, action);
  if (!p.allowed || !cf.profile) throw new HandlerError('refused', `${p.why ?? 'Not allowed.'} Nothing was changed.`);
  return cf.profile;
}

export function loadWorkflowRow(cf: CaseFile, id: string): IncidentWorkflowRow {
  const row = cf.db.prepare('SELECT id, code, status, grade, assignee_id FROM incidents WHERE id = ?').get(id) as
    | IncidentWorkflowRow
    | undefined;
  if (!row) throw new HandlerError('not_found', `No incident with id ${id} in this case file.`);
  return row;
}

/** Refuse edits to a graded or published incident: it is locked until reopened. */
export function assertEditable(cf: CaseFile, incidentId: string): void {
  const row = cf.db.prepare('SELECT code, status FROM incidents WHERE id = ?').get(incidentId) as
    | { code: string; status: WorkflowStatus }
    | undefined;
  if (row && LOCKED_STATUSES.includes(row.status)) {
    throw new HandlerError(
      'refused',
      `${row.code} is ${WORKFLOW_LABELS[row.status].toLowerCase()} and locked against edits. A reviewer or editor can reopen it (with a reason, which is recorded); nothing was saved.`,
    );
  }
}

/**
 * An edit may not change what the workflow owns: the status and the grade move only through
 * the review actions, so every grade is given by a reviewer and kept in the grade history.
 * (The rationale's wording may be corrected in a draft; each grade's own "why" stays in its
 * history entry, and the edit is in the audit trail.)
 */
export function assertWorkflowFieldsUnchanged(
  cf: CaseFile,
  incidentId: string,
  next: { status: WorkflowStatus; grade: string | null },
): void {
  const row = cf.db.prepare('SELECT code, status, grade FROM incidents WHERE id = ?').get(incidentId) as
    | { code: string; status: WorkflowStatus; grade: string | null }
    | undefined;
  if (!row) return;
  const issues: { path: string; message: string }[] = [];
  if (next.status !== row.status) {
    issues.push({ path: 'status', message: 'The status changes only through the review workflow (send for review, approve, publish, reopen)' });
  }
  if ((next.grade ?? null) !== row.grade) {
    issues.push({ path: 'grade', message: 'A grade is given in the grading panel by a reviewer, with its rationale, and kept in the grade history' });
  }
  if (issues.length > 0) {
    throw new HandlerError('refused', `${row.code}: ${issues.map((i) => i.message).join('; ')}. Nothing was saved.`, issues);
  }
}
