import type { Role } from '../../../shared/domain';

export const ROLE_LABELS: Record<Role, string> = {
  investigator: 'Investigator',
  reviewer: 'Reviewer',
  editor: 'Editor',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  investigator: 'Logs incidents, sources and victims, and sends incidents for review.',
  reviewer: 'Works the review queue: grades with a written rationale, approves or requests changes.',
  editor: 'Grades too, and publishes graded incidents; can reopen them.',
};
