/**
 * What a reviewer does with strike-match candidates: see an incident's candidates with their
 * reasons, accept or reject one (audited), and work the queue of incidents whose candidates
 * nobody has reviewed yet.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { StrikeMatch } from '../../shared/strikeSchemas';
import { change, type Row } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { currentPersonId } from '../me';
import { rowToStrikeReport } from '../strikeReports';

function toMatch(r: Row): StrikeMatch {
  let reasons: string[] = [];
  try {
    const parsed = JSON.parse(String(r.reasons_json)) as unknown;
    if (Array.isArray(parsed)) reasons = parsed.map(String);
  } catch {
    reasons = [];
  }
  return {
    strikeReportId: String(r.strike_report_id),
    incidentId: String(r.incident_id),
    incidentCode: String(r.code),
    score: Number(r.score),
    reasons,
    decision: r.decision as StrikeMatch['decision'],
    decidedBy: (r.decider as string | null) ?? null,
    decidedAt: (r.decided_at as string | null) ?? null,
  };
}

const MATCH_SELECT = `SELECT m.*, i.code, p.name AS decider FROM strike_matches m
  JOIN incidents i ON i.id = m.incident_id LEFT JOIN people p ON p.id = m.decided_by`;

export function matchesForIncident(cf: CaseFile, input: ChannelParsedInput<'strikeMatches:forIncident'>): ChannelOutput<'strikeMatches:forIncident'> {
  if (!cf.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(input.incidentId)) {
    throw new HandlerError('not_found', `No incident with id ${input.incidentId} in this case file.`);
  }
  const rows = cf.db.prepare(`${MATCH_SELECT} WHERE m.incident_id = ? ORDER BY m.score DESC, m.strike_report_id`).all(input.incidentId) as Row[];
  const report = cf.db.prepare('SELECT * FROM strike_reports WHERE id = ?');
  return { matches: rows.map((r) => ({ ...toMatch(r), report: rowToStrikeReport(cf, report.get(r.strike_report_id) as Row) })) };
}

const VERB = { accepted: 'accepted', rejected: 'rejected', pending: 'set back to pending' } as const;

export function decideStrikeMatch(cf: CaseFile, input: ChannelParsedInput<'strikeMatches:decide'>): StrikeMatch {
  const key = { strike_report_id: input.strikeReportId, incident_id: input.incidentId };
  const current = cf.db.prepare('SELECT decision FROM strike_matches WHERE strike_report_id = ? AND incident_id = ?').get(input.strikeReportId, input.incidentId) as
    | { decision: string }
    | undefined;
  if (!current) {
    throw new HandlerError('not_found', 'This strike report is not a candidate for that incident (compute the candidates first). Nothing was changed.');
  }
  if (current.decision !== input.decision) {
    const undecided = input.decision === 'pending';
    change(cf, input.reason ?? `Strike-report match ${VERB[input.decision]}`, (w) => {
      w.update('strike_matches', key, {
        decision: input.decision,
        decided_by: undecided ? null : currentPersonId(cf),
        decided_at: undecided ? null : w.at,
      });
    });
  }
  return toMatch(cf.db.prepare(`${MATCH_SELECT} WHERE m.strike_report_id = ? AND m.incident_id = ?`).get(input.strikeReportId, input.incidentId) as Row);
}

export function strikeMatchQueue(cf: CaseFile, input: ChannelParsedInput<'strikeMatches:queue'>): ChannelOutput<'strikeMatches:queue'> {
  const total = (cf.db.prepare("SELECT count(DISTINCT incident_id) AS n FROM strike_matches WHERE decision = 'pending'").get() as { n: number }).n;
  const rows = cf.db
    .prepare(
      `SELECT i.id AS incidentId, i.code, i.date_start AS date, coalesce(i.place_en, i.place_ar) AS place,
              count(*) AS pending, max(m.score) AS bestScore
       FROM strike_matches m JOIN incidents i ON i.id = m.incident_id
       WHERE m.decision = 'pending'
       GROUP BY i.id ORDER BY bestScore DESC, i.date_start DESC, i.code LIMIT ? OFFSET ?`,
    )
    .all(input.limit, input.offset) as ChannelOutput<'strikeMatches:queue'>['rows'];
  return { total, rows };
}
