/**
 * Strike reports and strike matching: the channels. Spread into the one contract in
 * shared/contract.ts; their names are listed in shared/channels.ts.
 */
import { z } from 'zod';
import { isoDate } from '../schemas';
import {
  STRIKE_CSV_FIELDS,
  strikeCsvProblemSchema,
  strikeMatchSchema,
  strikeReportInputSchema,
  strikeReportSchema,
} from '../strikeSchemas';

const id = (what: string) => z.string().min(1, { message: `Say which ${what}` });
const reason = z.string().max(2000).optional();

export const strikesContract = {
  'strikes:list': {
    input: z
      .object({
        /** Words of the place, target or text. */
        query: z.string().max(200).optional(),
        belligerent: z.string().max(200).optional(),
        dateFrom: isoDate.optional(),
        dateTo: isoDate.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(strikeReportSchema), belligerents: z.array(z.string()) }),
  },
  'strikes:get': {
    input: z.object({ id: id('strike report') }).strict(),
    output: strikeReportSchema,
  },
  'strikes:create': {
    input: z.object({ report: strikeReportInputSchema, reason }).strict(),
    output: strikeReportSchema,
  },
  'strikes:update': {
    input: z.object({ id: id('strike report'), report: strikeReportInputSchema, reason }).strict(),
    output: strikeReportSchema,
  },
  'strikes:delete': {
    input: z.object({ id: id('strike report'), reason }).strict(),
    output: z.object({ id: z.string(), removedMatches: z.number().int(), detachedAssessments: z.number().int() }),
  },
  'strikes:importCsv': {
    input: z
      .object({
        /** The CSV text of a belligerent's strike log. */
        csv: z.string().min(1, { message: 'The strike log is empty' }).max(50_000_000),
        /** Which column holds which field; guessed from the headers where not given. */
        mapping: z.partialRecord(z.enum(STRIKE_CSV_FIELDS), z.string().min(1)).optional(),
        /** The belligerent of every line that names none. */
        belligerent: z.string().max(200).optional(),
        fileName: z.string().max(500).optional(),
        /** Check and report without saving. */
        dryRun: z.boolean().default(false),
        /** Save the good lines even when some lines have problems (those are reported and left out). */
        skipBadLines: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      created: z.number().int(),
      /** Data lines read. */
      lines: z.number().int(),
      /** Lines identical to a strike report already in the case: not logged twice. */
      alreadyPresent: z.number().int(),
      mapping: z.record(z.string(), z.string()),
      problems: z.array(strikeCsvProblemSchema),
      saved: z.boolean(),
    }),
  },
  'strikeMatches:compute': {
    input: z.object({ incidentId: id('incident').optional() }).strict(),
    output: z.object({
      reports: z.number().int(),
      incidents: z.number().int(),
      candidates: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      /** Accepted or rejected matches left as decided. */
      kept: z.number().int(),
    }),
  },
  'strikeMatches:forIncident': {
    input: z.object({ incidentId: id('incident') }).strict(),
    output: z.object({ matches: z.array(strikeMatchSchema.extend({ report: strikeReportSchema })) }),
  },
  'strikeMatches:decide': {
    input: z
      .object({
        strikeReportId: id('strike report'),
        incidentId: id('incident'),
        decision: z.enum(['accepted', 'rejected', 'pending'], { message: 'Accept, reject, or set back to pending' }),
        reason,
      })
      .strict(),
    output: strikeMatchSchema,
  },
  'strikeMatches:queue': {
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({
      total: z.number().int(),
      rows: z.array(
        z.object({
          incidentId: z.string(),
          code: z.string(),
          date: z.string().nullable(),
          place: z.string().nullable(),
          pending: z.number().int(),
          bestScore: z.number(),
        }),
      ),
    }),
  },
} as const;
