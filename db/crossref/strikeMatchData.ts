/**
 * The case file's strike reports and incidents as the matcher sees them (shared/strikeScore.ts):
 * reports with their effective point (latitude/longitude, else the centre of their MGRS square)
 * and its uncertainty; incidents with their point, precision, belligerents and place names.
 */
import type { GeoPrecision } from '../../shared/domain';
import type { IncidentPoint, StrikePoint } from '../../shared/strikeScore';
import type { CaseFile } from '../casefile';
import { mgrsToPoint } from './mgrsPoint';

/** Uncertainty of a point typed as latitude/longitude without a grid: a site, not a spot. */
const TYPED_POINT_RADIUS_KM = 0.1;

export interface StrikeRow {
  id: string;
  belligerent: string | null;
  report_date: string | null;
  place_text: string | null;
  mgrs: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function strikePoint(r: StrikeRow, date: string | null = r.report_date): StrikePoint {
  const grid = r.mgrs ? mgrsToPoint(r.mgrs) : null;
  const located = r.latitude !== null && r.longitude !== null;
  return {
    id: r.id,
    belligerent: r.belligerent,
    date,
    lat: located ? r.latitude : grid?.ok ? grid.lat : null,
    lon: located ? r.longitude : grid?.ok ? grid.lon : null,
    radiusKm: grid?.ok ? grid.radiusKm : TYPED_POINT_RADIUS_KM,
    placeText: r.place_text,
  };
}

/** Strike reports with a date (the matcher's date window needs one). */
export function loadStrikePoints(cf: CaseFile): StrikePoint[] {
  const rows = cf.db
    .prepare('SELECT id, belligerent, report_date, place_text, mgrs, latitude, longitude FROM strike_reports WHERE report_date IS NOT NULL')
    .all() as StrikeRow[];
  return rows.map((r) => strikePoint(r));
}

interface IncidentRow {
  id: string;
  date_start: string | null;
  date_end: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: GeoPrecision | null;
  place_en: string | null;
  place_ar: string | null;
  belligerents: string | null;
}

/** Dated incidents, with their belligerents (one query, no per-incident lookups). */
export function loadIncidentPoints(cf: CaseFile, onlyId?: string): IncidentPoint[] {
  const rows = cf.db
    .prepare(
      `SELECT i.id, i.date_start, i.date_end, i.latitude, i.longitude, i.geo_precision, i.place_en, i.place_ar,
              (SELECT group_concat(b.belligerent, char(31)) FROM incident_belligerents b WHERE b.incident_id = i.id) AS belligerents
       FROM incidents i WHERE i.date_start IS NOT NULL ${onlyId ? 'AND i.id = ?' : ''}`,
    )
    .all(...(onlyId ? [onlyId] : [])) as IncidentRow[];
  return rows.map((r) => ({
    id: r.id,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    lat: r.latitude,
    lon: r.longitude,
    precision: r.geo_precision,
    belligerents: r.belligerents ? r.belligerents.split('\u001f') : [],
    placeNames: [r.place_en, r.place_ar].filter((n): n is string => !!n),
  }));
}

/** "report id\u0000incident id" of every report attached to an incident by a belligerent's assessment. */
export function assessedPairs(cf: CaseFile): Set<string> {
  const rows = cf.db
    .prepare('SELECT strike_report_id AS r, incident_id AS i FROM incident_belligerents WHERE strike_report_id IS NOT NULL')
    .all() as { r: string; i: string }[];
  return new Set(rows.map((x) => pairKey(x.r, x.i)));
}

export const pairKey = (reportId: string, incidentId: string) => `${reportId}\u0000${incidentId}`;
