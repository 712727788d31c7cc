/**
 * How well a belligerent's declared strike fits an incident: a pure score from the date
 * distance, the geographic distance (each point's uncertainty taken off: a governorate-level
 * incident point is not "30 km away" from a strike inside its governorate) and whether the
 * belligerent agrees, with the reasons a reviewer reads beside it.
 */
import { dayNumber, effectiveDistanceKm, haversineKm, precisionRadiusKm } from './geoPrecision';
import type { GeoPrecision } from './domain';
import { placeWords } from './placeNormalize';

/** How a precision reads in a reason: "located to a village". */
const PRECISION_WORDS: Record<GeoPrecision, string> = {
  exact: 'the exact spot',
  within_100m: 'within 100 m',
  street: 'a street',
  landmark: 'a landmark',
  neighbourhood: 'a neighbourhood',
  village: 'a village',
  town: 'a town',
  city: 'a city',
  subdistrict: 'a subdistrict',
  governorate: 'a governorate',
  unknown: 'an unknown precision',
};

/** A strike report as the matcher sees it: effective date and, when known, a located point. */
export interface StrikePoint {
  id: string;
  belligerent: string | null;
  date: string | null;
  lat: number | null;
  lon: number | null;
  /** Uncertainty of the report's point (an MGRS square's half-diagonal), km. */
  radiusKm: number;
  placeText: string | null;
}

export interface IncidentPoint {
  id: string;
  dateStart: string | null;
  dateEnd: string | null;
  lat: number | null;
  lon: number | null;
  precision: GeoPrecision | null;
  belligerents: string[];
  placeNames: string[];
}

/** How far apart (days) a strike and an incident may be and still be proposed. */
export const DATE_WINDOW_DAYS = 3;
/** How far apart (km, after both uncertainty radii are taken off) and still be proposed. */
export const DISTANCE_WINDOW_KM = 25;
/** Candidates kept per strike report. */
export const CANDIDATES_PER_REPORT = 5;
/** Below this a candidate is not worth a reviewer's time. */
export const MIN_SCORE = 0.35;

const WEIGHTS = { date: 0.35, place: 0.5, belligerent: 0.15 } as const;

export interface ScoredCandidate {
  strikeReportId: string;
  incidentId: string;
  score: number;
  reasons: string[];
}

/** Days between the strike and the incident's date (0 inside its date range), or null. */
export function dateGap(strikeDate: string | null, inc: Pick<IncidentPoint, 'dateStart' | 'dateEnd'>): number | null {
  const day = dayNumber(strikeDate);
  const start = dayNumber(inc.dateStart);
  if (day === null || start === null) return null;
  const endRaw = dayNumber(inc.dateEnd);
  const end = endRaw !== null && endRaw > start ? endRaw : start;
  if (day >= start && day <= end) return 0;
  return day < start ? start - day : day - end;
}

const normBelligerent = (s: string) => s.trim().toLowerCase();
const UNKNOWN = new Set(['', 'unknown', 'unknown belligerent']);

const knownCache = new WeakMap<string[], string[]>();

function belligerentFit(report: string | null, incident: string[]): { value: number; reason: string } {
  const r = normBelligerent(report ?? '');
  let known = knownCache.get(incident);
  if (!known) knownCache.set(incident, (known = incident.filter((b) => !UNKNOWN.has(normBelligerent(b)))));
  if (UNKNOWN.has(r)) return { value: 0.5, reason: 'the strike report names no belligerent' };
  if (known.length === 0) return { value: 0.5, reason: `no belligerent is named for the incident (the report is ${report!.trim()}'s)` };
  const same = known.find((b) => normBelligerent(b) === r || normBelligerent(b).includes(r) || r.includes(normBelligerent(b)));
  if (same) return { value: 1, reason: `same belligerent: ${same.trim()}` };
  return { value: 0, reason: `different belligerent: the report is ${report!.trim()}'s, the incident names ${known.join(', ')}` };
}

const NO_WORDS: ReadonlySet<string> = new Set();
const wordCache = new Map<string, ReadonlySet<string>>();

/** A place name's words longer than two letters, normalised once per name (the matcher meets the same names again and again). */
function wordsOf(name: string): ReadonlySet<string> {
  let words = wordCache.get(name);
  if (!words) {
    if (wordCache.size > 100_000) wordCache.clear();
    words = new Set(placeWords(name).filter((w) => w.length > 2));
    wordCache.set(name, words);
  }
  return words;
}

function placeFit(s: StrikePoint, inc: IncidentPoint): { value: number; reason: string; effKm?: number } {
  if (s.lat !== null && s.lon !== null && inc.lat !== null && inc.lon !== null) {
    const raw = haversineKm(s.lat, s.lon, inc.lat, inc.lon);
    const incRadius = precisionRadiusKm(inc.precision);
    const eff = effectiveDistanceKm(raw, incRadius, s.radiusKm);
    // Closer is better; a vague point is never as good a fit as a precise one at the same spot.
    const closeness = 1 / (1 + eff / 2);
    const sharpness = 0.6 + 0.4 / (1 + (incRadius + s.radiusKm) / 5);
    const where = inc.precision && inc.precision !== 'exact' ? ` (incident located to ${PRECISION_WORDS[inc.precision]}, ±${formatKm(incRadius)})` : '';
    const reason =
      eff === 0
        ? raw < 1 && incRadius < 1
          ? `at the strike site (${formatKm(raw)} away)`
          : `within ${formatKm(Math.max(raw, 0.1))} of the strike site${where}`
        : `${formatKm(eff)} from the strike site beyond the uncertainty${where}`;
    return { value: closeness * sharpness, reason, effKm: eff };
  }
  const words = s.placeText ? wordsOf(s.placeText) : NO_WORDS;
  const shared = words.size === 0 ? [] : inc.placeNames.flatMap((n) => [...wordsOf(n)]).filter((w) => words.has(w));
  if (shared.length > 0) return { value: 0.5, reason: `place names agree: "${shared[0]}" (no grid to measure distance)` };
  if (s.lat === null) return { value: 0.15, reason: 'the strike report gives no location' };
  return { value: 0.15, reason: 'the incident is not geolocated' };
}

export function formatKm(km: number): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  return km < 10 ? `${km.toFixed(1).replace(/\.0$/, '')} km` : `${Math.round(km)} km`;
}

function dateReason(gap: number | null): string {
  if (gap === null) return 'no date to compare';
  if (gap === 0) return 'same day';
  return `${gap} ${gap === 1 ? 'day' : 'days'} apart`;
}

/** The score (0–1) and reasons of one strike report against one incident, or null outside the windows. */
export function scoreStrike(s: StrikePoint, inc: IncidentPoint): ScoredCandidate | null {
  const gap = dateGap(s.date, inc);
  if (gap === null || gap > DATE_WINDOW_DAYS) return null;
  const date = 1 - gap / (DATE_WINDOW_DAYS + 1);
  const place = placeFit(s, inc);
  if (place.effKm !== undefined && place.effKm > DISTANCE_WINDOW_KM) return null;
  const bell = belligerentFit(s.belligerent, inc.belligerents);
  const score = WEIGHTS.date * date + WEIGHTS.place * place.value + WEIGHTS.belligerent * bell.value;
  return {
    strikeReportId: s.id,
    incidentId: inc.id,
    score: Math.round(score * 1000) / 1000,
    reasons: [dateReason(gap), place.reason, bell.reason],
  };
}
