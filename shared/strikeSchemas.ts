/**
 * Zod schemas of strike reports (what a belligerent declared) and their matches to incidents.
 * Shared by the handlers and the renderer's forms (react-hook-form resolvers).
 */
import { z } from 'zod';
import { MATCH_DECISIONS } from './domain';
import { isoDate, optText } from './schemas';
import { optUrl } from './workbenchSchemas';

const optDate = z
  .string()
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
  .pipe(isoDate.nullable());

const optNumber = (min: number, max: number, what: string) =>
  z
    .number({ message: `${what} must be a number` })
    .min(min, { message: `${what} is between ${min} and ${max}` })
    .max(max, { message: `${what} is between ${min} and ${max}` })
    .nullable();

/** A strike report as a person enters it. An MGRS grid, when given, is checked and converted by the handler. */
export const strikeReportInputSchema = z
  .object({
    belligerent: optText(200),
    date: optDate,
    placeText: optText(500),
    mgrs: optText(40),
    latitude: optNumber(-90, 90, 'Latitude'),
    longitude: optNumber(-180, 180, 'Longitude'),
    target: optText(500),
    text: optText(20_000),
    url: optUrl,
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.latitude === null) !== (r.longitude === null)) {
      ctx.addIssue({ code: 'custom', path: [r.latitude === null ? 'latitude' : 'longitude'], message: 'Give both latitude and longitude, or neither' });
    }
    if (!r.date && !r.text && !r.placeText && !r.mgrs && r.latitude === null && !r.url) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'A strike report needs at least a date, a place, a text or an address' });
    }
  });
export type StrikeReportInput = z.input<typeof strikeReportInputSchema>;
export type StrikeReportValues = z.output<typeof strikeReportInputSchema>;

export const strikeReportSchema = z.object({
  id: z.string(),
  belligerent: z.string().nullable(),
  date: z.string().nullable(),
  placeText: z.string().nullable(),
  mgrs: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  target: z.string().nullable(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  /** Where it came from: "entered by hand", "strike log FILE line N", "Airwars archive". */
  origin: z.string(),
  createdAt: z.string(),
  /** Incidents it is attached to: by a belligerent's assessment, or by an accepted match. */
  incidents: z.array(z.object({ id: z.string(), code: z.string(), via: z.enum(['assessment', 'match']) })),
  pendingMatches: z.number().int(),
});
export type StrikeReport = z.infer<typeof strikeReportSchema>;

export const strikeMatchSchema = z.object({
  strikeReportId: z.string(),
  incidentId: z.string(),
  incidentCode: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  decision: z.enum(MATCH_DECISIONS),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type StrikeMatch = z.infer<typeof strikeMatchSchema>;

export const STRIKE_CSV_FIELDS = ['date', 'placeText', 'mgrs', 'latitude', 'longitude', 'target', 'text', 'url', 'belligerent'] as const;
export type StrikeCsvField = (typeof STRIKE_CSV_FIELDS)[number];

export const strikeCsvProblemSchema = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });
