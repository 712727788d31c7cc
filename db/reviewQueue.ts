/**
 * "My reviews": the lists of incidents waiting on the current profile.
 *   toReview   ready for review, assigned to me or to nobody (reviewers and editors)
 *   returned   drafts sent back to me with changes requested
 *   submitted  what I sent for review that still waits on someone else
 *   toPublish  graded incidents waiting to be published (editors)
 * Each row carries the workflow event that put it there (who, when, the comment).
 */
import type { ChannelOutput } from '../shared/contract';
import type { QueueRow, WorkflowEventEntry } from '../shared/contracts/review';
import type { Grade, WorkflowStatus } from '../shared/domain';
import type { CaseFile } from './casefile';

/** Enough for any real queue; the page says when a list is cut short. */
export const QUEUE_LIMIT = 500;

interface Raw {
  id: string;
  code: string;
  date_start: string | null;
  place_en: string | null;
  place_ar: string | null;
  status: WorkflowStatus;
  grade: Grade | null;
  killed_min: number | null;
  killed_max: number | null;
  assignee_name: string | null;
  ev_id: string | null;
  ev_decision: WorkflowEventEntry['decision'] | null;
  ev_comment: string | null;
  ev_by: string | null;
  ev_by_id: string | null;
  ev_at: string | null;
  ev_from: WorkflowStatus | null;
  ev_to: WorkflowStatus | null;
  flagged: number | null;
}

/** Incidents with their latest workflow event and whether their latest grade is flagged. */
const SELECT = `
  SELECT i.id, i.code, i.date_start, i.place_en, i.place_ar, i.status, i.grade, i.killed_min, i.killed_max,
         p.name AS assignee_name,
         e.id AS ev_id, e.decision AS ev_decision, e.comment AS ev_comment, e.reviewer AS ev_by,
         e.reviewer_id AS ev_by_id, e.decided_at AS ev_at, e.from_status AS ev_from, e.to_status AS ev_to,
         (SELECT g.differs_from_suggestion FROM grade_history g WHERE g.incident_id = i.id
           ORDER BY g.graded_at DESC, g.rowid DESC LIMIT 1) AS flagged
  FROM incidents i
  LEFT JOIN people p ON p.id = i.assignee_id
  LEFT JOIN review_decisions e ON e.rowid = (
    SELECT d.rowid FROM review_decisions d WHERE d.incident_id = i.id ORDER BY d.decided_at DESC, d.rowid DESC LIMIT 1)`;

function toRow(r: Raw): QueueRow {
  return {
    id: r.id,
    code: r.code,
    dateStart: r.date_start,
    placeEn: r.place_en,
    placeAr: r.place_ar,
    status: r.status,
    grade: r.grade,
    killed: { min: r.killed_min, max: r.killed_max },
    assigneeName: r.assignee_name,
    lastEvent:
      r.ev_id && r.ev_decision && r.ev_at
        ? {
            id: r.ev_id,
            decision: r.ev_decision,
            comment: r.ev_comment,
            by: { id: r.ev_by_id, name: r.ev_by ?? '' },
            at: r.ev_at,
            fromStatus: r.ev_from,
            toStatus: r.ev_to,
          }
        : null,
    flagged: r.flagged === 1,
  };
}

export function reviewQueue(cf: CaseFile): ChannelOutput<'review:queue'> {
  const me = cf.profile;
  const empty = { toReview: [], returned: [], submitted: [], toPublish: [] };
  if (!me) return empty;
  const list = (where: string, order = 'e.decided_at') =>
    (cf.db.prepare(`${SELECT} WHERE ${where} ORDER BY ${order}, i.code LIMIT ${QUEUE_LIMIT}`).all({ me: me.id }) as Raw[]).map(toRow);
  const reviews = me.role === 'reviewer' || me.role === 'editor';
  return {
    toReview: reviews ? list(`i.status = 'in_review' AND (i.assignee_id = @me OR i.assignee_id IS NULL)`) : [],
    returned: list(`i.status = 'draft' AND i.assignee_id = @me AND e.decision = 'request_changes'`),
    submitted: list(
      `i.status = 'in_review' AND (SELECT d.reviewer_id FROM review_decisions d WHERE d.incident_id = i.id AND d.decision = 'submit'
         ORDER BY d.decided_at DESC, d.rowid DESC LIMIT 1) = @me`,
    ),
    toPublish: me.role === 'editor' ? list(`i.status = 'graded'`) : [],
  };
}
