/**
 * Every strike report's candidate incidents, found through a date window and a spatial grid
 * (per day) rather than by comparing every report with every incident. `naiveCandidates` is the
 * all-pairs computation, kept as the baseline the bench and the tests compare against.
 */
import { GridIndex, dayNumber } from './geoPrecision';
import {
  CANDIDATES_PER_REPORT,
  DATE_WINDOW_DAYS,
  DISTANCE_WINDOW_KM,
  MIN_SCORE,
  scoreStrike,
  type IncidentPoint,
  type ScoredCandidate,
  type StrikePoint,
} from './strikeScore';
import { PRECISION_RADIUS_KM } from './geoPrecision';

/** Incidents spanning more days than this are not bucketed by day but checked every time. */
const MAX_INDEXED_SPAN_DAYS = 31;
const LARGEST_INCIDENT_RADIUS_KM = Math.max(...Object.values(PRECISION_RADIUS_KM));

type Located = IncidentPoint & { lat: number; lon: number };

interface DayBucket {
  located: Located[];
  unlocated: IncidentPoint[];
  grid?: GridIndex<Located>;
}

/** Incidents bucketed by day, each day's located incidents in a grid built on first use. */
export class IncidentIndex {
  private readonly days = new Map<number, DayBucket>();
  /** Incidents dated over a long span: few, and checked against every report. */
  private readonly longSpans: IncidentPoint[] = [];

  constructor(incidents: Iterable<IncidentPoint>) {
    for (const inc of incidents) {
      const start = dayNumber(inc.dateStart);
      if (start === null) continue;
      const endRaw = dayNumber(inc.dateEnd);
      const end = endRaw !== null && endRaw > start ? endRaw : start;
      if (end - start > MAX_INDEXED_SPAN_DAYS) {
        this.longSpans.push(inc);
        continue;
      }
      for (const d of range(start, end)) {
        let b = this.days.get(d);
        if (!b) this.days.set(d, (b = { located: [], unlocated: [] }));
        if (inc.lat !== null && inc.lon !== null) b.located.push(inc as Located);
        else b.unlocated.push(inc);
      }
    }
  }

  /** The incidents that could fall within the windows of this strike report (a superset). */
  *around(s: StrikePoint): Generator<IncidentPoint> {
    const day = dayNumber(s.date);
    if (day === null) return;
    const seen = new Set<string>();
    const radius = DISTANCE_WINDOW_KM + s.radiusKm + LARGEST_INCIDENT_RADIUS_KM;
    for (let d = day - DATE_WINDOW_DAYS; d <= day + DATE_WINDOW_DAYS; d++) {
      const b = this.days.get(d);
      if (!b) continue;
      let located: Iterable<Located> = b.located;
      if (s.lat !== null && s.lon !== null && b.located.length > 8) {
        b.grid ??= new GridIndex(b.located, 20);
        located = b.grid.near(s.lat, s.lon, radius);
      }
      for (const inc of [...located, ...b.unlocated]) {
        if (seen.has(inc.id)) continue;
        seen.add(inc.id);
        yield inc;
      }
    }
    yield* this.longSpans;
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let d = a; d <= b; d++) out.push(d);
  return out;
}

/** The best candidates (highest score first, then incident id for a stable order). */
function best(scored: ScoredCandidate[], limit: number): ScoredCandidate[] {
  return scored
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0))
    .slice(0, limit);
}

export function strikeCandidates(reports: Iterable<StrikePoint>, incidents: Iterable<IncidentPoint> | IncidentIndex, limit = CANDIDATES_PER_REPORT): Map<string, ScoredCandidate[]> {
  const index = incidents instanceof IncidentIndex ? incidents : new IncidentIndex(incidents);
  const out = new Map<string, ScoredCandidate[]>();
  for (const s of reports) {
    const scored: ScoredCandidate[] = [];
    for (const inc of index.around(s)) {
      const c = scoreStrike(s, inc);
      if (c) scored.push(c);
    }
    out.set(s.id, best(scored, limit));
  }
  return out;
}

/** The same result by comparing every report with every incident: the baseline. */
export function naiveCandidates(reports: Iterable<StrikePoint>, incidents: readonly IncidentPoint[], limit = CANDIDATES_PER_REPORT): Map<string, ScoredCandidate[]> {
  const out = new Map<string, ScoredCandidate[]>();
  for (const s of reports) {
    const scored: ScoredCandidate[] = [];
    for (const inc of incidents) {
      const c = scoreStrike(s, inc);
      if (c) scored.push(c);
    }
    out.set(s.id, best(scored, limit));
  }
  return out;
}
