/** The map's handlers: points for a filter (columnar), the monthly timeline, and summaries. */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { isoToDay, MAP_PRECISIONS, UNGRADED_CODE, type MapSummary } from '../shared/contracts/map';
import { GRADES } from '../shared/domain';
import type { CaseFile } from './casefile';
import { filterSql, type ParsedFilter } from './filters';
import { resolveFilter } from './me';

const HAS_COORDINATES = 'i.latitude IS NOT NULL AND i.longitude IS NOT NULL';

const GRADE_CODE = new Map<string, number>(GRADES.map((g, i) => [g, i]));
const PRECISION_CODE = new Map<string, number>(MAP_PRECISIONS.map((p, i) => [p, i]));
const UNKNOWN_PRECISION = MAP_PRECISIONS.indexOf('unknown');

function whereWithCoordinates(filter: ParsedFilter, cf: CaseFile): { where: string; params: Record<string, unknown> } {
  const { where, params } = filterSql(resolveFilter(cf, filter));
  return { where: where ? `${where} AND ${HAS_COORDINATES}` : `WHERE ${HAS_COORDINATES}`, params };
}

/** The SQL `map:points` runs (exported for the EXPLAIN QUERY PLAN test). */
export function mapPointsSql(where: string): string {
  return `SELECT i.code, i.longitude, i.latitude, i.grade,
                 coalesce(i.killed_max, i.killed_min), i.geo_precision, i.date_start
          FROM incidents i ${where}`;
}

export function mapPoints(cf: CaseFile, input: ChannelParsedInput<'map:points'>): ChannelOutput<'map:points'> {
  const all = filterSql(resolveFilter(cf, input.filter));
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM incidents i ${all.where}`).get(all.params) as { n: number }).n;
  const { where, params } = whereWithCoordinates(input.filter, cf);
  const rows = cf.db.prepare(mapPointsSql(where)).raw(true).all(params) as [
    string,
    number,
    number,
    string | null,
    number | null,
    string | null,
    string | null,
  ][];
  const n = rows.length;
  const out: ChannelOutput<'map:points'> = {
    total,
    withoutCoordinates: total - n,
    codes: new Array<string>(n),
    lon: new Array<number>(n),
    lat: new Array<number>(n),
    grade: new Array<number>(n),
    killed: new Array<number | null>(n),
    precision: new Array<number>(n),
    day: new Array<number | null>(n),
  };
  for (let k = 0; k < n; k++) {
    const [code, lon, lat, grade, killed, precision, date] = rows[k]!;
    out.codes[k] = code;
    out.lon[k] = Math.round(lon * 1e5) / 1e5;
    out.lat[k] = Math.round(lat * 1e5) / 1e5;
    out.grade[k] = grade === null ? UNGRADED_CODE : (GRADE_CODE.get(grade) ?? UNGRADED_CODE);
    out.killed[k] = killed;
    out.precision[k] = precision === null ? UNKNOWN_PRECISION : (PRECISION_CODE.get(precision) ?? UNKNOWN_PRECISION);
    const day = date ? isoToDay(date) : NaN;
    out.day[k] = Number.isFinite(day) ? day : null;
  }
  return out;
}

export function mapTimeline(cf: CaseFile, input: ChannelParsedInput<'map:timeline'>): ChannelOutput<'map:timeline'> {
  const { from: _from, to: _to, ...withoutDates } = input.filter;
  const { where, params } = whereWithCoordinates(withoutDates, cf);
  const rows = cf.db
    .prepare(
      `SELECT substr(i.date_start, 1, 7) AS month, count(*) AS n FROM incidents i ${where}
       GROUP BY month ORDER BY month`,
    )
    .all(params) as { month: string | null; n: number }[];
  return {
    months: rows.filter((r) => r.month !== null && /^\d{4}-\d{2}$/.test(r.month)).map((r) => ({ month: r.month!, incidents: r.n })),
    undated: rows.filter((r) => r.month === null || !/^\d{4}-\d{2}$/.test(r.month)).reduce((s, r) => s + r.n, 0),
  };
}

export function mapSummaries(cf: CaseFile, input: ChannelParsedInput<'map:summaries'>): ChannelOutput<'map:summaries'> {
  const rows = cf.db
    .prepare(
      `SELECT id, code, date_start, place_en, place_ar, governorate, grade, killed_min, killed_max, geo_precision, latitude, longitude
       FROM incidents WHERE code IN (SELECT value FROM json_each(?))
       ORDER BY date_start IS NULL, date_start, code`,
    )
    .all(JSON.stringify(input.codes)) as Record<string, unknown>[];
  return {
    rows: rows.map(
      (r): MapSummary => ({
        id: r.id as string,
        code: r.code as string,
        dateStart: (r.date_start as string | null) ?? null,
        placeEn: (r.place_en as string | null) ?? null,
        placeAr: (r.place_ar as string | null) ?? null,
        governorate: (r.governorate as string | null) ?? null,
        grade: (r.grade as MapSummary['grade']) ?? null,
        killed: { min: (r.killed_min as number | null) ?? null, max: (r.killed_max as number | null) ?? null },
        geoPrecision: (r.geo_precision as MapSummary['geoPrecision']) ?? null,
        latitude: (r.latitude as number | null) ?? null,
        longitude: (r.longitude as number | null) ?? null,
      }),
    ),
  };
}
