import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';

const report = (patch: Record<string, unknown> = {}) => ({
  belligerent: 'U.S.-led Coalition', date: '2017-03-18', placeText: 'Mosul', mgrs: null, latitude: 36.352, longitude: 43.101,
  target: 'ISIS position', text: 'Strike', url: null, ...patch,
});
const coalition = {
  belligerent: 'U.S.-led Coalition', involvement: 'suspected', position: 'not_yet_assessed', concededKilled: { min: null, max: null },
  concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null,
} as const;
const source = (outlet: string) => ({
  kind: 'local_media', outlet, author: null, url: `https://example.org/${outlet}`, archiveUrl: null, language: null, publishedDate: null,
  accessedDate: null, title: 'Report', excerptOriginal: null, excerptTranslation: null, credibilityNotes: null, sensitivePersonal: false, sensitiveGraphic: false,
}) as const;

function caseWithIncident() {
  const cf = tempCaseFile();
  const near = call(cf, 'incidents:create', { incident: incidentInput({ code: 'NEAR', strikeStatus: null, belligerents: [coalition] }) });
  const far = call(cf, 'incidents:create', { incident: incidentInput({ code: 'FAR', latitude: 36.9, longitude: 42.0, geoPrecision: 'exact', belligerents: [coalition] }) });
  call(cf, 'sources:create', { source: source('one'), incidentIds: [near.id] });
  call(cf, 'sources:create', { source: source('two'), incidentIds: [near.id] });
  return { cf, near, far };
}

describe('strike matching in a case file', () => {
  it('proposes the nearby incident with its reasons, and not the one 100 km away', () => {
    const { cf, near, far } = caseWithIncident();
    const s = call(cf, 'strikes:create', { report: report() });
    const r = call(cf, 'strikeMatches:compute', {});
    expect(r).toMatchObject({ reports: 1, incidents: 2, candidates: 1, created: 1 });
    const [m] = call(cf, 'strikeMatches:forIncident', { incidentId: near.id }).matches;
    expect(m).toMatchObject({ strikeReportId: s.id, incidentCode: 'NEAR', decision: 'pending' });
    expect(m!.reasons).toEqual(['1 day apart', 'within 240 m of the strike site (incident located to a neighbourhood, ±1 km)', 'same belligerent: U.S.-led Coalition']);
    expect(call(cf, 'strikeMatches:forIncident', { incidentId: far.id }).matches).toEqual([]);
    expect(call(cf, 'strikeMatches:queue', {})).toMatchObject({ total: 1, rows: [{ code: 'NEAR', pending: 1 }] });
  });

  it('an accepted match changes the grading suggestion; undoing it changes it back; each decision is audited', () => {
    const { cf, near } = caseWithIncident();
    const s = call(cf, 'strikes:create', { report: report() });
    call(cf, 'strikeMatches:compute', {});
    const before = call(cf, 'review:get', { id: near.id }).suggestion;
    expect(before.grade).toBeNull();
    call(cf, 'strikeMatches:decide', { strikeReportId: s.id, incidentId: near.id, decision: 'accepted' });
    const after = call(cf, 'review:get', { id: near.id });
    expect(after.evidence.acceptedStrikeMatches).toBe(1);
    expect(after.suggestion.grade).toBe('fair');
    expect(after.suggestion.reasons[0]).toMatch(/1 declared strike report matched to the incident near the date and place/);
    expect(call(cf, 'strikeMatches:queue', {}).total).toBe(0);
    call(cf, 'strikeMatches:decide', { strikeReportId: s.id, incidentId: near.id, decision: 'pending' });
    expect(call(cf, 'review:get', { id: near.id }).suggestion.grade).toBeNull();
    const audit = cf.db.prepare("SELECT reason FROM audit_log WHERE entity = 'strike_matches' AND action = 'update' ORDER BY seq").all() as { reason: string }[];
    expect(audit.map((a) => a.reason)).toEqual(['Strike-report match accepted', 'Strike-report match set back to pending']);
  });

  it('keeps decisions when candidates are computed again, and drops pending ones no longer near', () => {
    const { cf, near } = caseWithIncident();
    const a = call(cf, 'strikes:create', { report: report() });
    const b = call(cf, 'strikes:create', { report: report({ latitude: 36.36, longitude: 43.11, text: 'Second strike' }) });
    call(cf, 'strikeMatches:compute', {});
    call(cf, 'strikeMatches:decide', { strikeReportId: a.id, incidentId: near.id, decision: 'rejected' });
    call(cf, 'strikes:update', { id: b.id, report: report({ date: '2017-05-01', text: 'Second strike' }) });
    const again = call(cf, 'strikeMatches:compute', {});
    expect(again).toMatchObject({ kept: 1, removed: 1, created: 0 });
    const left = call(cf, 'strikeMatches:forIncident', { incidentId: near.id }).matches;
    expect(left.map((m) => [m.strikeReportId, m.decision])).toEqual([[a.id, 'rejected']]);
    // The trail (new candidates as one record entry, then updates and removals) replays to the rows.
    expect(call(cf, 'audit:verify', {})).toMatchObject({ ok: true, rowProblem: null });
  });

  it('does not propose a report for the incident its belligerent assessment already links', () => {
    const { cf, near } = caseWithIncident();
    const s = call(cf, 'strikes:create', { report: report() });
    cf.db.prepare('UPDATE incident_belligerents SET strike_report_id = ? WHERE incident_id = ?').run(s.id, near.id);
    expect(call(cf, 'strikeMatches:compute', {}).candidates).toBe(0);
  });

  it('refuses to decide a pair that is not a candidate, writing nothing', () => {
    const { cf, near } = caseWithIncident();
    const s = call(cf, 'strikes:create', { report: report() });
    const before = snapshot(cf);
    const r = dispatch(cf, 'strikeMatches:decide', { strikeReportId: s.id, incidentId: near.id, decision: 'accepted' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/compute the candidates first/) } });
    expect(snapshot(cf)).toEqual(before);
  });
});

describe('strike matching queries', () => {
  const plan = (sql: string, ...p: unknown[]) => {
    const cf = tempCaseFile();
    return (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');
  };
  it('the review queue reads pending candidates through their partial index', () => {
    expect(plan("SELECT incident_id, count(*), max(score) FROM strike_matches WHERE decision = 'pending' GROUP BY incident_id")).toMatch(/strike_matches_pending/);
  });
  it('the list filtered by belligerent uses its index', () => {
    expect(plan('SELECT * FROM strike_reports WHERE belligerent = ? COLLATE NOCASE ORDER BY report_date DESC', 'Coalition')).toMatch(/strike_reports_belligerent/);
  });
});
