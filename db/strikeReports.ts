/**
 * Strike reports as records of their own: list (filtered), read, log by hand, edit and delete,
 * every write through change(). An MGRS grid is checked here (shared/ cannot convert it) and,
 * when no latitude/longitude is given, its square's centre becomes the report's point.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../shared/contract';
import type { StrikeReport, StrikeReportValues } from '../shared/strikeSchemas';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { mgrsToPoint } from './crossref/mgrsPoint';
import { HandlerError } from './errors';

/** The columns of a strike report from what a person entered, the grid converted; throws on a bad grid. */
export function strikeReportToRow(v: StrikeReportValues, path = 'report.mgrs'): Row {
  let { latitude, longitude } = v;
  let mgrs = v.mgrs;
  if (mgrs) {
    const p = mgrsToPoint(mgrs);
    if (!p.ok) throw new HandlerError('invalid_input', `${p.message}. Nothing was saved.`, [{ path, message: p.message }]);
    mgrs = mgrs.replace(/\s+/g, '').toUpperCase();
    if (latitude === null || longitude === null) {
      latitude = Math.round(p.lat * 1e6) / 1e6;
      longitude = Math.round(p.lon * 1e6) / 1e6;
    }
  }
  return {
    belligerent: v.belligerent,
    report_date: v.date,
    place_text: v.placeText,
    mgrs,
    latitude,
    longitude,
    target: v.target,
    text: v.text,
    url: v.url,
  };
}

function origin(row: Row, attachedByAssessment: boolean): string {
  try {
    const extra = JSON.parse(String(row.extra_json ?? '{}')) as { origin?: unknown };
    if (typeof extra.origin === 'string') return extra.origin;
  } catch {
    /* not ours: fall through */
  }
  return attachedByAssessment ? 'Airwars archive (belligerent assessment)' : 'unknown';
}

export function rowToStrikeReport(cf: CaseFile, row: Row): StrikeReport {
  const id = String(row.id);
  const assessed = cf.db
    .prepare(
      `SELECT DISTINCT i.id, i.code FROM incident_belligerents b JOIN incidents i ON i.id = b.incident_id
       WHERE b.strike_report_id = ? ORDER BY i.code`,
    )
    .all(id) as { id: string; code: string }[];
  const matched = cf.db
    .prepare(
      `SELECT i.id, i.code FROM strike_matches m JOIN incidents i ON i.id = m.incident_id
       WHERE m.strike_report_id = ? AND m.decision = 'accepted' ORDER BY i.code`,
    )
    .all(id) as { id: string; code: string }[];
  const pending = cf.db.prepare("SELECT count(*) AS n FROM strike_matches WHERE strike_report_id = ? AND decision = 'pending'").get(id) as { n: number };
  return {
    id,
    belligerent: (row.belligerent as string | null) ?? null,
    date: (row.report_date as string | null) ?? null,
    placeText: (row.place_text as string | null) ?? null,
    mgrs: (row.mgrs as string | null) ?? null,
    latitude: (row.latitude as number | null) ?? null,
    longitude: (row.longitude as number | null) ?? null,
    target: (row.target as string | null) ?? null,
    text: (row.text as string | null) ?? null,
    url: (row.url as string | null) ?? null,
    origin: origin(row, assessed.length > 0),
    createdAt: String(row.created_at),
    incidents: [...assessed.map((i) => ({ ...i, via: 'assessment' as const })), ...matched.map((i) => ({ ...i, via: 'match' as const }))],
    pendingMatches: pending.n,
  };
}

export function getStrikeReport(cf: CaseFile, input: { id: string }): StrikeReport {
  const row = cf.db.prepare('SELECT * FROM strike_reports WHERE id = ?').get(input.id) as Row | undefined;
  if (!row) throw new HandlerError('not_found', `No strike report with id ${input.id} in this case file.`);
  return rowToStrikeReport(cf, row);
}

export function listStrikeReports(cf: CaseFile, input: ChannelParsedInput<'strikes:list'>) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.belligerent?.trim()) {
    where.push('belligerent = ? COLLATE NOCASE');
    params.push(input.belligerent.trim());
  }
  if (input.dateFrom) {
    where.push('report_date >= ?');
    params.push(input.dateFrom);
  }
  if (input.dateTo) {
    where.push('report_date <= ?');
    params.push(`${input.dateTo}\uffff`);
  }
  for (const word of (input.query ?? '').trim().split(/\s+/).filter(Boolean)) {
    where.push("(coalesce(place_text, '') || ' ' || coalesce(target, '') || ' ' || coalesce(text, '') || ' ' || coalesce(mgrs, '')) LIKE ? ESCAPE '\\'");
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM strike_reports ${clause}`).get(...params) as { n: number }).n;
  const rows = cf.db
    .prepare(`SELECT * FROM strike_reports ${clause} ORDER BY report_date IS NULL, report_date DESC, created_at DESC, id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as Row[];
  const belligerents = (
    cf.db.prepare("SELECT DISTINCT belligerent AS b FROM strike_reports WHERE coalesce(belligerent, '') <> '' ORDER BY belligerent COLLATE NOCASE").all() as { b: string }[]
  ).map((r) => r.b);
  return { total, rows: rows.map((r) => rowToStrikeReport(cf, r)), belligerents };
}

export function createStrikeReport(cf: CaseFile, input: ChannelParsedInput<'strikes:create'>): StrikeReport {
  const row = strikeReportToRow(input.report);
  const id = randomUUID();
  change(cf, input.reason ?? 'Strike report logged', (w) => {
    w.insert('strike_reports', { id, ...row, extra_json: JSON.stringify({ origin: 'entered by hand' }), created_at: w.at });
  });
  return getStrikeReport(cf, { id });
}

export function updateStrikeReport(cf: CaseFile, input: ChannelParsedInput<'strikes:update'>): StrikeReport {
  getStrikeReport(cf, { id: input.id });
  const row = strikeReportToRow(input.report);
  change(cf, input.reason ?? 'Strike report edited', (w) => {
    w.update('strike_reports', { id: input.id }, row);
  });
  return getStrikeReport(cf, { id: input.id });
}

/** Delete a report, its matches, and the links of assessments to it (each change audited). */
export function deleteStrikeReport(cf: CaseFile, input: ChannelParsedInput<'strikes:delete'>) {
  getStrikeReport(cf, { id: input.id });
  const matches = cf.db.prepare('SELECT incident_id FROM strike_matches WHERE strike_report_id = ?').all(input.id) as { incident_id: string }[];
  const assessments = cf.db.prepare('SELECT id FROM incident_belligerents WHERE strike_report_id = ?').all(input.id) as { id: string }[];
  change(cf, input.reason ?? 'Strike report deleted', (w) => {
    for (const m of matches) w.remove('strike_matches', { strike_report_id: input.id, incident_id: m.incident_id });
    for (const a of assessments) w.update('incident_belligerents', { id: a.id }, { strike_report_id: null });
    w.remove('strike_reports', { id: input.id });
  });
  return { id: input.id, removedMatches: matches.length, detachedAssessments: assessments.length };
}
