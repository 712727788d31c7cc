/**
 * Which pairs of incidents to score: never all pairs. A pair is a candidate when
 *  - their dates are within DATE_WINDOW_DAYS and their points are within reach on a grid of
 *    0.1° cells (reach: the point's own precision radius + REACH_KM), or
 *  - their dates are within DATE_WINDOW_DAYS and they share a place-name key, or
 *  - one of them has no usable date (unknown, a year, a span of months) and they are within
 *    reach on the grid or share a place-name key, whatever the other's date, or
 *  - they share a source record, a normalised URL, a capture hash or a victim's full name
 *    (whatever their dates), unless that key is shared by more than MAX_GROUP incidents (a
 *    monthly report cited for every incident of a month identifies none of them).
 * `naivePairs` scores every pair: the baseline the benchmark compares against.
 */
import type { IncidentFeatures } from './duplicatesFeatures';
import { cellOf, cellReach } from './duplicatesGeo';
import { DATE_WINDOW_DAYS, scorePair, SUGGEST_AT, type PairScore } from './duplicatesScore';

export const REACH_KM = 15;
export const MAX_GROUP = 25;
/** Date intervals longer than this are not indexed by day (too vague to place in time). */
const MAX_INDEXED_DAYS = 62;

export interface ScoredPair extends PairScore {
  a: IncidentFeatures;
  b: IncidentFeatures;
}

export interface BlockingStats {
  incidents: number;
  candidates: number;
  suggested: number;
  /** Keys left out of blocking because too many incidents share them. */
  crowdedKeys: number;
}

function indexedDays(f: IncidentFeatures): [number, number] | null {
  if (f.dayLo === null || f.dayHi === null || f.dayHi - f.dayLo > MAX_INDEXED_DAYS) return null;
  return [f.dayLo, f.dayHi];
}

/** A cell as one number (rows of 10,000 cells: longitudes -180..180 are -1800..1800). */
const cellKey = (y: number, x: number) => y * 10_000 + x;

function maxRadius(features: readonly IncidentFeatures[]): number {
  let r = 0;
  for (const f of features) if (f.lat !== null && f.radiusKm > r) r = f.radiusKm;
  return r;
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function keyGroups(features: readonly IncidentFeatures[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const s of f.sources) push(groups, `s|${s}`, i);
    for (const u of f.urls) push(groups, `u|${u}`, i);
    for (const c of f.captures) push(groups, `c|${c}`, i);
    for (const v of f.victims) push(groups, `v|${v}`, i);
  });
  return groups;
}

/**
 * Keys (prefixed s| u| c| v|) shared by more than MAX_GROUP incidents: they identify none of
 * them, so the scorer ignores them too (blocking and the all-pairs baseline agree).
 */
export function crowdedKeysOf(features: readonly IncidentFeatures[]): Set<string> {
  const out = new Set<string>();
  for (const [k, list] of keyGroups(features)) if (list.length > MAX_GROUP) out.add(k);
  return out;
}

/** Candidate pairs as indexes i < j into `features`. */
export function candidatePairs(features: readonly IncidentFeatures[]): { pairs: [number, number][]; crowdedKeys: number } {
  const n = features.length;
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (i: number, j: number) => {
    if (i === j) return;
    const [lo, hi] = i < j ? [i, j] : [j, i];
    const k = lo * n + hi;
    if (seen.has(k)) return;
    seen.add(k);
    pairs.push([lo, hi]);
  };

  // Day × cell, and day × place key.
  const byDayCell = new Map<number, Map<number, number[]>>();
  const byDayPlace = new Map<string, number[]>();
  features.forEach((f, i) => {
    const days = indexedDays(f);
    if (!days) return;
    const cell = f.lat !== null && f.lon !== null ? cellKey(...cellOf(f.lat, f.lon)) : null;
    for (let d = days[0]; d <= days[1]; d++) {
      if (cell !== null) {
        let cells = byDayCell.get(d);
        if (!cells) byDayCell.set(d, (cells = new Map()));
        push(cells, cell, i);
      }
      for (const p of f.placeKeys) push(byDayPlace, `${d}|${p}`, i);
    }
  });
  features.forEach((f, i) => {
    const days = indexedDays(f);
    if (!days) return;
    const from = days[0] - DATE_WINDOW_DAYS;
    const to = days[1] + DATE_WINDOW_DAYS;
    if (f.lat !== null && f.lon !== null) {
      const [cy, cx] = cellOf(f.lat, f.lon);
      const [ry, rx] = cellReach(f.radiusKm + REACH_KM, f.lat);
      for (let d = from; d <= to; d++) {
        const cells = byDayCell.get(d);
        if (!cells) continue;
        for (let y = cy - ry; y <= cy + ry; y++) {
          for (let x = cx - rx; x <= cx + rx; x++) {
            const list = cells.get(cellKey(y, x));
            if (list) for (const j of list) add(i, j);
          }
        }
      }
    }
    for (const p of f.placeKeys) {
      for (let d = from; d <= to; d++) {
        const list = byDayPlace.get(`${d}|${p}`);
        if (list) for (const j of list) add(i, j);
      }
    }
  });

  // Incidents without a usable date: compared by place with every incident, whatever its date.
  const undated = features.flatMap((f, i) => (indexedDays(f) ? [] : [i]));
  if (undated.length > 0) {
    const allCells = new Map<number, number[]>();
    const allPlaces = new Map<string, number[]>();
    const widest = maxRadius(features);
    features.forEach((f, i) => {
      if (f.lat !== null && f.lon !== null) push(allCells, cellKey(...cellOf(f.lat, f.lon)), i);
      for (const p of f.placeKeys) push(allPlaces, p, i);
    });
    // Indexed incidents see the undated ones through these maps too (pairs are symmetric).
    for (const i of undated) {
      const f = features[i]!;
      if (f.lat !== null && f.lon !== null) {
        const [cy, cx] = cellOf(f.lat, f.lon);
        // Reach: this point's radius, the largest other radius, and the slack the scorer allows.
        const [ry, rx] = cellReach(f.radiusKm + widest + 2, f.lat);
        for (let y = cy - ry; y <= cy + ry; y++) {
          for (let x = cx - rx; x <= cx + rx; x++) for (const j of allCells.get(cellKey(y, x)) ?? []) add(i, j);
        }
      }
      for (const p of f.placeKeys) for (const j of allPlaces.get(p) ?? []) add(i, j);
    }
  }

  // Shared keys, whatever the dates.
  let crowdedKeys = 0;
  for (const list of keyGroups(features).values()) {
    if (list.length < 2) continue;
    if (list.length > MAX_GROUP) {
      crowdedKeys++;
      continue;
    }
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) add(list[x]!, list[y]!);
  }
  return { pairs, crowdedKeys };
}

/** Every suggested pair, found through blocking. */
export function suggestPairs(features: readonly IncidentFeatures[]): { pairs: ScoredPair[]; stats: BlockingStats } {
  const { pairs, crowdedKeys } = candidatePairs(features);
  const crowded = crowdedKeysOf(features);
  const out: ScoredPair[] = [];
  for (const [i, j] of pairs) {
    const a = features[i]!;
    const b = features[j]!;
    const s = scorePair(a, b, crowded);
    if (s.score >= SUGGEST_AT) out.push(a.id < b.id ? { a, b, ...s } : { a: b, b: a, ...s });
  }
  return { pairs: out, stats: { incidents: features.length, candidates: pairs.length, suggested: out.length, crowdedKeys } };
}

/** The baseline: score every pair of `features` (quadratic; for a sample in the benchmark). */
export function naivePairs(features: readonly IncidentFeatures[], crowded = crowdedKeysOf(features)): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const a = features[i]!;
      const b = features[j]!;
      const s = scorePair(a, b, crowded);
      if (s.score >= SUGGEST_AT) out.push(a.id < b.id ? { a, b, ...s } : { a: b, b: a, ...s });
    }
  }
  return out;
}
