/**
 * Computing strike-match candidates for the whole case (or one incident) and persisting them as
 * pending strike_matches. Decisions already taken (accepted, rejected) are left as they are;
 * pending candidates that no longer qualify are removed; every write goes through change(), the
 * new candidates of one run as one audit entry that lists them all.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { strikeCandidates } from '../../shared/strikeCandidates';
import type { ScoredCandidate } from '../../shared/strikeScore';
import { change } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { assessedPairs, loadIncidentPoints, loadStrikePoints, pairKey } from './strikeMatchData';

const MATCH_COLUMNS = ['strike_report_id', 'incident_id', 'score', 'reasons_json', 'decision'] as const;

interface MatchRow {
  strike_report_id: string;
  incident_id: string;
  score: number;
  reasons_json: string;
  decision: 'pending' | 'accepted' | 'rejected';
}

/** Every candidate pair of the case's dated strike reports and dated incidents. */
export function computeCandidatePairs(cf: CaseFile, incidentId?: string): { reports: number; incidents: number; pairs: ScoredCandidate[] } {
  const reports = loadStrikePoints(cf);
  const incidents = loadIncidentPoints(cf, incidentId);
  const assessed = assessedPairs(cf);
  const pairs: ScoredCandidate[] = [];
  for (const list of strikeCandidates(reports, incidents).values()) {
    for (const c of list) if (!assessed.has(pairKey(c.strikeReportId, c.incidentId))) pairs.push(c);
  }
  return { reports: reports.length, incidents: incidents.length, pairs };
}

export function computeStrikeMatches(cf: CaseFile, input: ChannelParsedInput<'strikeMatches:compute'>): ChannelOutput<'strikeMatches:compute'> {
  if (input.incidentId && !cf.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(input.incidentId)) {
    throw new HandlerError('not_found', `No incident with id ${input.incidentId} in this case file.`, [{ path: 'incidentId', message: 'Unknown incident' }]);
  }
  const { reports, incidents, pairs } = computeCandidatePairs(cf, input.incidentId);
  const existing = (
    input.incidentId
      ? cf.db.prepare('SELECT * FROM strike_matches WHERE incident_id = ?').all(input.incidentId)
      : cf.db.prepare('SELECT * FROM strike_matches').all()
  ) as MatchRow[];
  const byKey = new Map(existing.map((m) => [pairKey(m.strike_report_id, m.incident_id), m]));
  const fresh = new Set<string>();
  const created: (string | number)[][] = [];
  const out = { reports, incidents, candidates: pairs.length, created: 0, updated: 0, removed: 0, kept: 0 };
  change(cf, input.incidentId ? 'Strike-report candidates computed for an incident' : 'Strike-report candidates computed for the case', (w) => {
    for (const c of pairs) {
      const key = pairKey(c.strikeReportId, c.incidentId);
      fresh.add(key);
      const reasons = JSON.stringify(c.reasons);
      const old = byKey.get(key);
      if (!old) {
        created.push([c.strikeReportId, c.incidentId, c.score, reasons, 'pending']);
      } else if (old.decision !== 'pending') {
        out.kept++;
      } else if (w.update('strike_matches', { strike_report_id: c.strikeReportId, incident_id: c.incidentId }, { score: c.score, reasons_json: reasons })) {
        out.updated++;
      }
    }
    // New candidates: one audit entry holding every inserted row (as an import's record does).
    if (created.length > 0) {
      w.insertRecord(`strike-candidates:${randomUUID()}`, [{ table: 'strike_matches', columns: MATCH_COLUMNS, rows: created }]);
      out.created = created.length;
    }
    for (const [key, m] of byKey) {
      if (fresh.has(key)) continue;
      if (m.decision === 'pending') {
        w.remove('strike_matches', { strike_report_id: m.strike_report_id, incident_id: m.incident_id });
        out.removed++;
      } else {
        out.kept++;
      }
    }
  });
  return out;
}
