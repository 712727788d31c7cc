/**
 * Channels of grading and review: the workflow (draft → ready for review → graded →
 * published), the grading panel's state, the reviewer's queue.
 */
import { z } from 'zod';
import { BELLIGERENT_POSITIONS, GRADES, INVOLVEMENTS, STRIKE_STATUSES, WORKFLOW_STATUSES } from '../domain';
import { maybeRangeSchema } from '../schemas';

export const WORKFLOW_EVENTS = ['submit', 'approve', 'request_changes', 'grade', 'publish', 'reopen'] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

const id = z.string().min(1, { message: 'An incident id is required' });
const comment = (max = 5000) => z.string().max(max, { message: `At most ${max} characters` });

export const gradeEvidenceSchema = z.object({
  belligerents: z.array(
    z.object({
      name: z.string(),
      involvement: z.enum(INVOLVEMENTS),
      position: z.enum(BELLIGERENT_POSITIONS),
      concededKilled: maybeRangeSchema,
      concededInjured: maybeRangeSchema,
    }),
  ),
  independentSources: z.number().int(),
  sourcesLogged: z.number().int().optional(),
  repeatedSources: z.array(z.object({ source: z.string(), original: z.string() })).optional(),
  strikeStatus: z.enum(STRIKE_STATUSES).nullable(),
  acceptedStrikeMatches: z.number().int(),
  civiliansKilled: maybeRangeSchema,
  combatantsKilled: maybeRangeSchema,
  victimsKilled: z.number().int(),
  victimsContested: z.number().int(),
});

export const gradeSuggestionSchema = z.object({
  grade: z.enum(GRADES).nullable(),
  basis: z.enum(['admission', 'combatants', 'competing_claims', 'corroborated', 'single_source', 'insufficient']),
  reasons: z.array(z.string()),
});

const personRef = z.object({ id: z.string().nullable(), name: z.string() });

export const gradeHistoryEntrySchema = z.object({
  id: z.string(),
  grade: z.enum(GRADES).nullable(),
  rationale: z.string().nullable(),
  suggestedGrade: z.enum(GRADES).nullable(),
  /** null: recorded before suggestions were kept (or with no suggestion to compare). */
  differsFromSuggestion: z.boolean().nullable(),
  suggestionReasons: z.array(z.string()),
  gradedBy: personRef,
  gradedAt: z.string(),
});
export type GradeHistoryEntry = z.output<typeof gradeHistoryEntrySchema>;

export const workflowEventSchema = z.object({
  id: z.string(),
  decision: z.enum([...WORKFLOW_EVENTS]),
  comment: z.string().nullable(),
  by: personRef,
  at: z.string(),
  fromStatus: z.enum(WORKFLOW_STATUSES).nullable(),
  toStatus: z.enum(WORKFLOW_STATUSES).nullable(),
});
export type WorkflowEventEntry = z.output<typeof workflowEventSchema>;

/** Whether the current profile may take an action, and if not, why (in words a person acts on). */
const permission = z.object({ allowed: z.boolean(), why: z.string().nullable() });

export const reviewStateSchema = z.object({
  incidentId: z.string(),
  code: z.string(),
  status: z.enum(WORKFLOW_STATUSES),
  grade: z.enum(GRADES).nullable(),
  gradeRationale: z.string().nullable(),
  assignee: personRef.nullable(),
  /** Who sent it for review most recently (the reviewer must be someone else). */
  submittedBy: personRef.nullable(),
  /** Graded or published: edits are refused until it is reopened. */
  locked: z.boolean(),
  suggestion: gradeSuggestionSchema,
  evidence: gradeEvidenceSchema,
  /** The latest grade differs from what the evidence suggested when it was given. */
  flagged: z.boolean(),
  history: z.array(gradeHistoryEntrySchema),
  events: z.array(workflowEventSchema),
  actions: z.object({
    submit: permission,
    approve: permission,
    requestChanges: permission,
    grade: permission,
    publish: permission,
    reopen: permission,
  }),
});
export type ReviewState = z.output<typeof reviewStateSchema>;

export const queueRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  dateStart: z.string().nullable(),
  placeEn: z.string().nullable(),
  placeAr: z.string().nullable(),
  status: z.enum(WORKFLOW_STATUSES),
  grade: z.enum(GRADES).nullable(),
  killed: maybeRangeSchema,
  assigneeName: z.string().nullable(),
  /** The event that put it in this list: who, when, and what they wrote. */
  lastEvent: workflowEventSchema.nullable(),
  flagged: z.boolean(),
});
export type QueueRow = z.output<typeof queueRowSchema>;

export const reviewContract = {
  'review:get': {
    input: z.object({ id }).strict(),
    output: reviewStateSchema,
  },
  'review:queue': {
    input: z.object({}).strict(),
    output: z.object({
      /** Ready for review and assigned to me, or to nobody yet. */
      toReview: z.array(queueRowSchema),
      /** Sent back to me with changes requested. */
      returned: z.array(queueRowSchema),
      /** Waiting on someone else's review, sent by me. */
      submitted: z.array(queueRowSchema),
      /** Graded and waiting to be published (editors). */
      toPublish: z.array(queueRowSchema),
    }),
  },
  'workflow:submit': {
    input: z
      .object({ id, assigneeId: z.string().min(1).nullable().default(null), comment: comment().default('') })
      .strict(),
    output: reviewStateSchema,
  },
  'review:decide': {
    input: z
      .object({ id, decision: z.enum(['approve', 'request_changes']), comment: comment().default('') })
      .strict()
      .superRefine((v, ctx) => {
        if (v.decision === 'request_changes' && !v.comment.trim()) {
          ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what needs to change' });
        }
      }),
    output: reviewStateSchema,
  },
  'grading:grade': {
    input: z
      .object({
        id,
        grade: z.enum(GRADES, { message: 'Choose a grade' }),
        rationale: z.string().trim().min(1, { message: 'A grade needs a written rationale' }).max(10_000),
      })
      .strict(),
    output: reviewStateSchema,
  },
  'workflow:publish': {
    input: z.object({ id, comment: comment().default('') }).strict(),
    output: reviewStateSchema,
  },
  'workflow:reopen': {
    input: z.object({ id, reason: z.string().trim().min(1, { message: 'Say why it is reopened' }).max(5000) }).strict(),
    output: reviewStateSchema,
  },
} as const;
