/**
 * What the duplicate scorer compares, read for every incident in a handful of queries: the
 * date interval, the point and its precision, place-name keys (Latin and Arabic, folded as place
 * search folds them), the sources, their normalised URLs and capture hashes, and victim names
 * (folded as search folds them).
 */
import { placeKey, placeSkeleton } from '../../shared/placeNormalize';
import { normalizeSearchText } from '../../shared/textNormalize';
import type { CaseFile } from '../casefile';
import { urlKey } from '../duplicates';
import { precisionRadiusKm } from './duplicatesGeo';

export interface IncidentFeatures {
  id: string;
  code: string;
  /** Day numbers (days since 1970-01-01) of the first and last day it may have happened; null: unknown. */
  dayLo: number | null;
  dayHi: number | null;
  lat: number | null;
  lon: number | null;
  radiusKm: number;
  precision: string | null;
  placeLabel: string;
  /** Place keys: Latin skeletons and Arabic keys of the place names. */
  placeKeys: Set<string>;
  sources: Set<string>;
  urls: Set<string>;
  captures: Set<string>;
  /** Victim names, folded; only names of two words or more. */
  victims: Set<string>;
  /** The same names, a list per victim (a person may be named in Latin and Arabic script). */
  victimNames: string[][];
  killedMin: number | null;
  killedMax: number | null;
}

const DAY_MS = 86_400_000;
const ASCII = /^[ -~]*$/; // printable ASCII

function dayNumber(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

/** The days an incident may have happened on, from its dates and their precision. */
export function dayInterval(start: string | null, end: string | null, precision: string): [number, number] | null {
  const lo = dayNumber(start);
  if (lo === null || precision === 'unknown') return null;
  if (precision === 'year') return null; // a year says too little to compare days
  if (precision === 'month' && start) {
    const [y, m] = start.slice(0, 7).split('-').map(Number) as [number, number];
    const first = Math.floor(Date.UTC(y, m - 1, 1) / DAY_MS);
    const last = Math.floor(Date.UTC(y, m, 1) / DAY_MS) - 1;
    return [first, last];
  }
  const hi = dayNumber(end);
  return [lo, hi !== null && hi >= lo ? hi : lo];
}

/** A folded victim name, or null when it is a single word (too common to mean one person). */
export function victimNameKey(name: string | null): string | null {
  if (!name) return null;
  // Plain ASCII folds to its lower case (NFKD leaves it as it is): the common case, made quick.
  const folded = ASCII.test(name) ? name.toLowerCase() : normalizeSearchText(name);
  const words = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  return words.length >= 2 ? words.join(' ') : null;
}

export function placeKeysOf(placeEn: string | null, placeAr: string | null): Set<string> {
  const keys = new Set<string>();
  // "Ar Raqqah: Near Imam Al Nawawi mosque": the part before the colon names the town, the
  // rest the spot; both are keys.
  for (const name of [placeEn, placeAr]) {
    if (!name) continue;
    for (const part of [name, ...name.split(/[:,،]/)]) {
      const skeleton = /[\u0600-\u06FF]/.test(part) ? placeKey(part) : placeSkeleton(part);
      if (skeleton.length >= 3) keys.add(skeleton);
    }
  }
  return keys;
}

interface IncidentRowLite {
  id: string;
  code: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string;
  latitude: number | null;
  longitude: number | null;
  geo_precision: string | null;
  place_en: string | null;
  place_ar: string | null;
  killed_min: number | null;
  killed_max: number | null;
}

export function loadFeatures(cf: CaseFile): IncidentFeatures[] {
  const rows = cf.db
    .prepare(
      `SELECT id, code, date_start, date_end, date_precision, latitude, longitude, geo_precision,
              place_en, place_ar, killed_min, killed_max FROM incidents ORDER BY id`,
    )
    .all() as IncidentRowLite[];
  const byId = new Map<string, IncidentFeatures>();
  // Many incidents share a place name ("Ar Raqqah city"): fold each name once.
  const placeMemo = new Map<string, Set<string>>();
  const placeKeysMemo = (en: string | null, ar: string | null) => {
    const k = `${en ?? ''}\u0000${ar ?? ''}`;
    let keys = placeMemo.get(k);
    if (!keys) placeMemo.set(k, (keys = placeKeysOf(en, ar)));
    return keys;
  };
  const out = rows.map((r): IncidentFeatures => {
    const days = dayInterval(r.date_start, r.date_end, r.date_precision);
    const f: IncidentFeatures = {
      id: r.id,
      code: r.code,
      dayLo: days?.[0] ?? null,
      dayHi: days?.[1] ?? null,
      lat: r.latitude,
      lon: r.longitude,
      radiusKm: precisionRadiusKm(r.geo_precision),
      precision: r.geo_precision,
      placeLabel: [r.place_en, r.place_ar].filter(Boolean).join(' / '),
      placeKeys: placeKeysMemo(r.place_en, r.place_ar),
      sources: new Set(),
      urls: new Set(),
      captures: new Set(),
      victims: new Set(),
      victimNames: [],
      killedMin: r.killed_min,
      killedMax: r.killed_max,
    };
    byId.set(r.id, f);
    return f;
  });
  const links = cf.db
    .prepare(
      `SELECT si.incident_id AS incident, s.id AS source, s.url, s.archive_url
       FROM source_incidents si JOIN sources s ON s.id = si.source_id`,
    )
    .all() as { incident: string; source: string; url: string | null; archive_url: string | null }[];
  const urlKeys = new Map<string, string | null>();
  const keyOf = (raw: string) => {
    let k = urlKeys.get(raw);
    if (k === undefined) urlKeys.set(raw, (k = urlKey(raw)));
    return k;
  };
  for (const l of links) {
    const f = byId.get(l.incident);
    if (!f) continue;
    f.sources.add(l.source);
    for (const raw of [l.url, l.archive_url]) {
      const k = raw ? keyOf(raw) : null;
      if (k) f.urls.add(k);
    }
  }
  const caps = cf.db
    .prepare(
      `SELECT DISTINCT si.incident_id AS incident, c.sha256 FROM captures c
       JOIN source_incidents si ON si.source_id = c.source_id`,
    )
    .all() as { incident: string; sha256: string }[];
  for (const c of caps) byId.get(c.incident)?.captures.add(c.sha256);
  const victims = cf.db.prepare('SELECT incident_id AS incident, name_latin, name_local FROM victims').all() as {
    incident: string;
    name_latin: string | null;
    name_local: string | null;
  }[];
  for (const v of victims) {
    const f = byId.get(v.incident);
    if (!f) continue;
    const names: string[] = [];
    for (const n of [v.name_latin, v.name_local]) {
      const k = victimNameKey(n);
      if (k) {
        f.victims.add(k);
        names.push(k);
      }
    }
    if (names.length) f.victimNames.push(names);
  }
  return out;
}
