/**
 * Small geodesy for duplicate detection: great-circle distance, how far a point may be from
 * where it stands for (its geolocation precision), and a grid of cells for spatial blocking.
 * (The strike matcher has its own on branch wt/strikes; the two can be folded together.)
 */
import type { GeoPrecision } from '../../shared/domain';

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How far (km) the real place may lie from a point of this precision: a governorate-level point
 * is the governorate's centre, not a place 8 km from another. Unknown precision counts as town.
 */
export const PRECISION_RADIUS_KM: Record<GeoPrecision, number> = {
  exact: 0.05,
  within_100m: 0.1,
  street: 0.3,
  landmark: 0.5,
  neighbourhood: 1.5,
  village: 3,
  town: 5,
  city: 10,
  subdistrict: 20,
  governorate: 60,
  unknown: 5,
};

export function precisionRadiusKm(p: string | null): number {
  return PRECISION_RADIUS_KM[(p ?? 'unknown') as GeoPrecision] ?? PRECISION_RADIUS_KM.unknown;
}

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
