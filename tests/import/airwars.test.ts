/**
 * The real Airwars archive, imported once: counts, what is left out and why, values kept and
 * flagged, every kind of field landing in the model, and a second import that changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import type { CaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { importAirwars } from '../../db/import/airwars/index';
import type { ImportReport } from '../../shared/importSchemas';
import { snapshot } from '../helpers/caseFiles';
import { main } from '../../cli/main';
import { ARCHIVE_DIR, breathe, csvObjects, hasArchive, NO_ARCHIVE, suiteCaseFile } from './helpers';
import { codePrefixes, independentStats } from './independentStats';

type Obj = Record<string, string>;
const files = new Map<string, Obj[]>();
const raw = (file: string): Obj[] => {
  if (!files.has(file)) files.set(file, csvObjects(readFileSync(join(ARCHIVE_DIR, file), 'utf8')));
  return files.get(file)!;
};

describe.skipIf(!hasArchive)(`the real Airwars archive (${hasArchive ? ARCHIVE_DIR : NO_ARCHIVE})`, () => {
  let cf: CaseFile;
  let report: ImportReport;
  let incidents: Obj[];
  const one = <T = Record<string, unknown>>(sql: string, ...p: unknown[]) => cf.db.prepare(sql).get(...p) as T;
  const count = (sql: string, ...p: unknown[]) => (cf.db.prepare(sql).get(...p) as { n: number }).n;
  const problemsOf = (code: string) => call(cf, 'dataProblems:list', { incidentId: (one<{ id: string }>('SELECT id FROM incidents WHERE code = ?', code)).id }).problems;

  let done: () => void;
  beforeAll(async () => {
    ({ cf, done } = suiteCaseFile());
    await breathe();
    report = importAirwars(cf, ARCHIVE_DIR);
    await breathe();
    incidents = raw('incidents.csv');
  }, 300_000);
  afterEach(breathe);
  afterAll(() => done());

  it('imports every row but the two second rows of a code already taken, and their rows in other files', () => {
    // Independently: the second row of a code is left out, with every row of the other files that belongs to it.
    const seen = new Set<string>();
    const dropped = new Set<string>();
    for (const r of incidents) (seen.has(r.code!) ? dropped : seen).add(seen.has(r.code!) ? r.sequence! : r.code!);
    expect(dropped.size).toBe(2);
    const kept = (file: string) => raw(file).filter((r) => !dropped.has(r.sequence!)).length;
    expect(count('SELECT count(*) AS n FROM incidents')).toBe(incidents.length - 2);
    expect(count('SELECT count(*) AS n FROM source_incidents')).toBe(kept('sources.csv'));
    expect(count('SELECT count(*) AS n FROM victims')).toBe(kept('victims.csv'));
    expect(count('SELECT count(*) AS n FROM incident_belligerents')).toBe(kept('belligerent_assessments.csv'));
    expect(count('SELECT count(*) AS n FROM incident_web_links')).toBe(kept('links.csv'));
    expect(report.counts.incidents).toMatchObject({ created: incidents.length - 2, leftOut: 2 });
    expect(report.counts.sources!.created + report.counts.sources!.leftOut).toBe(raw('sources.csv').length);
  });

  it('reports TS631 and TS633 by file, line, field and reason, and keeps their first rows', () => {
    const dup = report.problems.filter((p) => p.kind === 'duplicate_code');
    expect(dup.map((p) => [p.file, p.line, p.field, p.value, p.leftOut])).toEqual([
      ['incidents.csv', 484, 'code', 'TS633', true],
      ['incidents.csv', 512, 'code', 'TS631', true],
    ]);
    expect(dup[0]!.reason).toMatch(/already taken by the row on line 483/);
    expect(one('SELECT place_en FROM incidents WHERE code = ?', 'TS633')).toEqual({ place_en: 'town of Safia' });
    const orphans = report.problems.filter((p) => p.kind === 'incident_left_out');
    expect(orphans.length).toBe(25);
    expect(new Set(orphans.map((p) => p.code))).toEqual(new Set(['TS631', 'TS633']));
    expect(orphans.every((p) => p.leftOut && p.line !== null && /incidents\.csv line (484|512)/.test(p.reason))).toBe(true);
  });

  it('keeps the placeholder date and the two missing dates as they stand, flagged', () => {
    expect(one('SELECT date_start FROM incidents WHERE code = ?', 'TRSOM001')).toEqual({ date_start: '1970-01-01' });
    expect(problemsOf('TRSOM001').map((p) => [p.kind, p.field, p.value])).toContainEqual(['placeholder_date', 'incident_date', '1970-01-01']);
    for (const code of ['TS644', 'YS133']) {
      expect(one('SELECT date_start FROM incidents WHERE code = ?', code)).toEqual({ date_start: null });
      expect(problemsOf(code).map((p) => p.kind)).toContain('missing_date');
    }
  });

  it('keeps "Contested, Discounted" as written, counts it as Contested, and flags it', () => {
    const row = one<{ grade: string; extra_json: string; status: string }>('SELECT grade, extra_json, status FROM incidents WHERE code = ?', 'CS1477 RS2440');
    expect(row.grade).toBe('contested');
    expect(row.status).toBe('published');
    expect(JSON.parse(row.extra_json).airwars.civilian_harm_status_original).toBe('Contested, Discounted');
    expect(problemsOf('CS1477 RS2440')).toContainEqual(expect.objectContaining({ kind: 'several_grades', field: 'civilian_harm_status_original', value: 'Contested, Discounted', file: 'incidents.csv' }));
  });

  it('keeps every minimum above its maximum as it stands, and flags each', () => {
    const pairs = ['civilians_killed', 'civilians_injured', 'children_killed', 'children_injured', 'women_killed', 'women_injured', 'men_killed', 'men_injured'];
    const model: Record<string, string> = { civilians_killed: 'killed', civilians_injured: 'injured' };
    const found: [string, string][] = [];
    for (const r of incidents) {
      for (const p of pairs) if (r[`${p}_min`] !== '' && r[`${p}_max`] !== '' && Number(r[`${p}_min`]) > Number(r[`${p}_max`])) found.push([r.code!, p]);
    }
    expect(found.length).toBeGreaterThan(0);
    for (const [code, p] of found) {
      const col = model[p] ?? p;
      const row = one<Record<string, number>>(`SELECT ${col}_min AS min, ${col}_max AS max FROM incidents WHERE code = ?`, code);
      expect(row.min).toBeGreaterThan(row.max!);
      expect(problemsOf(code)).toContainEqual(expect.objectContaining({ kind: 'min_above_max', field: `${p}_max` }));
    }
  });

  it('makes the problems visible and filterable: by incident, by kind, and in the incidents list', () => {
    const all = call(cf, 'dataProblems:list', { limit: 1 });
    expect(all.total).toBe(count('SELECT count(*) AS n FROM data_problems'));
    expect(all.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['placeholder_date', 'missing_date', 'several_grades', 'min_above_max', 'category_above_total']));
    const flagged = call(cf, 'incidents:list', { filter: { hasProblems: true }, limit: 1 }).total;
    const clean = call(cf, 'incidents:list', { filter: { hasProblems: false }, limit: 1 }).total;
    expect(flagged).toBe(count('SELECT count(DISTINCT incident_id) AS n FROM data_problems'));
    expect(flagged + clean).toBe(incidents.length - 2);
    const kept = report.problems.filter((p) => !p.leftOut && p.line !== null);
    expect(kept.every((p) => p.file.endsWith('.csv') && p.reason.length > 0)).toBe(true);
  });

  it('lands every kind of field in the model, and keeps columns without a home with the record', () => {
    const src = incidents.find((r) => r.latitude && r.local_time_original && r.strike_status_original && r.cause_of_death_original && r.governorate_original)!;
    const inc = one<Record<string, unknown>>('SELECT * FROM incidents WHERE code = ?', src.code);
    expect(inc).toMatchObject({
      date_start: src.incident_date, local_time: src.local_time_original, place_en: src.location_en, place_ar: src.location_ar || null,
      governorate: src.governorate_original, country: 'Syria', latitude: Number(src.latitude), longitude: Number(src.longitude),
      strike_type: src.strike_type_original || null, cause_of_death: src.cause_of_death_original,
      killed_min: src.civilians_killed_min ? Number(src.civilians_killed_min) : null,
    });
    const extra = JSON.parse(inc.extra_json as string).airwars;
    for (const col of ['airwars_id', 'incident_url', 'taxonomy_ids_json', 'incident_status_original', 'page_completion']) expect(extra[col]).toBe(src[col]);
    const victim = (v: Obj) => one<Record<string, unknown>>('SELECT v.* FROM victims v JOIN incidents i ON i.id = v.incident_id WHERE i.code = ? AND v.ord = ?', v.code, Number(v.victim_order));
    const v = raw('victims.csv').find((r) => /^\d+$/.test(r.age!) && r.name_local && r.gender_original && r.age_group_original)!;
    expect(victim(v)).toMatchObject({ name_local: v.name_local, name_latin: v.name_original, age: Number(v.age), gender: v.gender_original, age_group: v.age_group_original, harm: v.status_original || null, civilian_status_contested: 0 });
    const contested = raw('victims.csv').find((r) => r.civilian_status_contested_original === 'True')!;
    expect(victim(contested)).toMatchObject({ civilian_status_contested: 1 });
    const b = raw('belligerent_assessments.csv').find((r) => r.belligerent_mgrs_coordinate && r.belligerent_strike_report && r.belligerent_assessment === 'credible')!;
    const bell = one<Record<string, unknown>>(
      'SELECT b.*, r.text, r.url FROM incident_belligerents b JOIN incidents i ON i.id = b.incident_id LEFT JOIN strike_reports r ON r.id = b.strike_report_id WHERE i.code = ? AND b.ord = ?',
      b.code, Number(b.belligerent_order),
    );
    expect(bell).toMatchObject({ position: 'credible', mgrs: b.belligerent_mgrs_coordinate, text: b.belligerent_strike_report, url: b.belligerent_strike_report_url || null });
    const source = (r: Obj) => one<Record<string, unknown>>('SELECT s.* FROM sources s JOIN source_incidents si ON si.source_id = s.id JOIN incidents i ON i.id = si.incident_id WHERE i.code = ? AND si.ord = ?', r.code, Number(r.source_order));
    const tweet = raw('sources.csv').find((r) => r.language_original === 'Twitter\nArabic')!;
    expect(source(tweet)).toMatchObject({ kind: 'social_media', language: 'Arabic', outlet: tweet.source_name_original || null, url: tweet.source_url, archive_url: tweet.archive_url });
    expect(JSON.parse(source(tweet).extra_json as string).airwars.language_original).toBe('Twitter\nArabic');
    const dated = raw('sources.csv').find((r) => r.source_date === '2 مارس 2026')!;
    expect(source(dated)).toMatchObject({ published_date: '2026-03-02', author: dated.source_author_original || null });
  });

  it('records an earlier code, and reports one that another incident already answers to', () => {
    expect(count("SELECT count(*) AS n FROM incident_codes WHERE kind = 'previous'")).toBe(report.counts.previous_codes!.created);
    const taken = report.problems.find((p) => p.kind === 'previous_code_taken')!;
    expect(taken.reason).toMatch(/not recorded/);
    expect(call(cf, 'incidents:get', { code: taken.code! }).previousCodes).not.toContain(taken.value);
  });

  it('gives, for every code prefix, the figures computed straight from the CSV files', async () => {
    const expected = independentStats(ARCHIVE_DIR);
    const prefixes = codePrefixes(ARCHIVE_DIR);
    expect(prefixes).toEqual(expect.arrayContaining(['CS', 'RS', 'TS']));
    for (const prefix of [undefined, ...prefixes]) {
      const out: string[] = [];
      const code = await main(['stats', cf.path, '--json', ...(prefix ? ['--code-prefix', prefix] : [])], { out: (s) => out.push(s), err: () => undefined });
      expect(code).toBe(0);
      expect(JSON.parse(out.join('\n')), `prefix ${prefix ?? '(all)'}`).toEqual(expected(prefix));
    }
    expect(expected('CS').headline.incidents).toBeGreaterThan(1000);
  }, 120_000);

  it('verifies, and a second import of the same archive creates nothing and writes no audit entry', () => {
    expect(verifyAuditChain(cf).ok).toBe(true);
    const { imports: _i, ...before } = snapshot(cf);
    const again = importAirwars(cf, ARCHIVE_DIR);
    const { imports: _j, ...after } = snapshot(cf);
    expect(after).toEqual(before);
    expect(again.auditEntries).toBe(0);
    expect(again.createdCodes).toEqual([]);
    expect(again.updatedCodes).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.counts.incidents).toMatchObject({ created: 0, updated: 0, unchanged: incidents.length - 2 });
    expect(call(cf, 'imports:list', {}).total).toBe(2);
    expect(call(cf, 'imports:get', { id: again.id }).counts).toEqual(again.counts);
  }, 300_000);
});
