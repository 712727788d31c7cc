/**
 * The vocabulary of the domain (DESIGN.md): grades, positions, precisions, workflow.
 * Pure data; imported by every side.
 */

export const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  confirmed: 'Confirmed',
  fair: 'Fair',
  weak: 'Weak',
  contested: 'Contested',
  discounted: 'Discounted',
};

/** Airwars' grade definitions, as DESIGN.md gives them. */
export const GRADE_DEFINITIONS: Record<Grade, string> = {
  confirmed: 'A specific belligerent has accepted responsibility for civilian harm.',
  fair: 'Reported by two or more credible sources, with likely or confirmed near actions by a belligerent.',
  weak: 'Single-source claim, though sometimes featuring significant information.',
  contested:
    'Competing claims of responsibility, e.g. multiple belligerents, or casualties also attributed to ground forces.',
  discounted: 'Those killed were combatants, or other parties most likely responsible.',
};

/** The grades summed into the published headline. */
export const HEADLINE_GRADES: readonly Grade[] = ['confirmed', 'fair'];

export const WORKFLOW_STATUSES = ['draft', 'in_review', 'graded', 'published'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
export const WORKFLOW_LABELS: Record<WorkflowStatus, string> = {
  draft: 'Draft',
  in_review: 'Ready for review',
  graded: 'Graded',
  published: 'Published',
};

export const BELLIGERENT_POSITIONS = [
  'not_yet_assessed',
  'non_credible',
  'credible',
  'duplicate',
  'open',
] as const;
export type BelligerentPosition = (typeof BELLIGERENT_POSITIONS)[number];

export const INVOLVEMENTS = ['known', 'suspected'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

export const GEO_PRECISIONS = [
  'exact',
  'within_100m',
  'street',
  'landmark',
  'neighbourhood',
  'village',
  'town',
  'city',
  'subdistrict',
  'governorate',
  'unknown',
] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export const DATE_PRECISIONS = ['day', 'range', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const STRIKE_STATUSES = ['declared', 'likely', 'contested', 'single_source'] as const;
export type StrikeStatus = (typeof STRIKE_STATUSES)[number];

export const SOURCE_KINDS = [
  'local_media',
  'social_media',
  'ngo_report',
  'belligerent_statement',
  'witness_interview',
  'imagery',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ROLES = ['investigator', 'reviewer', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const AGE_GROUPS = ['child', 'adult', 'elderly', 'unknown'] as const;
export const HARMS = ['killed', 'injured'] as const;

export const INCIDENT_LINK_KINDS = ['duplicate_of', 'same_event', 'related'] as const;
export const MATCH_DECISIONS = ['pending', 'accepted', 'rejected'] as const;
export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reopen'] as const;
