/**
 * The grid duplicate detection blocks on: cells of a tenth of a degree, and how many of them a
 * distance covers. Distances and precision radii are the strike matcher's (shared/geoPrecision.ts),
 * so both matchers read "near" the same way.
 */
export { haversineKm, precisionRadiusKm } from '../../shared/geoPrecision';

const RAD = Math.PI / 180;

/** Grid cell size in degrees (about 11 km of latitude; 9 km of longitude in Syria). */
export const CELL_DEG = 0.1;

export function cellOf(lat: number, lon: number): [number, number] {
  return [Math.floor(lat / CELL_DEG), Math.floor(lon / CELL_DEG)];
}

/** How many cells either way cover `km` around latitude `lat`. */
export function cellReach(km: number, lat: number): [number, number] {
  const latKm = 111.2 * CELL_DEG;
  const lonKm = Math.max(1, latKm * Math.cos(lat * RAD));
  return [Math.ceil(km / latKm), Math.ceil(km / lonKm)];
}
