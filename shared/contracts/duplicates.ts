/**
 * Channels of duplicate incidents (issue 7 item 3): the suggested pairs with their reasons, a
 * person's decision on a pair, and merging two incidents into one (field by field) with undo.
 */
import { z } from 'zod';
import { CASUALTY_FIELDS } from '../casualty';
import { GEO_PRECISIONS, GRADES, WORKFLOW_STATUSES } from '../domain';
import { maybeRangeSchema } from '../schemas';

/** The fields a merge chooses between, each taken whole from one side (a range min and max together). */
export const MERGE_FIELDS = [
  'date',
  'placeEn',
  'placeAr',
  'district',
  'governorate',
  'country',
  'location',
  'strikeType',
  'strikeStatus',
  ...CASUALTY_FIELDS,
  'combatantsKilled',
  'combatantsInjured',
  'causeOfDeath',
  'infrastructure',
  'summary',
  'internalNotes',
  'assignee',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const PAIR_DECISIONS = ['pending', 'not_duplicate', 'merged'] as const;
const idField = (what: string) => z.string().min(1, { message: `${what} is required` });

export const pairSideSchema = z.object({
  id: z.string(),
  code: z.string(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  placeEn: z.string().nullable(),
  placeAr: z.string().nullable(),
  governorate: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geoPrecision: z.enum(GEO_PRECISIONS).nullable(),
  killed: maybeRangeSchema,
  status: z.enum(WORKFLOW_STATUSES),
  grade: z.enum(GRADES).nullable(),
  sources: z.number().int(),
  victims: z.number().int(),
});
export type PairSide = z.infer<typeof pairSideSchema>;

export const pairReasonSchema = z.object({ kind: z.string(), text: z.string(), weight: z.number() });

export const duplicatePairSchema = z.object({
  a: pairSideSchema,
  b: pairSideSchema,
  score: z.number(),
  reasons: z.array(pairReasonSchema),
  decision: z.enum(PAIR_DECISIONS),
  note: z.string().nullable(),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

const movesSchema = z.object({
  sources: z.number().int(),
  captures: z.number().int(),
  victims: z.number().int(),
  belligerents: z.number().int(),
  strikeMatches: z.number().int(),
  webLinks: z.number().int(),
  incidentLinks: z.number().int(),
  codes: z.number().int(),
});
export type MergeMoves = z.infer<typeof movesSchema>;

export const mergeRecordSchema = z.object({
  id: z.string(),
  survivorId: z.string(),
  survivorCode: z.string(),
  absorbedId: z.string(),
  absorbedCode: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string(),
  moves: movesSchema,
});

export const duplicatesContract = {
  'duplicates:compute': {
    input: z.object({}).strict(),
    output: z.object({ incidents: z.number().int(), candidates: z.number().int(), pairs: z.number().int(), millis: z.number() }),
  },
  'duplicates:list': {
    input: z
      .object({
        decision: z.enum([...PAIR_DECISIONS, 'all']).default('pending'),
        incidentId: z.string().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({ total: z.number().int(), computedAt: z.string().nullable(), rows: z.array(duplicatePairSchema) }),
  },
  'duplicates:decide': {
    input: z
      .object({
        incidentA: idField('The first incident'),
        incidentB: idField('The second incident'),
        decision: z.enum(['not_duplicate', 'pending']),
        note: z.string().max(2000).optional(),
      })
      .strict(),
    output: z.object({ decision: z.enum(PAIR_DECISIONS) }),
  },
  'duplicates:mergePreview': {
    input: z.object({ survivorId: idField('The surviving incident'), absorbedId: idField('The incident to absorb') }).strict(),
    output: z.object({
      survivor: pairSideSchema,
      absorbed: pairSideSchema,
      fields: z.array(
        z.object({
          field: z.enum(MERGE_FIELDS),
          survivor: z.string().nullable(),
          absorbed: z.string().nullable(),
          pick: z.enum(['survivor', 'absorbed']),
        }),
      ),
      moves: movesSchema,
      /** Why the merge would be refused (a locked incident), or null. */
      refusal: z.string().nullable(),
    }),
  },
  'duplicates:merge': {
    input: z
      .object({
        survivorId: idField('The surviving incident'),
        absorbedId: idField('The incident to absorb'),
        picks: z.partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'absorbed'])).default({}),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
    output: mergeRecordSchema,
  },
  'duplicates:undoMerge': {
    input: z.object({ mergeId: idField('The merge'), reason: z.string().max(2000).optional() }).strict(),
    output: z.object({ survivorId: z.string(), absorbedId: z.string(), absorbedCode: z.string(), restoredEntries: z.number().int() }),
  },
  'duplicates:merges': {
    input: z.object({ incidentId: z.string().optional() }).strict(),
    output: z.object({ rows: z.array(mergeRecordSchema) }),
  },
} as const;
