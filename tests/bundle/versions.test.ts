/**
 * An export's version lineages from the rows its selection already read and hashed
 * (db/bundle/versions.ts HistoryOptions.current) are exactly those read again from the case
 * file: for a whole-case bundle and a filtered one, with updated, deleted and merged-in records.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { change, type Row } from '../../db/audit';
import { closeCaseFile, openCaseFile, type CaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { applyMerge } from '../../db/bundle/mergeApply';
import { planMerge } from '../../db/bundle/mergePlan';
import { findBundleProfile } from '../../db/bundle/profiles';
import { selectBundle } from '../../db/bundle/select';
import { bundleVersions, currentVersionsOf, tableColumns, TOMBSTONE_PREFIX, versionHash, versionRow, type CurrentRows } from '../../db/bundle/versions';
import { bundleDataOf } from '../helpers/bundles';
import { tempDir } from '../helpers/caseFiles';

const opened: CaseFile[] = [];
afterEach(() => {
  while (opened.length) closeCaseFile(opened.pop()!);
});

/** The demo case with updated incidents, a deleted victim and versions adopted from a colleague's bundle. */
function editedCase(): CaseFile {
  const dir = tempDir();
  const path = join(dir, 'office.casefile');
  const cf = createDemoCaseFile(path, { actor: 'office' });
  const ids = (cf.db.prepare('SELECT id FROM incidents ORDER BY code').all() as { id: string }[]).map((r) => r.id);
  change(cf, 'test victims', (w) => {
    w.insert('victims', { id: 'victim-a', incident_id: ids[0], ord: 0, name_latin: 'Victim A', harm: 'killed' });
    w.insert('victims', { id: 'victim-b', incident_id: ids[0], ord: 1, name_latin: 'Victim B', harm: 'injured' });
  });
  closeCaseFile(cf);
  copyFileSync(path, join(dir, 'field.casefile'));
  const field = openCaseFile(join(dir, 'field.casefile'), { actor: 'field' });
  change(field, 'field edit', (w) => w.update('incidents', { id: ids.at(-1) }, { summary: 'Field: reworded' }));
  const { data } = bundleDataOf(field);
  closeCaseFile(field);
  const office = openCaseFile(path, { actor: 'office' });
  opened.push(office);
  change(office, 'office edits', (w) => {
    w.update('incidents', { id: ids[0] }, { summary: 'Office: first' });
    w.update('incidents', { id: ids[0] }, { summary: 'Office: first, again' });
    w.update('victims', { id: 'victim-a' }, { notes: 'checked' });
    w.remove('victims', { id: 'victim-b' });
  });
  const merged = applyMerge(office, data, { sha256: 'b'.repeat(64), signer: 'field (test)' }, {});
  expect(merged.written.updated).toBe(1);
  return office;
}

function bothWays(cf: CaseFile, filter: Record<string, unknown>) {
  let current: Map<string, CurrentRows> | undefined;
  const sel = selectBundle(cf, findBundleProfile(cf, 'internal'), filter, { beforeRedaction: (raw: Readonly<Record<string, Row[]>>) => void (current = currentVersionsOf(cf, raw)) });
  expect(current?.get('incidents')?.size).toBe(sel.tables.incidents!.length);
  return { reused: bundleVersions(cf, sel.tables, { current: current! }), readAgain: bundleVersions(cf, sel.tables), sel };
}

describe('export lineages from the selection\'s rows', () => {
  it('equal those read again, for the whole case: updates, a deletion and adopted versions included', () => {
    const cf = editedCase();
    const { reused, readAgain } = bothWays(cf, {});
    expect(reused).toEqual(readAgain);
    expect(reused.victims!['victim-b']!.at(-1)!.startsWith(TOMBSTONE_PREFIX)).toBe(true);
    expect(Object.values(reused.incidents!).some((l) => l.length === 3)).toBe(true); // inserted, updated twice
    const adopted = cf.db.prepare('SELECT entity_key FROM record_versions').pluck().all() as string[];
    expect(adopted.length).toBeGreaterThan(0);
    for (const key of adopted) expect(reused.incidents![key]!.length).toBeGreaterThan(1);
  });

  it('equal those read again for a filtered bundle, which leaves out records it did not select', () => {
    const cf = editedCase();
    const first = cf.db.prepare('SELECT code FROM incidents ORDER BY code LIMIT 1').pluck().get() as string;
    const { reused, readAgain, sel } = bothWays(cf, { codePrefix: first });
    expect(sel.tables.incidents!.length).toBeLessThan(cf.db.prepare('SELECT count(*) FROM incidents').pluck().get() as number);
    expect(reused).toEqual(readAgain);
    const adopted = cf.db.prepare('SELECT entity_key FROM record_versions').pluck().all() as string[];
    for (const key of adopted) if (!sel.incidentIds.has(key)) expect(reused.incidents![key]).toBeUndefined();
  });
});

describe('merge plan versions', () => {
  it('hashes a row of theirs that differs from mine, and takes the lineage\'s word only for a row equal to mine', () => {
    const dir = tempDir();
    const path = join(dir, 'office.casefile');
    closeCaseFile(createDemoCaseFile(path, { actor: 'office' }));
    copyFileSync(path, join(dir, 'field.casefile'));
    const office = openCaseFile(path, { actor: 'office' });
    opened.push(office);
    const field = openCaseFile(join(dir, 'field.casefile'), { actor: 'field' });
    opened.push(field);
    const [same, changed] = (field.db.prepare('SELECT id FROM incidents ORDER BY code LIMIT 2').all() as { id: string }[]).map((r) => r.id);
    change(field, 'field edit', (w) => w.update('incidents', { id: changed }, { summary: 'Field: reworded' }));
    const { data } = bundleDataOf(field);
    const bogus = 'f'.repeat(64);
    data.versions!.incidents![same!] = [bogus];
    data.versions!.incidents![changed!] = [bogus];
    const plan = planMerge(office, data, { sha256: 'c'.repeat(64), signer: 'field (test)' });
    const step = (id: string) => plan.steps.find((s) => s.table === 'incidents' && s.key === id)!;
    expect(step(same!)).toMatchObject({ action: 'unchanged', theirVersion: bogus, adopt: [] });
    const row = field.db.prepare('SELECT * FROM incidents WHERE id = ?').get(changed) as Row;
    const actual = versionHash(versionRow(tableColumns(field.db, 'incidents'), 'incidents', row));
    expect(step(changed!).theirVersion).toBe(actual);
    expect(step(changed!).lineage).toEqual([bogus, actual]);
    expect(step(changed!).action).not.toBe('unchanged');
  });
});
