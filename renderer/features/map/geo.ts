/** Which governorate a point lies in (ray casting over the bundled boundaries). Pure code. */
import type { Governorate } from './basemap';

function inRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function governorateAt(lon: number, lat: number, governorates: readonly Governorate[]): Governorate | null {
  for (const g of governorates) {
    const polygons = (g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates) as number[][][][];
    if (polygons.some((p) => inRing(lon, lat, p[0]!) && !p.slice(1).some((h) => inRing(lon, lat, h)))) return g;
  }
  return null;
}
