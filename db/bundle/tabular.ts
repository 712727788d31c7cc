/**
 * The bundle's spreadsheet and map files, from the redacted rows (never from the case file, so
 * they hold exactly what data/case.json holds):
 *   csv/incidents.csv, csv/sources.csv, csv/victims.csv, csv/belligerents.csv,
 *   csv/strike_reports.csv: one row per record, the model's columns (extra_json left out: the raw
 *   import text is in data/case.json), child rows with their incident's code;
 *   incidents.geojson: RFC 7946 FeatureCollection, [longitude, latitude], a null geometry for an
 *   incident that is not geolocated (kept, so every incident is a feature).
 */
import type { Row } from '../audit';
import { csvLine } from '../import/csv';

const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

function csv(rows: Row[], columns: string[]): Buffer {
  let out = csvLine(columns);
  for (const r of rows) out += csvLine(columns.map((c) => cell(r[c])));
  return Buffer.from(out, 'utf8');
}

function columnsOf(rows: Row[], fallback: string[], drop: string[] = ['extra_json']): string[] {
  const first = rows[0];
  return (first ? Object.keys(first) : fallback).filter((c) => !drop.includes(c));
}

export function csvFiles(tables: Record<string, Row[]>): { name: string; bytes: Buffer }[] {
  const incidents = tables.incidents ?? [];
  const code = new Map(incidents.map((r) => [r.id as string, r.code as string]));
  const withCode = (rows: Row[]) => rows.map((r) => ({ incident_code: code.get(r.incident_id as string) ?? '', ...r }));
  const codesOfSource = new Map<string, string[]>();
  for (const l of tables.source_incidents ?? []) {
    const list = codesOfSource.get(l.source_id as string) ?? [];
    list.push(code.get(l.incident_id as string) ?? '');
    codesOfSource.set(l.source_id as string, list);
  }
  const sources = (tables.sources ?? []).map((s) => ({ incident_codes: (codesOfSource.get(s.id as string) ?? []).join(';'), ...s }));
  const victims = withCode(tables.victims ?? []);
  const belligerents = withCode(tables.incident_belligerents ?? []);
  const reports = tables.strike_reports ?? [];
  return [
    { name: 'csv/incidents.csv', bytes: csv(incidents, columnsOf(incidents, ['id', 'code'])) },
    { name: 'csv/sources.csv', bytes: csv(sources, columnsOf(sources, ['incident_codes', 'id'])) },
    { name: 'csv/victims.csv', bytes: csv(victims, columnsOf(victims, ['incident_code', 'id'])) },
    { name: 'csv/belligerents.csv', bytes: csv(belligerents, columnsOf(belligerents, ['incident_code', 'id'])) },
    { name: 'csv/strike_reports.csv', bytes: csv(reports, columnsOf(reports, ['id'])) },
  ];
}

const range = (r: Row, prefix: string) => ({ min: r[`${prefix}_min`] ?? null, max: r[`${prefix}_max`] ?? null });

/** RFC 7946: WGS 84 [longitude, latitude], no crs member; properties are plain JSON values. */
export function incidentsGeoJson(tables: Record<string, Row[]>): { bytes: Buffer; located: number; unlocated: number } {
  let located = 0;
  const features = (tables.incidents ?? []).map((r) => {
    const lat = r.latitude as number | null;
    const lon = r.longitude as number | null;
    const hasPoint = typeof lat === 'number' && typeof lon === 'number';
    if (hasPoint) located++;
    return {
      type: 'Feature',
      id: r.code,
      geometry: hasPoint ? { type: 'Point', coordinates: [lon, lat] } : null,
      properties: {
        id: r.id,
        code: r.code,
        date_start: r.date_start ?? null,
        date_end: r.date_end ?? null,
        date_precision: r.date_precision ?? null,
        place_en: r.place_en ?? null,
        place_ar: r.place_ar ?? null,
        governorate: r.governorate ?? null,
        country: r.country ?? null,
        grade: r.grade ?? null,
        status: r.status ?? null,
        geo_precision: r.geo_precision ?? null,
        strike_status: r.strike_status ?? null,
        // Flat min/max columns: GIS tools read flat properties best.
        killed_min: range(r, 'killed').min,
        killed_max: range(r, 'killed').max,
        injured_min: range(r, 'injured').min,
        injured_max: range(r, 'injured').max,
        children_killed_min: range(r, 'children_killed').min,
        children_killed_max: range(r, 'children_killed').max,
        women_killed_min: range(r, 'women_killed').min,
        women_killed_max: range(r, 'women_killed').max,
        men_killed_min: range(r, 'men_killed').min,
        men_killed_max: range(r, 'men_killed').max,
      },
    };
  });
  const collection = { type: 'FeatureCollection', features };
  return { bytes: Buffer.from(`${JSON.stringify(collection)}\n`, 'utf8'), located, unlocated: features.length - located };
}
