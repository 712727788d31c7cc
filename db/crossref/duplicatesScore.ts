/**
 * The score of a pair of incidents as possible duplicates, from 0 to 1, with a reason a person
 * can read for every part that counted. Weights (a part's maximum):
 *   same day 0.25 (1 day apart 0.18, 2: 0.1, 3: 0.05)
 *   place: within each other's precision 0.25, scaled down for coarse points (a city-level
 *          point "at" another says little) and by distance beyond the precision radii
 *   same place name (Latin or Arabic) 0.2
 *   the same source record 0.35; the same web page (normalised URL) 0.3; the same captured
 *          file (SHA-256) 0.35 (sources together count at most 0.45)
 *   shared victim names 0.15 + 0.05 a further name (at most 0.3)
 *   overlapping civilian death ranges 0.05
 * Place and distance count only when the dates agree (within DATE_WINDOW_DAYS) or one is
 * unknown: the same spot months apart is another strike. A pair is suggested from SUGGEST_AT up.
 */
import type { IncidentFeatures } from './duplicatesFeatures';
import { haversineKm } from './duplicatesGeo';

export type ReasonKind = 'date' | 'distance' | 'place' | 'source' | 'url' | 'capture' | 'victims' | 'casualties';

export interface PairReason {
  kind: ReasonKind;
  text: string;
  weight: number;
}

export interface PairScore {
  score: number;
  reasons: PairReason[];
}

export const SUGGEST_AT = 0.45;
/** Days apart within which dates count, and within which pairs are compared at all by place. */
export const DATE_WINDOW_DAYS = 3;
const DATE_WEIGHTS = [0.25, 0.18, 0.1, 0.05];

export function dayGap(a: IncidentFeatures, b: IncidentFeatures): number | null {
  if (a.dayLo === null || a.dayHi === null || b.dayLo === null || b.dayHi === null) return null;
  return Math.max(0, b.dayLo - a.dayHi, a.dayLo - b.dayHi);
}

/** How much an agreement in place means, by the coarser point's precision radius. */
function specificity(radiusKm: number): number {
  if (radiusKm <= 0.5) return 1;
  if (radiusKm <= 1.5) return 0.6;
  if (radiusKm <= 3) return 0.45;
  if (radiusKm <= 10) return 0.3;
  return 0.15;
}

const fmtKm = (km: number) => (km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(km < 10 ? 1 : 0)} km`);

function intersect(a: Set<string>, b: Set<string>, crowded?: ReadonlySet<string>, prefix = ''): string[] {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  const out: string[] = [];
  for (const x of small) if (big.has(x) && !crowded?.has(prefix + x)) out.push(x);
  return out;
}

/**
 * `crowded`: keys ("s|id", "u|url", "c|sha256", "v|name") shared by so many incidents that
 * they identify none (see crowdedKeysOf in duplicatesBlock.ts); they do not count.
 */
export function scorePair(a: IncidentFeatures, b: IncidentFeatures, crowded?: ReadonlySet<string>): PairScore {
  const reasons: PairReason[] = [];
  const gap = dayGap(a, b);
  if (gap !== null && gap <= DATE_WINDOW_DAYS) {
    const ranges = a.dayLo !== a.dayHi || b.dayLo !== b.dayHi;
    const text = gap === 0 ? (ranges ? 'Dates overlap' : 'Same day') : `${gap} day${gap === 1 ? '' : 's'} apart`;
    reasons.push({ kind: 'date', text, weight: DATE_WEIGHTS[gap]! });
  }
  // Known dates far apart: the same place is a different strike, not the same incident.
  const timesAgree = gap === null || gap <= DATE_WINDOW_DAYS;
  if (timesAgree && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const d = haversineKm(a.lat, a.lon, b.lat, b.lon);
    const slack = a.radiusKm + b.radiusKm;
    const beyond = Math.max(0, d - slack);
    if (beyond < 2) {
      const spec = specificity(Math.max(a.radiusKm, b.radiusKm));
      const weight = 0.25 * spec * (beyond === 0 ? 1 : 1 - beyond / 2);
      const precisions = `${a.precision ?? 'unknown'} and ${b.precision ?? 'unknown'} precision`;
      const text =
        beyond === 0
          ? `${fmtKm(d)} apart, within the points' precision (${precisions})`
          : `${fmtKm(d)} apart, ${fmtKm(beyond)} beyond the points' precision (${precisions})`;
      if (weight >= 0.01) reasons.push({ kind: 'distance', text, weight: round(weight) });
    }
  }
  const places = timesAgree ? intersect(a.placeKeys, b.placeKeys) : [];
  if (places.length > 0) reasons.push({ kind: 'place', text: `Same place name: ${a.placeLabel} ≈ ${b.placeLabel}`, weight: 0.2 });
  let sourceWeight = 0;
  const sourceReasons: PairReason[] = [];
  const sharedSources = intersect(a.sources, b.sources, crowded, 's|');
  if (sharedSources.length > 0) {
    sourceReasons.push({ kind: 'source', text: `${sharedSources.length} source${sharedSources.length === 1 ? '' : 's'} logged for both`, weight: 0.35 });
  }
  const sharedUrls = intersect(a.urls, b.urls, crowded, 'u|');
  if (sharedUrls.length > 0) {
    sourceReasons.push({ kind: 'url', text: `Same web page cited: ${sharedUrls.slice(0, 2).join(', ')}${sharedUrls.length > 2 ? ` (+${sharedUrls.length - 2})` : ''}`, weight: 0.3 });
  }
  const sharedCaptures = intersect(a.captures, b.captures, crowded, 'c|');
  if (sharedCaptures.length > 0) {
    sourceReasons.push({ kind: 'capture', text: `Same captured file (SHA-256 ${sharedCaptures[0]!.slice(0, 12)}…)${sharedCaptures.length > 1 ? ` and ${sharedCaptures.length - 1} more` : ''}`, weight: 0.35 });
  }
  for (const r of sourceReasons) {
    const w = Math.min(r.weight, 0.45 - sourceWeight);
    sourceWeight += w;
    reasons.push({ ...r, weight: round(w) });
  }
  // People, not spellings: a victim of one incident named (in either script) in the other.
  const [fewer, more] = a.victimNames.length <= b.victimNames.length ? [a, b] : [b, a];
  const names: string[] = [];
  for (const person of fewer.victimNames) {
    const hit = person.find((n) => more.victims.has(n) && !crowded?.has(`v|${n}`));
    if (hit) names.push(hit);
  }
  if (names.length > 0) {
    const shown = names.slice(0, 3).join('; ');
    reasons.push({
      kind: 'victims',
      text: `${names.length} victim${names.length === 1 ? '' : 's'} named in both: ${shown}${names.length > 3 ? '…' : ''}`,
      weight: round(Math.min(0.3, 0.15 + 0.05 * (names.length - 1))),
    });
  }
  if (a.killedMax !== null && b.killedMax !== null && a.killedMax > 0 && b.killedMax > 0) {
    const aLo = a.killedMin ?? 0;
    const bLo = b.killedMin ?? 0;
    if (aLo <= b.killedMax && bLo <= a.killedMax) {
      reasons.push({ kind: 'casualties', text: `Civilian deaths overlap (${aLo}–${a.killedMax} and ${bLo}–${b.killedMax})`, weight: 0.05 });
    }
  }
  const score = round(Math.min(1, reasons.reduce((s, r) => s + r.weight, 0)));
  // A source reason capped to 0 (already counted) is still shown: it is evidence to read.
  return { score, reasons };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
