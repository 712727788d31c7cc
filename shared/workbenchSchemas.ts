/**
 * Zod schemas of the investigator's workbench: sources, captures, victims, search. Shared by the
 * handlers (server-side validation) and the renderer's forms (react-hook-form resolvers), so a
 * field error reads the same on both sides.
 */
import { z } from 'zod';
import { AGE_GROUPS, GENDERS, HARMS, SOURCE_KINDS } from './domain';
import { isoDate, optText } from './schemas';

/** Files larger than this are refused, whichever transport carries them. */
export const MAX_CAPTURE_BYTES = 100 * 1024 * 1024;
/** The base64 length of a file of MAX_CAPTURE_BYTES. */
export const MAX_CAPTURE_BASE64 = Math.ceil(MAX_CAPTURE_BYTES / 3) * 4;

export function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An optional web address: blank is null; anything else must be a full http(s) URL. */
export const optUrl = z
  .string()
  .max(2000, { message: 'At most 2000 characters' })
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
  .refine((s) => s === null || isWebUrl(s), { message: 'Give the full web address, starting with http:// or https://' });

const optDate = z
  .string()
  .nullable()
  .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
  .pipe(isoDate.nullable());

export const sourceInputSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS, { message: 'Choose what kind of source this is' }),
    outlet: optText(300),
    author: optText(300),
    url: optUrl,
    archiveUrl: optUrl,
    language: optText(50),
    publishedDate: optDate,
    accessedDate: optDate,
    title: optText(1000),
    excerptOriginal: optText(50_000),
    excerptTranslation: optText(50_000),
    credibilityNotes: optText(),
    sensitivePersonal: z.boolean(),
    sensitiveGraphic: z.boolean(),
  })
  .superRefine((s, ctx) => {
    if (!s.title && !s.url && !s.archiveUrl && !s.outlet && !s.excerptOriginal) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Say what the source is: a title, an outlet, a web address or an excerpt' });
    }
    if (s.publishedDate && s.accessedDate && s.accessedDate < s.publishedDate) {
      ctx.addIssue({ code: 'custom', path: ['accessedDate'], message: `Accessed before it was published (${s.publishedDate})` });
    }
    if (s.excerptTranslation && !s.excerptOriginal) {
      ctx.addIssue({ code: 'custom', path: ['excerptOriginal'], message: 'Keep the excerpt in its original language beside the translation' });
    }
  });
export type SourceInput = z.input<typeof sourceInputSchema>;
export type SourceValues = z.output<typeof sourceInputSchema>;

export const captureSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  capturedBy: z.string().nullable(),
  capturedAt: z.string(),
});
export type Capture = z.output<typeof captureSchema>;

export const incidentRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  placeEn: z.string().nullable(),
  placeAr: z.string().nullable(),
  dateStart: z.string().nullable(),
});
export type IncidentRef = z.output<typeof incidentRefSchema>;

export const sourceDetailSchema = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  archiveUrl: z.string().nullable(),
  language: z.string().nullable(),
  publishedDate: z.string().nullable(),
  accessedDate: z.string().nullable(),
  title: z.string().nullable(),
  excerptOriginal: z.string().nullable(),
  excerptTranslation: z.string().nullable(),
  credibilityNotes: z.string().nullable(),
  sensitivePersonal: z.boolean(),
  sensitiveGraphic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  incidents: z.array(incidentRefSchema),
  captures: z.array(captureSchema),
});
export type SourceDetail = z.output<typeof sourceDetailSchema>;

export const DUPLICATE_REASONS = ['url', 'archive_url', 'capture'] as const;
export const duplicateMatchSchema = z.object({
  reason: z.enum(DUPLICATE_REASONS),
  /** The stored address or file name that matched. */
  matched: z.string(),
  sourceId: z.string(),
  sourceTitle: z.string().nullable(),
  capture: captureSchema.nullable(),
  incidents: z.array(incidentRefSchema),
});
export type DuplicateMatch = z.output<typeof duplicateMatchSchema>;

const SHA256 = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().trim().toLowerCase().regex(SHA256, { message: 'A SHA-256 is 64 hexadecimal digits' });

export const victimInputSchema = z
  .object({
    /** The stored victim this row edits; null for a new one. */
    id: z.string().min(1).nullable(),
    nameLatin: optText(300),
    nameLocal: optText(300),
    gender: z.enum(GENDERS).nullable(),
    age: z
      .number({ message: 'Age is a number of years' })
      .int({ message: 'Age is a whole number of years' })
      .min(0, { message: 'Age cannot be negative' })
      .max(130, { message: 'Age is at most 130' })
      .nullable(),
    ageGroup: z.enum(AGE_GROUPS).nullable(),
    harm: z.enum(HARMS).nullable(),
    familyGroup: optText(300),
    civilianStatusContested: z.boolean(),
    sensitive: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.age !== null && v.ageGroup === 'child' && v.age >= 18) {
      ctx.addIssue({ code: 'custom', path: ['ageGroup'], message: `Age ${v.age} is not a child's age (under 18)` });
    }
    if (v.age !== null && (v.ageGroup === 'adult' || v.ageGroup === 'elderly') && v.age < 18) {
      ctx.addIssue({ code: 'custom', path: ['ageGroup'], message: `Age ${v.age} is a child's age (under 18)` });
    }
    const said = [v.nameLatin, v.nameLocal, v.gender, v.age, v.ageGroup, v.harm, v.familyGroup].some(
      (x) => x !== null && x !== undefined,
    );
    if (!said) {
      ctx.addIssue({ code: 'custom', path: ['nameLatin'], message: 'This row says nothing about the person: give a name or a description, or remove the row' });
    }
  });
export type VictimInput = z.input<typeof victimInputSchema>;
export type VictimValues = z.output<typeof victimInputSchema>;

export const victimListSchema = z
  .array(victimInputSchema)
  .max(2000, { message: 'At most 2000 victims per incident' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (v.id === null) return;
      if (seen.has(v.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'The same victim appears twice' });
      seen.add(v.id);
    });
  });

export const SEARCH_KINDS = ['incident', 'source', 'victim'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const snippetSchema = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
});

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  /** What to call the record: an incident's code, a source's title, a victim's name. */
  title: z.string(),
  /** The incidents the record belongs to (itself for an incident). */
  incidents: z.array(incidentRefSchema),
  /** Which fields matched, each with the matching words highlighted. */
  matches: z.array(z.object({ field: z.string(), label: z.string(), snippet: snippetSchema })),
});
export type SearchResult = z.output<typeof searchResultSchema>;
