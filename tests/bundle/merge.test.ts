/**
 * Merging a colleague's bundle (issue 8, item 4): two copies of the demo case are edited apart,
 * one side's bundle merges into the other.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { change, type Row } from '../../db/audit';
import { closeCaseFile, createCaseFile, openCaseFile, type CaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { importAirwars } from '../../db/import/airwars/index';
import { call } from '../../db/handlers';
import { applyMerge } from '../../db/bundle/mergeApply';
import { loadBundleForMerge } from '../../db/bundle/mergeBundle';
import { planMerge } from '../../db/bundle/mergePlan';
import { ARCHIVE_DIR, hasArchive } from '../helpers/archive';
import { bundleDataOf, writeTestBundle } from '../helpers/bundles';
import { incidentInput, snapshot, tempDir } from '../helpers/caseFiles';

const SOURCE = { sha256: 'a'.repeat(64), signer: 'Field investigator (test)' };
const opened: CaseFile[] = [];
afterEach(() => {
  while (opened.length) closeCaseFile(opened.pop()!);
});

/** The demo case and a copy of its file: two investigators' case files. */
function twoCopies(): { office: CaseFile; field: CaseFile; dir: string } {
  const dir = tempDir();
  const a = join(dir, 'office.casefile');
  const cf = createDemoCaseFile(a, { actor: 'office' });
  // Two named victims (the demo has none), so that both sides have victims to edit and delete.
  const first = (cf.db.prepare('SELECT id FROM incidents ORDER BY code LIMIT 1').get() as { id: string }).id;
  change(cf, 'test victims', (w) => {
    w.insert('victims', { id: 'victim-a', incident_id: first, ord: 0, name_latin: 'Victim A', harm: 'killed' });
    w.insert('victims', { id: 'victim-b', incident_id: first, ord: 1, name_latin: 'Victim B', harm: 'injured' });
  });
  closeCaseFile(cf);
  copyFileSync(a, join(dir, 'field.casefile'));
  const office = openCaseFile(a, { actor: 'office' });
  const field = openCaseFile(join(dir, 'field.casefile'), { actor: 'field' });
  opened.push(office, field);
  return { office, field, dir };
}

const incident = (cf: CaseFile, code: string) => cf.db.prepare('SELECT * FROM incidents WHERE code = ?').get(code) as Row;
const codes = (cf: CaseFile) => (cf.db.prepare('SELECT code FROM incidents ORDER BY code').all() as { code: string }[]).map((r) => r.code);
const edit = (cf: CaseFile, table: string, key: Row, patch: Row) => change(cf, 'test edit', (w) => w.update(table, key, patch));
const auditCount = (cf: CaseFile) => (cf.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const victimsOf = (cf: CaseFile, incidentId: unknown) =>
  cf.db.prepare('SELECT * FROM victims WHERE incident_id = ? ORDER BY ord').all(incidentId) as Row[];

describe('merging a bundle into a copy of the same case', () => {
  it('takes changes made on one side only, keeps mine, and merges a second time as a no-op', () => {
    const { office, field } = twoCopies();
    const [c1, c2] = codes(office);
    edit(field, 'incidents', { id: incident(field, c1!).id }, { summary: 'Field: new witness account' });
    edit(office, 'incidents', { id: incident(office, c2!).id }, { summary: 'Office: checked against the strike log' });

    const { data } = bundleDataOf(field);
    const plan = planMerge(office, data, SOURCE);
    expect(plan.conflicts).toEqual([]);
    const byKey = (id: unknown) => plan.steps.find((s) => s.table === 'incidents' && s.key === id)!;
    expect(byKey(incident(office, c1!).id).action).toBe('theirs');
    expect(byKey(incident(office, c2!).id).action).toBe('mine');
    expect(plan.counts.theirs).toBe(1);
    expect(plan.counts.new).toBe(0);

    const before = auditCount(office);
    const out = applyMerge(office, data, SOURCE, {});
    expect(out.auditEntries).toBe(1);
    expect(incident(office, c1!).summary).toBe('Field: new witness account');
    expect(incident(office, c2!).summary).toBe('Office: checked against the strike log');
    const entries = office.db.prepare('SELECT reason FROM audit_log WHERE seq > ?').all(before) as { reason: string }[];
    expect(entries.map((e) => e.reason)).toEqual([`Merged bundle sha256:${SOURCE.sha256} signed by ${SOURCE.signer}`]);
    expect(call(office, 'audit:verify', {}).ok).toBe(true);

    const again = snapshot(office);
    const second = applyMerge(office, data, SOURCE, {});
    expect(second.auditEntries).toBe(0);
    expect(second.plan.counts.theirs + second.plan.counts.new + second.plan.counts.conflict + second.plan.counts.merged).toBe(0);
    expect(snapshot(office)).toEqual(again);
  });

  it('merges fields changed on one side and asks about fields changed on both', () => {
    const { office, field } = twoCopies();
    const code = codes(office)[0]!;
    const id = incident(office, code).id;
    edit(field, 'incidents', { id }, { summary: 'Field summary', place_en: 'Field place' });
    edit(office, 'incidents', { id }, { summary: 'Office summary', governorate: 'Office governorate' });

    const { data } = bundleDataOf(field);
    const plan = planMerge(office, data, SOURCE);
    expect(plan.conflicts).toHaveLength(1);
    const c = plan.conflicts[0]!;
    expect(c.label).toBe(`incident ${code}`);
    expect(c.kind).toBe('fields');
    expect(c.fields.map((f) => [f.column, f.mine, f.theirs])).toEqual([['summary', 'Office summary', 'Field summary']]);

    // Nothing is applied while a conflict is open.
    const untouched = snapshot(office);
    expect(() => applyMerge(office, data, SOURCE, {})).toThrow(/1 conflict is not resolved: incident/);
    expect(snapshot(office)).toEqual(untouched);
    expect(() => applyMerge(office, data, SOURCE, { [c.id]: { fields: {} } })).toThrow(/not resolved/);

    applyMerge(office, data, SOURCE, { [c.id]: { fields: { summary: { pick: 'edit', value: 'Both accounts agree' } } } });
    const merged = incident(office, code);
    expect([merged.summary, merged.place_en, merged.governorate]).toEqual(['Both accounts agree', 'Field place', 'Office governorate']);

    // The same bundle again: their version is now in my lineage.
    const n = auditCount(office);
    const again = applyMerge(office, data, SOURCE, {});
    expect(again.plan.conflicts).toEqual([]);
    expect(again.plan.steps.find((s) => s.key === id)!.action).toBe('mine');
    expect(auditCount(office)).toBe(n);
  });

  it('resolves with mine or theirs per field, and an edit is checked against the column type', () => {
    const { office, field } = twoCopies();
    const id = incident(office, codes(office)[0]!).id;
    edit(field, 'incidents', { id }, { killed_min: 3, summary: 'F' });
    edit(office, 'incidents', { id }, { killed_min: 4, summary: 'O' });
    const { data } = bundleDataOf(field);
    const c = planMerge(office, data, SOURCE).conflicts[0]!;
    expect(c.fields.map((f) => f.column).sort()).toEqual(['killed_min', 'summary']);
    expect(() => applyMerge(office, data, SOURCE, { [c.id]: { fields: { killed_min: { pick: 'edit', value: 'four' }, summary: { pick: 'mine' } } } })).toThrow(
      /killed_min must be a whole number/,
    );
    applyMerge(office, data, SOURCE, { [c.id]: { fields: { killed_min: { pick: 'theirs' }, summary: { pick: 'mine' } } } });
    expect([incident(office, codes(office)[0]!).killed_min, incident(office, codes(office)[0]!).summary]).toEqual([3, 'O']);
  });

  it('applies a deletion made on one side, and makes deletion against a change a conflict', () => {
    const { office, field } = twoCopies();
    const [v1, v2] = office.db.prepare('SELECT * FROM victims ORDER BY id LIMIT 2').all() as Row[];
    const victimIds = () => (office.db.prepare('SELECT id FROM victims').all() as { id: string }[]).map((v) => v.id);
    // Field deletes v1 (office left it alone) and v2 (office changed it).
    change(field, 'test delete', (w) => {
      w.remove('victims', { id: v1!.id });
      w.remove('victims', { id: v2!.id });
    });
    edit(office, 'victims', { id: v2!.id }, { notes: 'Office: confirmed by family' });
    const { data } = bundleDataOf(field);
    const plan = planMerge(office, data, SOURCE);
    expect(plan.steps.find((s) => s.key === v1!.id)!.action).toBe('theirs');
    expect(plan.conflicts.map((c) => [c.key, c.kind])).toEqual([[v2!.id, 'deleted_theirs']]);
    applyMerge(office, data, SOURCE, { [plan.conflicts[0]!.id]: { record: 'mine' } });
    expect(victimIds()).not.toContain(v1!.id);
    expect((office.db.prepare('SELECT notes FROM victims WHERE id = ?').get(v2!.id) as Row).notes).toBe('Office: confirmed by family');
  });

  it('keeps my deletion when they did not change the record, and asks when they did', () => {
    const { office, field } = twoCopies();
    const [v1, v2] = office.db.prepare('SELECT * FROM victims ORDER BY id LIMIT 2').all() as Row[];
    const victimIds = () => (office.db.prepare('SELECT id FROM victims').all() as { id: string }[]).map((v) => v.id);
    change(office, 'test delete', (w) => {
      w.remove('victims', { id: v1!.id });
      w.remove('victims', { id: v2!.id });
    });
    edit(field, 'victims', { id: v2!.id }, { notes: 'Field: seen at the hospital' });
    const { data } = bundleDataOf(field);
    const plan = planMerge(office, data, SOURCE);
    expect(plan.steps.find((s) => s.key === v1!.id)!.action).toBe('mine');
    expect(plan.conflicts.map((c) => [c.key, c.kind])).toEqual([[v2!.id, 'deleted_mine']]);
    applyMerge(office, data, SOURCE, { [plan.conflicts[0]!.id]: { record: 'theirs' } });
    const ids = victimIds();
    expect(ids).not.toContain(v1!.id);
    expect(ids).toContain(v2!.id);
  });

  it('adds new records with their children, parents first, and the search index finds them', () => {
    const { office, field } = twoCopies();
    const created = call(field, 'incidents:create', {
      incident: incidentInput({
        code: 'FIELD01',
        summary: 'Zanzibarqux market strike',
        belligerents: [{ belligerent: 'Coalition', involvement: 'suspected', position: 'not_yet_assessed', concededKilled: { min: null, max: null }, concededInjured: { min: null, max: null }, locationText: null, mgrs: null, statement: null }],
      }),
    });
    const newId = created.id;
    change(field, 'test victims', (w) => {
      w.insert('victims', { id: 'victim-new-1', incident_id: newId, ord: 0, name_latin: 'Test Person' });
    });
    const { data } = bundleDataOf(field);
    const plan = planMerge(office, data, SOURCE);
    expect(plan.counts.new).toBe(3); // the incident, its belligerent, its victim
    applyMerge(office, data, SOURCE, {});
    expect(incident(office, 'FIELD01').summary).toBe('Zanzibarqux market strike');
    expect(victimsOf(office, newId).map((v) => v.name_latin)).toEqual(['Test Person']);
    const found = call(office, 'search:query', { query: 'Zanzibarqux' });
    expect(found.counts.incident).toBe(1);
  });
});

describe('an internal bundle merged into an empty case file', () => {
  it('gives the same stats as its source (demo case), through the zip the merge reads', () => {
    const dir = tempDir();
    const demo = createDemoCaseFile(join(dir, 'demo.casefile'), { actor: 'office' });
    opened.push(demo);
    writeTestBundle(demo, join(dir, 'demo.zip'));
    const empty = createCaseFile(join(dir, 'empty.casefile'), { actor: 'field' });
    opened.push(empty);
    const loaded = loadBundleForMerge(readFileSync(join(dir, 'demo.zip')));
    const out = applyMerge(empty, loaded.data, loaded.source, {}, { blobContent: loaded.blobContent });
    expect(out.plan.counts.new).toBeGreaterThan(0);
    expect(call(empty, 'stats:get', { filter: {} })).toEqual(call(demo, 'stats:get', { filter: {} }));
    expect(applyMerge(empty, loaded.data, loaded.source, {}).auditEntries).toBe(0);
  });

  it('refuses a bundle that fails verification or was redacted', () => {
    const dir = tempDir();
    const demo = createDemoCaseFile(join(dir, 'demo.casefile'), { actor: 'office' });
    opened.push(demo);
    writeTestBundle(demo, join(dir, 'pub.zip'), { profile: 'publication' });
    expect(() => loadBundleForMerge(readFileSync(join(dir, 'pub.zip')))).toThrow(/"publication" profile/);
    writeTestBundle(demo, join(dir, 'demo.zip'), { store: true });
    const bytes = readFileSync(join(dir, 'demo.zip'));
    const at = bytes.indexOf(Buffer.from('casefile-bundle-data'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'C'.charCodeAt(0);
    expect(() => loadBundleForMerge(bytes, 'demo.zip')).toThrow(/fails verification[\s\S]*data\/case.json/);
  });
});

describe('the real archive', () => {
  // Each step is long: the event loop is given back between them, so that the test runner's
  // own messages are answered (a worker blocked for a minute is reported as an error).
  const breathe = () => new Promise((r) => setImmediate(r));
  it.skipIf(!hasArchive)('an internal bundle of the imported archive merged into an empty case file gives the same stats', async () => {
    const dir = tempDir();
    const source = createCaseFile(join(dir, 'archive.casefile'), { actor: 'import' });
    opened.push(source);
    importAirwars(source, ARCHIVE_DIR);
    await breathe();
    writeTestBundle(source, join(dir, 'archive.zip'));
    await breathe();
    const empty = createCaseFile(join(dir, 'empty.casefile'), { actor: 'field' });
    opened.push(empty);
    const loaded = loadBundleForMerge(readFileSync(join(dir, 'archive.zip')));
    await breathe();
    applyMerge(empty, loaded.data, loaded.source, {}, { blobContent: loaded.blobContent });
    await breathe();
    expect(call(empty, 'stats:get', { filter: {} })).toEqual(call(source, 'stats:get', { filter: {} }));
    expect(call(empty, 'stats:get', { filter: {} }).incidents).toBeGreaterThan(8000);
  }, 600_000);
  if (!hasArchive) it.skip(`needs the Airwars archive at ${ARCHIVE_DIR}`, () => {});
});
