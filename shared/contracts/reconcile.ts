/**
 * Channels of cross-referencing within the case: which sources repeat another (reposts, wire
 * copies) and which victim records are the same person.
 */
import { z } from 'zod';

const id = (what: string) => z.string().min(1, { message: `${what} is required` });
const reason = z.string().max(2000).optional();

export const REPEAT_REASONS = ['capture', 'url', 'archive_url', 'excerpt'] as const;

export const sourceRefSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  kind: z.string(),
  url: z.string().nullable(),
  publishedDate: z.string().nullable(),
  /** Codes of the incidents it supports. */
  incidentCodes: z.array(z.string()),
});
export type SourceRef = z.output<typeof sourceRefSchema>;

export const repeatSuggestionSchema = z.object({
  /** The later of the two: the likely repeat. */
  repeat: sourceRefSchema,
  /** The earlier (published first, else logged first): the likely original. */
  original: sourceRefSchema,
  reasons: z.array(z.object({ kind: z.enum(REPEAT_REASONS), text: z.string() })),
  /** Excerpt similarity (Jaccard of word 3-shingles), when that is a reason. */
  similarity: z.number().nullable(),
});
export type RepeatSuggestion = z.output<typeof repeatSuggestionSchema>;

export const sourceIndependenceSchema = z.object({
  source: sourceRefSchema,
  /** The source this one repeats, as marked. */
  repeats: sourceRefSchema.nullable(),
  /** Where the chain of repeats ends (the original everything here copies); null when independent. */
  original: sourceRefSchema.nullable(),
  /** Sources marked as repeating this one. */
  repeatedBy: z.array(sourceRefSchema),
  /** Likely repeats involving this source, not yet decided or dismissed. */
  suggestions: z.array(repeatSuggestionSchema),
});
export type SourceIndependence = z.output<typeof sourceIndependenceSchema>;

export const victimRefSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  incidentCode: z.string(),
  incidentDate: z.string().nullable(),
  place: z.string().nullable(),
  nameLatin: z.string().nullable(),
  nameLocal: z.string().nullable(),
  gender: z.string().nullable(),
  age: z.number().nullable(),
  ageGroup: z.string().nullable(),
  harm: z.string().nullable(),
  familyGroup: z.string().nullable(),
  reconciliationId: z.string().nullable(),
});
export type VictimRef = z.output<typeof victimRefSchema>;

export const victimPairSchema = z.object({
  a: victimRefSchema,
  b: victimRefSchema,
  /** 0–1, higher is likelier. */
  score: z.number(),
  reasons: z.array(z.string()),
});
export type VictimPair = z.output<typeof victimPairSchema>;

export const victimGroupSchema = z.object({
  reconciliationId: z.string(),
  members: z.array(victimRefSchema),
});
export type VictimGroup = z.output<typeof victimGroupSchema>;

export const reconcileContract = {
  'sources:independence': {
    input: z.object({ id: id('A source id') }).strict(),
    output: sourceIndependenceSchema,
  },
  'sources:markRepeat': {
    input: z.object({ sourceId: id('The repeating source'), originalId: id('The original source'), reason }).strict(),
    output: sourceIndependenceSchema,
  },
  'sources:unmarkRepeat': {
    input: z.object({ sourceId: id('A source id'), reason }).strict(),
    output: sourceIndependenceSchema,
  },
  'sources:dismissRepeat': {
    input: z.object({ sourceId: id('A source id'), otherId: id('The other source'), reason }).strict(),
    output: sourceIndependenceSchema,
  },
  'sources:findOriginal': {
    input: z.object({ query: z.string().max(200), excludeId: z.string().optional() }).strict(),
    output: z.object({ sources: z.array(sourceRefSchema) }),
  },
  'victims:reconcileQueue': {
    input: z
      .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ total: z.number().int(), pairs: z.array(victimPairSchema) }),
  },
  'victims:reconcile': {
    input: z.object({ victimIds: z.tuple([id('A victim id'), id('A victim id')]), reason }).strict(),
    output: victimGroupSchema,
  },
  'victims:dismissPair': {
    input: z.object({ victimIds: z.tuple([id('A victim id'), id('A victim id')]), reason }).strict(),
    output: z.object({ dismissed: z.boolean() }),
  },
  'victims:unlink': {
    input: z.object({ victimId: id('A victim id'), reason }).strict(),
    output: z.object({ victim: victimRefSchema }),
  },
  'victims:groups': {
    input: z.object({ incidentId: id('An incident id') }).strict(),
    output: z.object({ groups: z.array(victimGroupSchema) }),
  },
} as const;
