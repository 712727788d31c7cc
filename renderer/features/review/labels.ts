import type { WorkflowEvent } from '../../../shared/contracts/review';
import type { WorkflowStatus } from '../../../shared/domain';

export const EVENT_LABELS: Record<WorkflowEvent, string> = {
  submit: 'Sent for review',
  approve: 'Approved',
  request_changes: 'Changes requested',
  grade: 'Graded',
  publish: 'Published',
  reopen: 'Reopened',
};

/** Which actions belong to which status: the panel explains a refusal only where it applies. */
export const ACTIONS_BY_STATUS: Record<WorkflowStatus, readonly string[]> = {
  draft: ['submit'],
  in_review: ['grade', 'approve', 'requestChanges'],
  graded: ['publish', 'reopen'],
  published: ['reopen'],
};
