/**
 * The map's channels. `map:points` answers the incidents filter with a compact columnar payload
 * (one array per field, index i is one incident), so that 100,000 points cross the bridge fast.
 * Incidents are named by their code (unique in a case file): ids (UUIDs) would double the
 * payload, and the few incidents a person clicks are looked up by code (`map:summaries`).
 */
import { z } from 'zod';
import { GEO_PRECISIONS, GRADES } from '../domain';
import { incidentFilterSchema, maybeRangeSchema } from '../schemas';

/** `grade` codes: the index in GRADES, and UNGRADED_CODE for an incident not yet graded. */
export const MAP_GRADES = [...GRADES, 'ungraded'] as const;
export const UNGRADED_CODE = GRADES.length;
/** `precision` codes: the index in GEO_PRECISIONS; a location without a stated precision is 'unknown'. */
export const MAP_PRECISIONS = GEO_PRECISIONS;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), the form `map:points` gives dates in. */
export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const mapPointsSchema = z.object({
  /** Incidents the filter matches, with or without coordinates. */
  total: z.number().int(),
  /** Of those, how many have no coordinates (and so are not on the map). */
  withoutCoordinates: z.number().int(),
  codes: z.array(z.string()),
  /** Longitude and latitude, decimal degrees (rounded to 1e-5, about a metre). */
  lon: z.array(z.number()),
  lat: z.array(z.number()),
  /** Index in MAP_GRADES. */
  grade: z.array(z.number().int()),
  /** Civilians killed, the maximum of the range (its minimum when no maximum); null when unknown. */
  killed: z.array(z.number().int().nullable()),
  /** Index in MAP_PRECISIONS. */
  precision: z.array(z.number().int()),
  /** Start date as days since 1970-01-01 (see isoToDay); null when undated. */
  day: z.array(z.number().int().nullable()),
});
export type MapPoints = z.output<typeof mapPointsSchema>;

export const mapSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  dateStart: z.string().nullable(),
  placeEn: z.string().nullable(),
  placeAr: z.string().nullable(),
  governorate: z.string().nullable(),
  grade: z.enum(GRADES).nullable(),
  killed: maybeRangeSchema,
  geoPrecision: z.enum(GEO_PRECISIONS).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type MapSummary = z.output<typeof mapSummarySchema>;

export const MAX_SUMMARIES = 500;

export const mapContract = {
  'map:points': {
    input: z.object({ filter: incidentFilterSchema.default({}) }).strict(),
    output: mapPointsSchema,
  },
  /**
   * Incidents per month for the filter WITHOUT its date range (the time brush shows the whole
   * span while it selects part of it), counting only incidents that have coordinates.
   */
  'map:timeline': {
    input: z.object({ filter: incidentFilterSchema.default({}) }).strict(),
    output: z.object({
      months: z.array(z.object({ month: z.string(), incidents: z.number().int() })),
      undated: z.number().int(),
    }),
  },
  /** The incidents behind points or a cluster the user clicked: the facts a list of them shows. */
  'map:summaries': {
    input: z
      .object({
        codes: z
          .array(z.string().min(1))
          .min(1, { message: 'Give at least one incident code' })
          .max(MAX_SUMMARIES, { message: `At most ${MAX_SUMMARIES} incidents at a time` }),
      })
      .strict(),
    output: z.object({ rows: z.array(mapSummarySchema) }),
  },
} as const;
