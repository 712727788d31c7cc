/**
 * MGRS grid references (what belligerents' strike reports give) ⇄ latitude/longitude, with the
 * number of digits matched to how precise the location is.
 */
import { forward, toPoint } from 'mgrs';
import type { GeoPrecision } from '../../../shared/domain';

/** Digits per easting/northing: 5 = 1 m, 4 = 10 m, 3 = 100 m, 2 = 1 km, 1 = 10 km. */
const DIGITS: Record<GeoPrecision, number> = {
  exact: 5,
  within_100m: 4,
  street: 4,
  landmark: 4,
  neighbourhood: 3,
  village: 2,
  town: 2,
  city: 2,
  subdistrict: 1,
  governorate: 1,
  unknown: 5,
};

/** "37S DV 12345 67890": grid zone, 100 km square, easting, northing. */
export function spaceMgrs(compact: string): string {
  const m = /^(\d{1,2}[C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$/.exec(compact.replace(/\s+/g, '').toUpperCase());
  if (!m) return compact;
  const digits = m[3]!;
  const half = digits.length / 2;
  return [m[1], m[2], digits.slice(0, half), digits.slice(half)].filter(Boolean).join(' ');
}

export function toMgrs(lat: number, lon: number, precision: GeoPrecision | null = null): string {
  return spaceMgrs(forward([lon, lat], DIGITS[precision ?? 'exact']));
}

export type MgrsParse =
  | { ok: true; lat: number; lon: number; digits: number; suggested: GeoPrecision }
  | { ok: false; message: string };

/** A grid reference typed by a person: spaces and case do not matter. */
export function parseMgrs(text: string): MgrsParse {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const m = /^(\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$/.exec(compact);
  if (!m) {
    return { ok: false, message: `"${text.trim()}" is not an MGRS grid reference: expected e.g. 37S DV 12345 67890 (zone, band, 100 km square, easting and northing)` };
  }
  const digits = m[4]!;
  if (digits.length % 2 !== 0 || digits.length > 10) {
    return { ok: false, message: `The easting and northing of "${text.trim()}" must have the same number of digits (1 to 5 each); it has ${digits.length} in all` };
  }
  try {
    const [lon, lat] = toPoint(compact);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error('no point');
    const each = digits.length / 2;
    const suggested: GeoPrecision = each >= 5 ? 'exact' : each === 4 ? 'within_100m' : each === 3 ? 'neighbourhood' : each === 2 ? 'village' : 'subdistrict';
    return { ok: true, lat, lon, digits: each, suggested };
  } catch (e) {
    return { ok: false, message: `"${text.trim()}" is not a valid MGRS grid reference (${e instanceof Error ? e.message : String(e)})` };
  }
}
