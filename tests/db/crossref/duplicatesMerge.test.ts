import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { change } from '../../../db/audit';
import type { CaseFile } from '../../../db/casefile';
import { call, dispatch } from '../../../db/handlers';
import { incidentInput, snapshot, tempCaseFile, unknownCasualties } from '../../helpers/caseFiles';

const source = (url: string, title: string) => ({
  kind: 'local_media', outlet: null, author: null, url, archiveUrl: null, language: 'Arabic', publishedDate: null,
  accessedDate: null, title, excerptOriginal: null, excerptTranslation: null, credibilityNotes: null,
  sensitivePersonal: false, sensitiveGraphic: false,
}) as const;
const victim = (nameLatin: string, nameLocal: string) => ({
  id: null, nameLatin, nameLocal, gender: 'male', age: null, ageGroup: null, harm: 'killed', familyGroup: null,
  civilianStatusContested: false, sensitive: false,
}) as const;

/** Every row of the case data (not the audit log, search index or derived suggestions), incidents with their rowid. */
function dump(cf: CaseFile): Record<string, string[]> {
  const skip = /^(audit_log|search_|duplicate_suggestions|duplicate_runs|sqlite_)/;
  const tables = (cf.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !skip.test(n));
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const sql = t === 'incidents' ? 'SELECT rowid AS _rowid, * FROM incidents' : `SELECT * FROM ${t}`;
    out[t] = (cf.db.prepare(sql).all() as object[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Two near-identical incidents: B has sources (one also on A), a capture, victims, a belligerent, links, an earlier code. */
function twoIncidents() {
  const cf = tempCaseFile();
  const killed = { ...unknownCasualties(), killed: { min: 4, max: 6 } };
  const a = call(cf, 'incidents:create', { incident: incidentInput({ code: 'T001', casualties: killed, summary: null }) });
  const b = call(cf, 'incidents:create', {
    incident: incidentInput({
      code: 'T002', placeEn: 'Mosul al Jadida', summary: 'Strike on a house', casualties: { ...killed, injured: { min: 2, max: 3 } },
      belligerents: [{ belligerent: 'Coalition', involvement: 'suspected', position: 'duplicate', concededKilled: { min: null, max: null }, concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null }],
    }),
  });
  const c = call(cf, 'incidents:create', { incident: incidentInput({ code: 'T003', dateStart: '2018-01-01' }) });
  call(cf, 'sources:create', { source: source('https://example.org/shared', 'Both'), incidentIds: [a.id, b.id] });
  const own = call(cf, 'sources:create', { source: source('https://example.org/own', 'Only B'), incidentIds: [b.id] });
  call(cf, 'captures:add', { sourceId: own.id, fileName: 'shot.png', mimeType: 'image/png', dataBase64: Buffer.from('pixels').toString('base64') });
  call(cf, 'victims:save', { incidentId: a.id, victims: [victim('Ahmad al-Ali', 'أحمد العلي')] });
  call(cf, 'victims:save', { incidentId: b.id, victims: [victim('Ahmad al-Ali', 'احمد العلي'), victim('Omar al-Ali', 'عمر العلي')] });
  const report = randomUUID();
  change(cf, 'fixture rows', (w) => {
    w.insert('incident_codes', { code: 'S100', incident_id: b.id, kind: 'previous' });
    w.insert('incident_web_links', { id: randomUUID(), incident_id: b.id, ord: 0, kind: 'strike_report', label: 'CENTCOM', url: 'https://example.org/sr' });
    w.insert('incident_links', { id: randomUUID(), from_incident_id: b.id, to_incident_id: c.id, kind: 'related', created_at: w.at });
    w.insert('incident_links', { id: randomUUID(), from_incident_id: a.id, to_incident_id: b.id, kind: 'same_event', created_at: w.at });
    w.insert('strike_reports', { id: report, belligerent: 'Coalition', report_date: '2017-03-17', created_at: w.at });
    w.insert('strike_matches', { strike_report_id: report, incident_id: b.id, score: 0.8, decision: 'accepted' });
    w.insert('review_decisions', { id: randomUUID(), incident_id: b.id, reviewer: 'tester', decision: 'submit', decided_at: w.at });
    w.insert('data_problems', { id: randomUUID(), entity: 'incident', entity_id: b.id, incident_id: b.id, kind: 'range', field: 'killed', reason: 'x', created_at: w.at });
  });
  return { cf, a, b, c, report, own };
}

describe('duplicates: suggestion, merge, undo', () => {
  it('suggests the pair with its reasons, and a dismissed pair stays dismissed', () => {
    const { cf, a, b } = twoIncidents();
    const list = call(cf, 'duplicates:list', {});
    const pair = list.rows.find((r) => [r.a.id, r.b.id].sort().join() === [a.id, b.id].sort().join());
    expect(pair).toBeDefined();
    expect(pair!.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['date', 'distance', 'place', 'source', 'url', 'victims', 'casualties']));
    call(cf, 'duplicates:decide', { incidentA: b.id, incidentB: a.id, decision: 'not_duplicate', note: 'two strikes' });
    call(cf, 'duplicates:compute', {});
    expect(call(cf, 'duplicates:list', {}).rows.some((r) => r.a.id === pair!.a.id && r.b.id === pair!.b.id)).toBe(false);
    const dismissed = call(cf, 'duplicates:list', { decision: 'not_duplicate' }).rows;
    expect(dismissed.map((r) => r.note)).toEqual(['two strikes']);
  });

  it('merges field by field in one audited operation, moves every row, and keeps the old code', () => {
    const { cf, a, b, c, report, own } = twoIncidents();
    const auditBefore = (cf.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    const preview = call(cf, 'duplicates:mergePreview', { survivorId: a.id, absorbedId: b.id });
    expect(preview.refusal).toBeNull();
    expect(preview.fields.find((f) => f.field === 'summary')).toMatchObject({ survivor: null, absorbed: 'Strike on a house', pick: 'absorbed' });
    expect(preview.fields.find((f) => f.field === 'placeEn')).toMatchObject({ survivor: 'Mosul al-Jadida', absorbed: 'Mosul al Jadida', pick: 'survivor' });
    expect(preview.moves).toEqual({ sources: 1, captures: 1, victims: 2, belligerents: 1, strikeMatches: 1, webLinks: 1, incidentLinks: 1, codes: 2 });

    const merged = call(cf, 'duplicates:merge', { survivorId: a.id, absorbedId: b.id, picks: { killed: 'absorbed', injured: 'survivor' }, reason: 'same house' });
    expect(merged.moves).toEqual(preview.moves);
    const after = call(cf, 'incidents:get', { id: a.id });
    expect(after.summary).toBe('Strike on a house'); // default: the survivor's was empty
    expect(after.casualties.killed).toEqual({ min: 4, max: 6 });
    expect(after.casualties.injured).toEqual({ min: null, max: null }); // picked: the survivor's (empty)
    expect(after.previousCodes).toEqual(['S100', 'T002']);
    expect(after.sources.map((s) => s.title).sort()).toEqual(['Both', 'Only B']);
    expect(after.victims.map((v) => v.nameLatin)).toEqual(['Ahmad al-Ali', 'Ahmad al-Ali', 'Omar al-Ali']);
    expect(after.belligerents.map((x) => x.position)).toEqual(['duplicate']);
    expect(call(cf, 'incidents:get', { code: 'T002' }).id).toBe(a.id);
    expect(call(cf, 'search:query', { query: 'T002' }).results.map((r: { id: string }) => r.id)).toContain(a.id);
    expect(call(cf, 'sources:get', { id: own.id }).incidents.map((i: { code: string }) => i.code)).toEqual(['T001']);
    expect(cf.db.prepare('SELECT incident_id FROM strike_matches WHERE strike_report_id = ?').get(report)).toEqual({ incident_id: a.id });
    expect(cf.db.prepare('SELECT from_incident_id, to_incident_id, kind FROM incident_links').all()).toEqual([{ from_incident_id: a.id, to_incident_id: c.id, kind: 'related' }]);
    expect(cf.db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 2 });
    expect(call(cf, 'stats:get', {}).incidents).toBe(2);
    // One operation: every entry of the merge has the same reason naming both codes.
    const reasons = cf.db.prepare('SELECT DISTINCT reason FROM audit_log WHERE seq > ?').all(auditBefore) as { reason: string }[];
    expect(reasons).toEqual([{ reason: 'Merged T002 into T001: same house' }]);
    expect(call(cf, 'audit:verify', {})).toMatchObject({ ok: true, rowProblem: null });
    expect(call(cf, 'duplicates:merges', {}).rows.map((m) => [m.survivorCode, m.absorbedCode])).toEqual([['T001', 'T002']]);
  });

  it('undo restores both incidents and every moved row exactly, audited', () => {
    const { cf, a, b } = twoIncidents();
    call(cf, 'search:query', { query: 'T001' }); // search index up to date
    call(cf, 'duplicates:compute', {});
    const before = dump(cf);
    const snap = snapshot(cf);
    const merged = call(cf, 'duplicates:merge', { survivorId: a.id, absorbedId: b.id, picks: { placeEn: 'absorbed', summary: 'absorbed' } });
    expect(dump(cf)).not.toEqual(before);
    const undone = call(cf, 'duplicates:undoMerge', { mergeId: merged.id, reason: 'wrong pair' });
    expect(undone).toMatchObject({ survivorId: a.id, absorbedId: b.id, absorbedCode: 'T002' });
    expect(dump(cf)).toEqual(before);
    call(cf, 'search:query', { query: 'T001' });
    call(cf, 'duplicates:compute', {});
    // Equal apart from the audit log and FTS5's own segment tables (how it packs its index).
    const strip = (s: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !['auditHead', 'audit_log', 'search_fts_data', 'search_fts_idx'].includes(k)));
    expect(strip(snapshot(cf))).toEqual(strip(snap));
    expect(call(cf, 'incidents:get', { code: 'T002' }).id).toBe(b.id);
    expect(cf.db.prepare("SELECT reason FROM audit_log ORDER BY seq DESC LIMIT 1").get()).toEqual({ reason: 'Undid the merge of T002 into T001: wrong pair' });
    expect(call(cf, 'audit:verify', {})).toMatchObject({ ok: true, rowProblem: null });
    expect(call(cf, 'duplicates:merges', {}).rows).toEqual([]);
    // The pair is suggested again, pending.
    expect(call(cf, 'duplicates:list', {}).rows.some((r) => [r.a.id, r.b.id].includes(b.id))).toBe(true);
  });

  it('refuses an undo that would throw away later work, and names it', () => {
    const { cf, a, b } = twoIncidents();
    const merged = call(cf, 'duplicates:merge', { survivorId: a.id, absorbedId: b.id });
    const victims = call(cf, 'incidents:get', { id: a.id }).victims;
    call(cf, 'victims:save', { incidentId: a.id, victims: victims.map((v, i) => ({ ...v, nameLatin: i === 2 ? 'Omar Ali' : v.nameLatin })) });
    const snap = snapshot(cf);
    const r = dispatch(cf, 'duplicates:undoMerge', { mergeId: merged.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Cannot undo the merge \(splitting T002 from T001\): incident T001 \(updated_at\) was changed after the merge by tester \(“Victims edited”\), audit entry \d+\. Undo that change first/) });
    expect(snapshot(cf)).toEqual(snap);
  });

  it('refuses bad merges with a clear message and writes nothing', () => {
    const { cf, a, b } = twoIncidents();
    const snap = snapshot(cf);
    const cases: [unknown, string, RegExp][] = [
      [{ survivorId: a.id, absorbedId: a.id }, 'invalid_input', /cannot be merged with itself/],
      [{ survivorId: a.id, absorbedId: 'no-such-id' }, 'not_found', /No incident with id no-such-id \(the incident to absorb\)/],
      [{ survivorId: 'nope', absorbedId: b.id }, 'not_found', /No incident with id nope \(the surviving incident\)/],
    ];
    for (const [input, code, message] of cases) {
      const r = dispatch(cf, 'duplicates:merge', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    const r = dispatch(cf, 'duplicates:undoMerge', { mergeId: 'nothing' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
    const d = dispatch(cf, 'duplicates:decide', { incidentA: a.id, incidentB: 'ghost', decision: 'not_duplicate' });
    expect(d.ok ? null : d.error.message).toMatch(/No incident with id ghost/);
    expect(snapshot(cf)).toEqual(snap);
  });

  it('refuses to merge a graded or published incident, saying to reopen it first', () => {
    const { cf, a, b } = twoIncidents();
    cf.db.prepare("UPDATE incidents SET status = 'graded', grade = 'fair' WHERE id = ?").run(b.id); // as if graded (rules tested elsewhere)
    const preview = call(cf, 'duplicates:mergePreview', { survivorId: a.id, absorbedId: b.id });
    expect(preview.refusal).toMatch(/T002 is graded and locked/);
    const snap = snapshot(cf);
    const r = dispatch(cf, 'duplicates:merge', { survivorId: a.id, absorbedId: b.id });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/^Cannot merge: T002 is graded and locked against edits\. A reviewer or editor can reopen it/) });
    expect(snapshot(cf)).toEqual(snap);
  });
});
