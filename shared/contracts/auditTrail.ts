/** The whole case's audit trail, readable: paged, filtered by who and what, with signers. */
import { z } from 'zod';
import { auditEntrySchema } from '../schemas';

export const signedAuditEntrySchema = auditEntrySchema.extend({
  /** The person whose key signed the entry, or null when it was written without a profile. */
  signerId: z.string().nullable(),
  signerName: z.string().nullable(),
});
export type SignedAuditEntry = z.output<typeof signedAuditEntrySchema>;

export const auditTrailContract = {
  'audit:search': {
    input: z
      .object({
        /** An incident's id: its own entries and those of the rows that hang off it. */
        entityId: z.string().min(1).optional(),
        actor: z.string().trim().min(1).max(200).optional(),
        /** A table name, e.g. incidents, grade_history, review_decisions, people. */
        entity: z.string().trim().min(1).max(100).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      entries: z.array(signedAuditEntrySchema),
      /** Every actor and entity in the trail, for the filters. */
      actors: z.array(z.string()),
      entities: z.array(z.string()),
    }),
  },
} as const;
