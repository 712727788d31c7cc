/**
 * Measuring the strike matcher on real ground truth: the archive's strike reports that carry an
 * MGRS grid are attached to their incidents by Airwars. Detach each (the matcher is given the
 * report alone: no link, no match), give it its incident's date, run the matcher against every
 * incident of the case, and see where the original incident ranks.
 */
import { IncidentIndex, strikeCandidates } from '../../shared/strikeCandidates';
import type { StrikePoint } from '../../shared/strikeScore';
import type { CaseFile } from '../casefile';
import { loadIncidentPoints, strikePoint, type StrikeRow } from './strikeMatchData';

export interface GroundTruthCase {
  report: StrikePoint;
  incidentId: string;
  code: string;
}

export interface GroundTruthResult {
  cases: number;
  top1: number;
  top3: number;
  /** Reports whose grid could not be read (counted as misses). */
  unreadableGrids: number;
  /** Reports whose incident has no point (counted too: the matcher falls back on names). */
  unlocatedIncidents: number;
  misses: { code: string; rank: number | null; best: string | null }[];
}

/** The MGRS-located strike reports with their incident's date; `sample` keeps every n-th. */
export function groundTruthCases(cf: CaseFile, every = 1): GroundTruthCase[] {
  const rows = cf.db
    .prepare(
      `SELECT r.id, r.belligerent, i.date_start AS report_date, r.place_text, r.mgrs, r.latitude, r.longitude, i.id AS incident_id, i.code
       FROM strike_reports r JOIN incident_belligerents b ON b.strike_report_id = r.id JOIN incidents i ON i.id = b.incident_id
       WHERE coalesce(r.mgrs, '') <> '' AND i.date_start IS NOT NULL ORDER BY i.code, r.id`,
    )
    .all() as (StrikeRow & { incident_id: string; code: string })[];
  return rows.filter((_, k) => k % every === 0).map((r) => ({ report: strikePoint({ ...r, latitude: null, longitude: null }), incidentId: r.incident_id, code: r.code }));
}

export function measureGroundTruth(cf: CaseFile, cases: GroundTruthCase[]): GroundTruthResult {
  const index = new IncidentIndex(loadIncidentPoints(cf));
  const located = new Set(
    (cf.db.prepare('SELECT id FROM incidents WHERE latitude IS NOT NULL').all() as { id: string }[]).map((r) => r.id),
  );
  const found = strikeCandidates(
    cases.map((c) => c.report),
    index,
    10,
  );
  const out: GroundTruthResult = { cases: cases.length, top1: 0, top3: 0, unreadableGrids: 0, unlocatedIncidents: 0, misses: [] };
  for (const c of cases) {
    if (c.report.lat === null) out.unreadableGrids++;
    if (!located.has(c.incidentId)) out.unlocatedIncidents++;
    const list = found.get(c.report.id) ?? [];
    const at = list.findIndex((x) => x.incidentId === c.incidentId);
    if (at === 0) out.top1++;
    if (at >= 0 && at < 3) out.top3++;
    else out.misses.push({ code: c.code, rank: at < 0 ? null : at + 1, best: list[0]?.incidentId ?? null });
  }
  return out;
}
