/**
 * Incidents as map features: `map:points`' columns turned into the typed columns the incident
 * tiles are cut from (incidentIndex.ts), whose properties the layers read. Pure code (tested in Node).
 *   g  grade code (index in MAP_GRADES)      k  civilians killed (-1 when unknown)
 *   p  precision code (index in MAP_PRECISIONS)
 *   r  uncertainty radius in pixels at zoom 0 (the layers scale it with the zoom), 0 for none
 */
import { MAP_PRECISIONS, type MapPoints } from '../../../shared/contracts/map';
import type { GeoPrecision } from '../../../shared/domain';
import { PRECISION_RADIUS_KM } from '../../../shared/geoPrecision';

/**
 * How far from the point the incident may have happened, by stated precision (metres): the radii
 * the strike and duplicate matchers use (shared/geoPrecision.ts), so the ring drawn is the
 * uncertainty they reason with. An exact point and an unknown precision get no ring.
 */
export const UNCERTAINTY_M = Object.fromEntries(
  (Object.keys(PRECISION_RADIUS_KM) as GeoPrecision[]).map((p) => [p, p === 'exact' || p === 'unknown' ? 0 : PRECISION_RADIUS_KM[p] * 1000]),
) as Record<GeoPrecision, number>;

/** How each precision is drawn (incidentLayers.ts): the classes of the legend. */
export type PrecisionStyle = 'pinpoint' | 'near' | 'place' | 'area' | 'unknown';
export const PRECISION_STYLE: Record<GeoPrecision, PrecisionStyle> = {
  exact: 'pinpoint',
  within_100m: 'pinpoint',
  street: 'near',
  landmark: 'near',
  neighbourhood: 'near',
  village: 'place',
  town: 'place',
  city: 'place',
  subdistrict: 'area',
  governorate: 'area',
  unknown: 'unknown',
};

export function precisionCodes(style: PrecisionStyle): number[] {
  return MAP_PRECISIONS.flatMap((p, i) => (PRECISION_STYLE[p] === style ? [i] : []));
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;

/** Pixels a distance on the ground covers at zoom 0, at a latitude (MapLibre's 512 px tiles). */
export function metresToPixelsAtZoom0(metres: number, lat: number): number {
  return (metres * TILE_SIZE) / (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180));
}

/** The indexes (into the columns) of points inside [west, south, east, north]. */
export function indexesInBounds(points: MapPoints, [w, s, e, n]: readonly [number, number, number, number]): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.codes.length; i++) {
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    if (lon >= w && lon <= e && lat >= s && lat <= n) out.push(i);
  }
  return out;
}

/** Bounds of all points, or null when there are none. */
export function pointsBounds(points: MapPoints): [number, number, number, number] | null {
  if (points.codes.length === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let i = 0; i < points.codes.length; i++) {
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return [w, s, e, n];
}

/** `map:points`' answer as the typed columns the incident tiles are cut from (incidentIndex.ts). */
export function pointsToColumns(points: MapPoints) {
  const n = points.codes.length;
  const c = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    grade: new Uint8Array(n),
    precision: new Uint8Array(n),
    killed: new Int32Array(n),
    radius: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lat = points.lat[i]!;
    c.lon[i] = points.lon[i]!;
    c.lat[i] = lat;
    c.grade[i] = points.grade[i]!;
    c.precision[i] = points.precision[i]!;
    c.killed[i] = points.killed[i] ?? -1;
    c.radius[i] = metresToPixelsAtZoom0(UNCERTAINTY_M[MAP_PRECISIONS[points.precision[i]!] ?? 'unknown'], lat);
  }
  return c;
}
