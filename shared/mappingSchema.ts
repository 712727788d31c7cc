/**
 * The column mapping of a spreadsheet import: which CSV column fills which field, how ranges
 * and dates are written, and defaults. Saved as JSON (the CLI's --mapping file, the app's saved
 * mappings). Columns the mapping does not name are kept with each record (extra_json); a column
 * mapped to null is left out on purpose.
 */
import { z } from 'zod';
import { CASUALTY_FIELDS, CASUALTY_LABELS } from './casualty';
import { WORKFLOW_STATUSES } from './domain';

export const MAPPING_TARGETS = ['incidents', 'sources', 'victims'] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

export const MAPPING_READS = ['text', 'number', 'range', 'date', 'word'] as const;
export type MappingRead = (typeof MAPPING_READS)[number];

interface FieldDef {
  label: string;
  read: MappingRead;
}

/** The fields each target offers, with how each is read unless the mapping says otherwise. */
export const MAPPING_FIELDS: Record<MappingTarget, Record<string, FieldDef>> = {
  incidents: {
    code: { label: 'Code', read: 'text' },
    dateStart: { label: 'Date', read: 'date' },
    dateEnd: { label: 'End date', read: 'date' },
    localTime: { label: 'Local time', read: 'text' },
    placeEn: { label: 'Place (English)', read: 'text' },
    placeAr: { label: 'Place (Arabic)', read: 'text' },
    district: { label: 'District', read: 'text' },
    governorate: { label: 'Governorate', read: 'text' },
    country: { label: 'Country', read: 'text' },
    latitude: { label: 'Latitude', read: 'number' },
    longitude: { label: 'Longitude', read: 'number' },
    geoPrecision: { label: 'Geolocation precision', read: 'word' },
    strikeType: { label: 'Strike type', read: 'text' },
    strikeStatus: { label: 'Strike status', read: 'word' },
    grade: { label: 'Grade', read: 'word' },
    // Each casualty range from one column ("1 – 2") or from two (minimum, maximum).
    ...Object.fromEntries(
      CASUALTY_FIELDS.flatMap((f): [string, FieldDef][] => [
        [f, { label: CASUALTY_LABELS[f], read: 'range' }],
        [`${f}.min`, { label: `${CASUALTY_LABELS[f]} (minimum)`, read: 'number' }],
        [`${f}.max`, { label: `${CASUALTY_LABELS[f]} (maximum)`, read: 'number' }],
      ]),
    ),
    causeOfDeath: { label: 'Cause of death', read: 'text' },
    infrastructure: { label: 'Infrastructure', read: 'text' },
    summary: { label: 'Summary', read: 'text' },
    internalNotes: { label: 'Internal notes', read: 'text' },
    belligerent: { label: 'Belligerent (suspected)', read: 'text' },
    previousCodes: { label: 'Previous codes (comma-separated)', read: 'text' },
    status: { label: 'Workflow status', read: 'word' },
  },
  sources: {
    incidentCode: { label: 'Incident code', read: 'text' },
    order: { label: 'Order within the incident', read: 'number' },
    kind: { label: 'Kind', read: 'word' },
    outlet: { label: 'Outlet', read: 'text' },
    author: { label: 'Author / account', read: 'text' },
    url: { label: 'URL', read: 'text' },
    archiveUrl: { label: 'Archive URL', read: 'text' },
    language: { label: 'Language', read: 'text' },
    publishedDate: { label: 'Published', read: 'date' },
    title: { label: 'Title', read: 'text' },
    excerptOriginal: { label: 'Excerpt (original)', read: 'text' },
    excerptTranslation: { label: 'Excerpt (translation)', read: 'text' },
  },
  victims: {
    incidentCode: { label: 'Incident code', read: 'text' },
    order: { label: 'Order within the incident', read: 'number' },
    nameLatin: { label: 'Name (Latin script)', read: 'text' },
    nameLocal: { label: 'Name (local script)', read: 'text' },
    gender: { label: 'Gender', read: 'word' },
    age: { label: 'Age', read: 'number' },
    ageGroup: { label: 'Age group', read: 'word' },
    harm: { label: 'Killed or injured', read: 'word' },
    familyGroup: { label: 'Family group', read: 'text' },
    civilianStatusContested: { label: 'Civilian status contested', read: 'word' },
    notes: { label: 'Notes', read: 'text' },
  },
};

/** The field that ties a row to its record: the incident code. */
export const KEY_FIELD: Record<MappingTarget, string> = { incidents: 'code', sources: 'incidentCode', victims: 'incidentCode' };

export const columnSpecSchema = z.union([
  z.string().min(1),
  z.object({ field: z.string().min(1), read: z.enum(MAPPING_READS).optional() }).strict(),
  z.null(),
]);

export const rangeFormatSchema = z
  .object({
    /** Words (any case) that mean "not known": read as blank (or zero, see unknownAs). */
    unknownWords: z.array(z.string()).default(['unknown', 'not known', '?', 'n/a', 'na', '-', '—', '–']),
    /** A single figure, "4": the range 4–4 (exact), or at least 4 with the maximum unknown (min). */
    single: z.enum(['exact', 'min']).default('exact'),
    /** How blank and unknown read: unknown bounds (blank), or 0–0 (zero). */
    unknownAs: z.enum(['blank', 'zero']).default('blank'),
  })
  .strict();
export type RangeFormat = z.output<typeof rangeFormatSchema>;

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;

export const columnMappingSchema = z
  .object({
    target: z.enum(MAPPING_TARGETS).default('incidents'),
    /** CSV header → field name, or { field, read }, or null to leave the column out on purpose. */
    columns: z.record(z.string(), columnSpecSchema),
    rangeFormat: rangeFormatSchema.default({ unknownWords: ['unknown', 'not known', '?', 'n/a', 'na', '-', '—', '–'], single: 'exact', unknownAs: 'blank' }),
    dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
    /** Values for fields no column fills, e.g. { "country": "Syria", "status": "draft" }. */
    defaults: z
      .object({ status: z.enum(WORKFLOW_STATUSES).optional(), country: z.string().optional() })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((m, ctx) => {
    const fields = MAPPING_FIELDS[m.target];
    const seen = new Map<string, string>();
    for (const [header, spec] of Object.entries(m.columns)) {
      if (spec === null) continue;
      const field = typeof spec === 'string' ? spec : spec.field;
      if (!(field in fields)) {
        ctx.addIssue({ code: 'custom', path: ['columns', header], message: `"${field}" is not a field of ${m.target}; choose one of ${Object.keys(fields).join(', ')}` });
      } else if (seen.has(field)) {
        ctx.addIssue({ code: 'custom', path: ['columns', header], message: `"${field}" is already filled by column "${seen.get(field)}"` });
      } else seen.set(field, header);
    }
    if (!seen.has(KEY_FIELD[m.target])) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: `Map a column to "${KEY_FIELD[m.target]}": every row is matched by its incident code` });
    }
  });
export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;
