/**
 * MGRS grid references (as belligerents' strike reports give them) converted to latitude and
 * longitude: the centre of the square the reference names, and that square's half-diagonal as
 * the uncertainty radius. (renderer/features/map/mgrsFormat.ts does the same for the forms; the
 * renderer cannot import db/, and shared/ imports only zod.)
 */
import * as mgrsModule from 'mgrs';
import { mgrsRadiusKm } from '../../shared/geoPrecision';

// Node loads the package's UMD build as CommonJS (no named exports); bundlers load its ES module.
const mgrsLib = ((mgrsModule as { default?: typeof mgrsModule }).default ?? mgrsModule) as typeof mgrsModule;

export type MgrsPoint = { ok: true; lat: number; lon: number; digits: number; radiusKm: number } | { ok: false; message: string };

const GRID = /^(\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$/;

/** Parse a grid reference typed or imported: spaces and case do not matter. */
export function mgrsToPoint(text: string): MgrsPoint {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const m = GRID.exec(compact);
  if (!m) {
    return { ok: false, message: `"${text.trim()}" is not an MGRS grid reference: expected e.g. 37S DV 12345 67890 (zone, band, 100 km square, easting and northing)` };
  }
  const digits = m[4]!;
  if (digits.length % 2 !== 0 || digits.length > 10) {
    return { ok: false, message: `The easting and northing of "${text.trim()}" must have the same number of digits (1 to 5 each); it has ${digits.length} in all` };
  }
  try {
    const [lon, lat] = mgrsLib.toPoint(compact);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error('no point');
    const each = digits.length / 2;
    return { ok: true, lat: lat!, lon: lon!, digits: each, radiusKm: mgrsRadiusKm(each) };
  } catch (e) {
    return { ok: false, message: `"${text.trim()}" is not a valid MGRS grid reference (${e instanceof Error ? e.message : String(e)})` };
  }
}
