/** Merging a colleague's bundle (issue 8; db/bundle/merge*.ts, docs/bundles.md). */
import { z } from 'zod';

/** A field's value as stored: text, a number, or empty. */
const value = z.union([z.string(), z.number(), z.null()]);

const bundleInput = {
  /** The bundle's bytes (a .zip), base64. */
  bundleBase64: z.string().min(1, { message: 'Choose a bundle (.zip) to merge' }),
  /** The file's name, for messages. */
  name: z.string().max(500).optional(),
};

export const mergeConflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  key: z.string(),
  label: z.string(),
  kind: z.enum(['fields', 'deleted_mine', 'deleted_theirs']),
  fields: z.array(z.object({ column: z.string(), base: value, mine: value, theirs: value })),
});
export type MergeConflictView = z.output<typeof mergeConflictSchema>;

const countsSchema = z.object({
  new: z.number().int(),
  theirs: z.number().int(),
  mine: z.number().int(),
  unchanged: z.number().int(),
  merged: z.number().int(),
  conflict: z.number().int(),
});

const fieldChoice = z.discriminatedUnion('pick', [
  z.object({ pick: z.literal('mine') }),
  z.object({ pick: z.literal('theirs') }),
  z.object({ pick: z.literal('edit'), value }),
]);

export const resolutionsSchema = z.record(
  z.string(),
  z.object({ record: z.enum(['mine', 'theirs']).optional(), fields: z.record(z.string(), fieldChoice).optional() }).strict(),
);
export type MergeResolutions = z.output<typeof resolutionsSchema>;

export const mergePlanSchema = z.object({
  bundle: z.object({
    sha256: z.string(),
    signer: z.string(),
    caseId: z.string(),
    caseTitle: z.string().nullable(),
    exportedAt: z.string(),
  }),
  counts: countsSchema,
  conflicts: z.array(mergeConflictSchema),
});
export type MergePlanView = z.output<typeof mergePlanSchema>;

export const mergeContract = {
  'merge:plan': {
    input: z.object(bundleInput).strict(),
    output: mergePlanSchema,
  },
  'merge:apply': {
    input: z.object({ ...bundleInput, resolutions: resolutionsSchema.default({}) }).strict(),
    output: z.object({
      counts: countsSchema,
      auditEntries: z.number().int(),
      reason: z.string().nullable(),
      written: z.object({ inserted: z.number().int(), updated: z.number().int(), deleted: z.number().int() }),
    }),
  },
} as const;
