/**
 * Geodesy for cross-referencing: great-circle distance, how far a point of a given geolocation
 * precision may be from where the event really happened, and a grid index that finds the points
 * near a place without comparing all pairs. Pure code, shared by the matchers in db/crossref/.
 */
import type { GeoPrecision } from './domain';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * How far (km) the event may lie from a point recorded at this precision: a point geolocated to
 * a governorate is its centre, and the strike may be anywhere within tens of kilometres of it.
 * Unknown precision is treated as a town: placed, but not trusted to the street.
 */
export const PRECISION_RADIUS_KM: Readonly<Record<GeoPrecision, number>> = {
  exact: 0.05,
  within_100m: 0.1,
  street: 0.3,
  landmark: 0.3,
  neighbourhood: 1,
  village: 2,
  town: 4,
  city: 8,
  subdistrict: 15,
  governorate: 40,
  unknown: 4,
};

/** The radius of a stated precision; a missing or unrecognised one counts as unknown. */
export function precisionRadiusKm(precision: GeoPrecision | string | null | undefined): number {
  return PRECISION_RADIUS_KM[(precision ?? 'unknown') as GeoPrecision] ?? PRECISION_RADIUS_KM.unknown;
}

/** Half the diagonal (km) of the square an MGRS reference with this many digits per axis names. */
export function mgrsRadiusKm(digitsPerAxis: number): number {
  const sideKm = 10 ** (5 - Math.max(0, Math.min(5, digitsPerAxis))) / 1000;
  return (sideKm * Math.SQRT2) / 2;
}

/**
 * The distance between two uncertain points: the distance between the recorded points, less
 * both uncertainty radii, never below zero. A governorate-level point 30 km from a strike site
 * is "within its radius", not "30 km away".
 */
export function effectiveDistanceKm(rawKm: number, radiusAKm: number, radiusBKm: number): number {
  return Math.max(0, rawKm - radiusAKm - radiusBKm);
}

/** Kilometres per degree of latitude (and of longitude at the equator). */
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

export interface GridPoint {
  lat: number;
  lon: number;
}

/**
 * Buckets points into cells of `cellKm` on a side, so that the points within a radius of a place
 * are found by looking at the few cells the radius covers instead of at every point.
 */
export class GridIndex<T extends GridPoint> {
  private readonly cells = new Map<string, T[]>();
  private readonly cellDeg: number;

  constructor(
    points: Iterable<T>,
    readonly cellKm = 10,
  ) {
    this.cellDeg = cellKm / KM_PER_DEGREE;
    for (const p of points) {
      const key = this.key(this.row(p.lat), this.col(p.lon));
      const cell = this.cells.get(key);
      if (cell) cell.push(p);
      else this.cells.set(key, [p]);
    }
  }

  private row(lat: number): number {
    return Math.floor(lat / this.cellDeg);
  }

  private col(lon: number): number {
    return Math.floor(lon / this.cellDeg);
  }

  private key(r: number, c: number): string {
    return `${r}:${c}`;
  }

  /** Every point whose cell the circle of `radiusKm` around (lat, lon) touches (a superset: check the distance). */
  *near(lat: number, lon: number, radiusKm: number): Generator<T> {
    const dRow = Math.ceil(radiusKm / this.cellKm);
    const cosLat = Math.max(0.01, Math.cos(Math.min(89, Math.abs(lat)) * RAD));
    const dCol = Math.ceil(radiusKm / (this.cellKm * cosLat));
    const r0 = this.row(lat);
    const c0 = this.col(lon);
    for (let r = r0 - dRow; r <= r0 + dRow; r++) {
      for (let c = c0 - dCol; c <= c0 + dCol; c++) {
        const cell = this.cells.get(this.key(r, c));
        if (cell) yield* cell;
      }
    }
  }

  /** Every point within `radiusKm` (by haversine) of (lat, lon). */
  within(lat: number, lon: number, radiusKm: number): T[] {
    const out: T[] = [];
    for (const p of this.near(lat, lon, radiusKm)) {
      if (haversineKm(lat, lon, p.lat, p.lon) <= radiusKm) out.push(p);
    }
    return out;
  }
}

/** Whole days between two ISO dates (YYYY-MM-DD…), or null when either is missing or malformed. */
export function daysBetween(a: string | null | undefined, b: string | null | undefined): number | null {
  const da = dayNumber(a);
  const db = dayNumber(b);
  return da === null || db === null ? null : Math.abs(da - db);
}

const dayCache = new Map<string, number | null>();

/** Days since 1970-01-01 of an ISO date's day part, or null (memoised: the matchers ask often). */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const known = dayCache.get(iso);
  if (known !== undefined) return known;
  if (dayCache.size > 200_000) dayCache.clear();
  const n = parseDay(iso);
  dayCache.set(iso, n);
  return n;
}

function parseDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / 86_400_000) : null;
}
