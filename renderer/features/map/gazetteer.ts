/**
 * The place search behind the location picker: the shipped gazetteer (GeoNames places of the
 * region and the project's alias table, basemap/places.json) and the governorates, searched by
 * any of their names in Arabic or Latin script, however spelled (shared/placeNormalize.ts).
 * Pure code: no DOM, no map; tested in Node against the built data.
 */
import { placeKey, placeSkeleton } from '../../../shared/placeNormalize';

export type PlaceKind = 'city' | 'town' | 'village' | 'neighbourhood' | 'camp' | 'landmark' | 'governorate';

export interface Place {
  id: string;
  /** The usual English name. */
  en: string;
  /** GeoNames' transliteration, when it differs from `en`. */
  name: string | null;
  ar: string | null;
  alt: string[];
  /** ISO 3166 alpha-2 country code. */
  cc: string;
  kind: PlaceKind;
  population: number;
  lon: number;
  lat: number;
  /** Governorate id (e.g. SY.DY) for places in Syria and Iraq. */
  gov: string | null;
  /** Label tier, 1 (capitals) to 5 (villages). */
  tier: number;
}

export interface PlacesFile {
  columns: string[];
  rows: unknown[][];
}

export interface GovernorateLabel {
  id: string;
  en: string;
  ar: string;
  cc: string;
  lon: number;
  lat: number;
}

/** Rows of places.json as Place objects; the column order comes from the file itself. */
export function placesFromFile(file: PlacesFile): Place[] {
  const col = (name: string) => {
    const i = file.columns.indexOf(name);
    if (i < 0) throw new Error(`places.json has no column "${name}"; rebuild the basemap (build/scripts/build-basemap.mjs)`);
    return i;
  };
  const c = Object.fromEntries(['id', 'en', 'name', 'ar', 'alt', 'cc', 'kind', 'pop', 'lon', 'lat', 'gov', 'tier'].map((n) => [n, col(n)]));
  return file.rows.map((r) => ({
    id: String(r[c.id!]),
    en: String(r[c.en!]),
    name: (r[c.name!] as string | null) ?? null,
    ar: (r[c.ar!] as string | null) ?? null,
    alt: r[c.alt!] ? String(r[c.alt!]).split('|') : [],
    cc: String(r[c.cc!]),
    kind: r[c.kind!] as PlaceKind,
    population: Number(r[c.pop!]) || 0,
    lon: Number(r[c.lon!]),
    lat: Number(r[c.lat!]),
    gov: (r[c.gov!] as string | null) ?? null,
    tier: Number(r[c.tier!]) || 5,
  }));
}

export function governoratePlaces(labels: readonly GovernorateLabel[]): Place[] {
  return labels.map((g) => ({
    id: `gov:${g.id}`,
    en: `${g.en} governorate`,
    name: g.en,
    ar: `محافظة ${g.ar}`,
    alt: [g.en, g.ar],
    cc: g.cc,
    kind: 'governorate',
    population: 0,
    lon: g.lon,
    lat: g.lat,
    gov: g.id,
    tier: 2,
  }));
}

export interface SearchHit {
  place: Place;
  /** The name that matched, as written in the gazetteer. */
  matched: string;
  score: number;
}

interface Entry {
  place: Place;
  name: string;
  key: string;
  skeleton: string;
}

const EXACT = 100;
const SKELETON = 80;
const PREFIX = 60;
const SKELETON_PREFIX = 45;
const CONTAINS = 35;

export class Gazetteer {
  private readonly entries: Entry[] = [];
  readonly places: readonly Place[];

  constructor(places: readonly Place[]) {
    this.places = places;
    for (const place of places) {
      const names = new Set([place.en, ...(place.name ? [place.name] : []), ...(place.ar ? [place.ar] : []), ...place.alt]);
      for (const name of names) {
        const key = placeKey(name);
        if (key) this.entries.push({ place, name, key, skeleton: placeSkeleton(name) });
      }
    }
  }

  /** Places whose name matches `query`, best first; one hit per place. */
  search(query: string, limit = 10): SearchHit[] {
    const key = placeKey(query);
    if (!key) return [];
    const skeleton = placeSkeleton(query);
    const best = new Map<string, SearchHit>();
    for (const e of this.entries) {
      let score = 0;
      if (e.key === key) score = EXACT;
      else if (skeleton.length >= 3 && e.skeleton === skeleton) score = SKELETON;
      else if (e.key.startsWith(key)) score = PREFIX;
      else if (skeleton.length >= 3 && e.skeleton.startsWith(skeleton)) score = SKELETON_PREFIX;
      else if (key.length >= 3 && e.key.includes(key)) score = CONTAINS;
      if (score === 0) continue;
      // Among equal matches, the larger place first.
      score += (6 - e.place.tier) * 0.5 + Math.min(1, e.place.population / 1e6);
      const had = best.get(e.place.id);
      if (!had || had.score < score) best.set(e.place.id, { place: e.place, matched: e.name, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.place.en.localeCompare(b.place.en)).slice(0, limit);
  }

  /** The English name of a governorate (by id, e.g. SY.DY), when the gazetteer has it. */
  governorateName(id: string | null): string | null {
    if (!id) return null;
    return this.places.find((p) => p.kind === 'governorate' && p.gov === id)?.name ?? null;
  }

  /** The `n` places nearest to a point (governorates left out), with distance and bearing. */
  nearest(lon: number, lat: number, n = 5): { place: Place; km: number; bearing: string }[] {
    return this.places
      .filter((p) => p.kind !== 'governorate')
      .map((place) => ({ place, km: distanceKm(lat, lon, place.lat, place.lon) }))
      .sort((a, b) => a.km - b.km)
      .slice(0, n)
      .map((x) => ({ ...x, bearing: compass(x.place.lat, x.place.lon, lat, lon) }));
  }
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** Compass direction from the first point to the second ("the strike was 3 km NE of Hajin"). */
export function compass(fromLat: number, fromLon: number, toLat: number, toLon: number): string {
  const rad = Math.PI / 180;
  const y = Math.sin((toLon - fromLon) * rad) * Math.cos(toLat * rad);
  const x = Math.cos(fromLat * rad) * Math.sin(toLat * rad) - Math.sin(fromLat * rad) * Math.cos(toLat * rad) * Math.cos((toLon - fromLon) * rad);
  const deg = (Math.atan2(y, x) / rad + 360) % 360;
  return POINTS[Math.round(deg / 45) % 8]!;
}
