/**
 * Zod schemas for what crosses the contract, shared by the handlers (server-side validation)
 * and the renderer's forms (react-hook-form resolvers).
 */
import { z } from 'zod';
import {
  BELLIGERENT_POSITIONS,
  DATE_PRECISIONS,
  GEO_PRECISIONS,
  GRADES,
  INVOLVEMENTS,
  STRIKE_STATUSES,
  WORKFLOW_STATUSES,
  AGE_GROUPS,
  GENDERS,
  HARMS,
  SOURCE_KINDS,
} from './domain';
import { CASUALTY_FIELDS, casualtyProblems, type Casualties } from './casualty';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'Use a real date written YYYY-MM-DD' });

/** Optional free text: blank becomes null so that "unknown" has one spelling. */
export const optText = (max = 10_000) =>
  z
    .string()
    .max(max, { message: `At most ${max} characters` })
    .nullable()
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()));

const count = z
  .number({ message: 'Must be a number' })
  .int({ message: 'Must be a whole number' })
  .min(0, { message: 'Cannot be negative' })
  .max(10_000_000, { message: 'Out of range' })
  .nullable();

export const maybeRangeSchema = z.object({ min: count, max: count });
export const rangeSchema = z.object({ min: z.number().int(), max: z.number().int() });

export const casualtiesSchema = z.object(
  Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, maybeRangeSchema])) as Record<
    (typeof CASUALTY_FIELDS)[number],
    typeof maybeRangeSchema
  >,
);

export const belligerentInputSchema = z
  .object({
    belligerent: z.string().trim().min(1, { message: 'Name the belligerent' }).max(200),
    involvement: z.enum(INVOLVEMENTS),
    position: z.enum(BELLIGERENT_POSITIONS),
    concededKilled: maybeRangeSchema,
    concededInjured: maybeRangeSchema,
    locationText: optText(1000),
    mgrs: optText(30),
    statement: optText(),
  })
  .superRefine((b, ctx) => {
    for (const key of ['concededKilled', 'concededInjured'] as const) {
      const r = b[key];
      if (r.min !== null && r.max !== null && r.min > r.max) {
        ctx.addIssue({ code: 'custom', path: [key, 'max'], message: `Maximum (${r.max}) is below minimum (${r.min})` });
      }
    }
  });
export type BelligerentInput = z.input<typeof belligerentInputSchema>;

const incidentFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, { message: 'Every incident needs a code, e.g. CS483' })
    .max(60)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _./-]*$/, { message: 'Letters, digits, spaces and - _ . / only' }),
  dateStart: isoDate.nullable(),
  dateEnd: isoDate.nullable(),
  datePrecision: z.enum(DATE_PRECISIONS),
  localTime: optText(200),
  placeEn: optText(500),
  placeAr: optText(500),
  district: optText(200),
  governorate: optText(200),
  country: optText(100),
  latitude: z.number().min(-90, { message: 'Latitude is between -90 and 90' }).max(90, { message: 'Latitude is between -90 and 90' }).nullable(),
  longitude: z
    .number()
    .min(-180, { message: 'Longitude is between -180 and 180' })
    .max(180, { message: 'Longitude is between -180 and 180' })
    .nullable(),
  geoPrecision: z.enum(GEO_PRECISIONS).nullable(),
  strikeType: optText(200),
  strikeStatus: z.enum(STRIKE_STATUSES).nullable(),
  casualties: casualtiesSchema,
  causeOfDeath: optText(500),
  infrastructure: optText(500),
  summary: optText(),
  internalNotes: optText(),
  status: z.enum(WORKFLOW_STATUSES),
  assigneeId: z.string().nullable(),
  grade: z.enum(GRADES).nullable(),
  gradeRationale: optText(),
  belligerents: z.array(belligerentInputSchema).max(50),
});

/** Cross-field rules a person's entry obeys; each issue points at the field to fix. */
export const incidentInputSchema = incidentFields.superRefine((v, ctx) => {
  if (v.dateStart && v.dateEnd && v.dateEnd < v.dateStart) {
    ctx.addIssue({ code: 'custom', path: ['dateEnd'], message: 'The end date is before the start date' });
  }
  if (v.datePrecision === 'range' && !v.dateEnd) {
    ctx.addIssue({ code: 'custom', path: ['dateEnd'], message: 'A date range needs an end date' });
  }
  if (v.dateEnd && !v.dateStart) {
    ctx.addIssue({ code: 'custom', path: ['dateStart'], message: 'An end date needs a start date' });
  }
  if ((v.latitude === null) !== (v.longitude === null)) {
    const missing = v.latitude === null ? 'latitude' : 'longitude';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'Give both latitude and longitude, or neither' });
  }
  if (v.latitude !== null && v.geoPrecision === null) {
    ctx.addIssue({ code: 'custom', path: ['geoPrecision'], message: 'Say how precise the location is' });
  }
  if (v.grade !== null && !v.gradeRationale?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['gradeRationale'], message: 'A grade needs a written rationale' });
  }
  for (const p of casualtyProblems(v.casualties as Casualties)) {
    ctx.addIssue({ code: 'custom', path: ['casualties', p.field, p.bound], message: p.message });
  }
});
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentValues = z.output<typeof incidentInputSchema>;

export const incidentSchema = incidentFields.extend({
  id: z.string(),
  previousCodes: z.array(z.string()),
  assigneeName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  belligerents: z.array(
    belligerentInputSchema.and(z.object({ id: z.string() })),
  ),
});
export type Incident = z.output<typeof incidentSchema>;

export const victimSchema = z.object({
  id: z.string(),
  nameLatin: z.string().nullable(),
  nameLocal: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  age: z.number().int().nullable(),
  ageGroup: z.enum(AGE_GROUPS).nullable(),
  harm: z.enum(HARMS).nullable(),
  familyGroup: z.string().nullable(),
  civilianStatusContested: z.boolean(),
  sensitive: z.boolean(),
});
export type Victim = z.output<typeof victimSchema>;

export const sourceSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  archiveUrl: z.string().nullable(),
  language: z.string().nullable(),
  publishedDate: z.string().nullable(),
  excerptOriginal: z.string().nullable(),
  excerptTranslation: z.string().nullable(),
});
export type SourceSummary = z.output<typeof sourceSummarySchema>;

export const incidentDetailSchema = incidentSchema.extend({
  sources: z.array(sourceSummarySchema),
  victims: z.array(victimSchema),
});
export type IncidentDetail = z.output<typeof incidentDetailSchema>;

/** One filter state, shared by the incidents list, the dashboard and `casefile stats`. */
export const incidentFilterSchema = z.object({
  grade: z.array(z.enum([...GRADES, 'ungraded'])).optional(),
  status: z.array(z.enum(WORKFLOW_STATUSES)).optional(),
  belligerent: z.string().trim().min(1).max(200).optional(),
  country: z.string().trim().min(1).max(100).optional(),
  codePrefix: z.string().trim().min(1).max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  governorate: z.string().trim().min(1).max(200).optional(),
  /** true: only incidents with coordinates; false: only those without. */
  hasCoordinates: z.boolean().optional(),
  /** A person's id, or 'me' for the person using the case file (see db/me.ts). */
  assignedTo: z.string().trim().min(1).max(200).optional(),
  /** Only incidents where some belligerent's own position is this (e.g. 'credible': what the dashboard's conceded figure counts). */
  belligerentPosition: z.enum(BELLIGERENT_POSITIONS).optional(),
  /** true: only incidents with a data-quality problem found by an import; false: only those without. */
  hasProblems: z.boolean().optional(),
  /** An area drawn on the map: [west, south, east, north] in decimal degrees (implies coordinates). */
  bbox: z
    .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
    .refine(([w, s, e, n]) => w < e && s < n, { message: 'The area must be [west, south, east, north], with west < east and south < north' })
    .optional(),
}).superRefine((f, ctx) => {
  if (f.from && f.to && f.to < f.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
  }
});
export type IncidentFilter = z.input<typeof incidentFilterSchema>;

export const INCIDENT_SORT_COLUMNS = ['code', 'date', 'place', 'grade', 'killed', 'status', 'updated', 'belligerents', 'assignee'] as const;

export const incidentRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  placeEn: z.string().nullable(),
  placeAr: z.string().nullable(),
  governorate: z.string().nullable(),
  country: z.string().nullable(),
  belligerents: z.array(z.string()),
  grade: z.enum(GRADES).nullable(),
  killed: maybeRangeSchema,
  status: z.enum(WORKFLOW_STATUSES),
  assigneeName: z.string().nullable(),
});
export type IncidentRow = z.output<typeof incidentRowSchema>;

const gradeTotals = z.object({
  incidents: z.number().int(),
  killed: rangeSchema,
  injured: rangeSchema,
  children: rangeSchema,
  women: rangeSchema,
  men: rangeSchema,
  namedVictims: z.number().int(),
});
export type GradeTotals = z.output<typeof gradeTotals>;

export const statsSchema = z.object({
  incidents: z.number().int(),
  grades: z.object({
    confirmed: gradeTotals,
    fair: gradeTotals,
    weak: gradeTotals,
    contested: gradeTotals,
    discounted: gradeTotals,
    ungraded: gradeTotals,
  }),
  headline: gradeTotals,
  conceded: z.object({ incidents: z.number().int(), killed: rangeSchema, injured: rangeSchema }),
  /**
   * Named victims over the filtered incidents of every grade, counted as people (records
   * reconciled as one person count once): how many people, from how many records, and how
   * many of them appear in more than one incident.
   */
  namedPeople: z.object({ people: z.number().int(), records: z.number().int(), inSeveralIncidents: z.number().int() }),
});
export type Stats = z.output<typeof statsSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
