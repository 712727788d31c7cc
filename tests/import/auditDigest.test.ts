/**
 * An import is audited by digest (db/audit.ts insertRecord with { audit: 'digest' }): one entry
 * per record holding the rows' keys and the SHA-256 of the JSON a full entry would have held.
 * What must still hold: the entry is far smaller than the rows; verify still catches any change
 * behind the app's back, to rows edited through the app since or not; edits and deletions made
 * through the app verify clean; a re-import writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { change, verifyAuditChain } from '../../db/audit';
import { call } from '../../db/handlers';
import { importAirwars } from '../../db/import/airwars/index';
import { describeDigest, isDigestAfter, type DigestAfter } from '../../shared/auditDigest';
import { LAYOUTS } from '../../db/import/airwars/layout';
import { commitImport } from '../../db/import/mapping/index';
import { columnMappingSchema } from '../../shared/mappingSchema';
import { tempCaseFile } from '../helpers/caseFiles';
import { ARCHIVE_DIR, csvObjects, hasArchive, NO_ARCHIVE, suiteCaseFile, syntheticArchive, writeArchive } from './helpers';

type Row = Record<string, unknown>;

describe('an import audited by digest', () => {
  let s: ReturnType<typeof suiteCaseFile>;
  const one = (sql: string, ...p: unknown[]) => s.cf.db.prepare(sql).get(...p) as Row;
  const raw = (sql: string, ...p: unknown[]) => s.cf.db.prepare(sql).run(...p);
  const digests = () =>
    (s.cf.db.prepare("SELECT seq, entity_id, after_json FROM audit_log WHERE entity = 'record' ORDER BY seq").all() as { seq: number; entity_id: string; after_json: string }[]).map(
      (r) => ({ ...r, after: JSON.parse(r.after_json) as DigestAfter }),
    );
  const incident = (code: string) => one('SELECT * FROM incidents WHERE code = ?', code);
  const problem = () => verifyAuditChain(s.cf).rowProblem;

  beforeEach(() => {
    s = suiteCaseFile();
    importAirwars(s.cf, syntheticArchive(join(s.dir, 'archive'), 30));
  });
  afterEach(() => s.done());

  it('writes one digest entry per record: keys and a hash, far smaller than the rows', () => {
    const entries = digests();
    expect(entries).toHaveLength(30);
    let audited = 0;
    let data = 0;
    // Columns are stated by the first entry of the import with rows of a table, then left out.
    const stated = new Map<string, string[]>();
    for (const e of entries) {
      expect(isDigestAfter(e.after)).toBe(true);
      expect(e.after.sha256).toMatch(/^[0-9a-f]{64}$/);
      // The digest is that of the full entry's JSON, rebuilt here from the rows in the file.
      const tables = Object.entries(e.after.tables);
      expect(tables.map(([t]) => t)).toEqual([...tables.map(([t]) => t)].sort());
      let rows = 0;
      const full: Record<string, { columns: string[]; rows: unknown[][] }> = {};
      for (const [table, part] of tables) {
        expect(part.key[0]).toBe(table === 'incident_codes' ? 'code' : table === 'source_incidents' ? 'source_id' : 'id');
        expect(part.columns === undefined).toBe(stated.has(table));
        if (part.columns) stated.set(table, part.columns);
        const columns = stated.get(table)!;
        full[table] = {
          columns,
          rows: part.keys.map((k) => {
            const where = part.key.map((c) => `${c} IS ?`).join(' AND ');
            const row = one(`SELECT * FROM ${table} WHERE ${where}`, ...k);
            return columns.map((c) => row[c] ?? null);
          }),
        };
        rows += part.keys.length;
      }
      expect(e.after.rows).toBe(rows);
      const json = JSON.stringify(full);
      expect(createHash('sha256').update(json).digest('hex')).toBe(e.after.sha256);
      audited += e.after_json.length;
      data += json.length;
    }
    // Synthetic rows are short, so the column names weigh; see the real sample below.
    expect(audited).toBeLessThan(data);
    expect(verifyAuditChain(s.cf)).toMatchObject({ ok: true, rowProblem: null });
  });

  it('says what it is in the audit trail', () => {
    const inc = incident('SY0003');
    const { entries } = call(s.cf, 'audit:search', { entityId: inc.id as string, entity: 'record', limit: 50, offset: 0 });
    expect(entries).toHaveLength(1);
    const after = entries[0]!.after;
    expect(isDigestAfter(after)).toBe(true);
    expect(describeDigest(after as DigestAfter)).toMatch(/^Imported 9 rows \(.*1 incidents.*2 sources.*1 victims.*\); their values as imported are the current ones except where later entries changed them/);
  });

  it('catches a value changed behind the app’s back in an imported row never edited since', () => {
    const inc = incident('SY0007');
    raw("UPDATE victims SET name_latin = 'Someone else' WHERE incident_id = ?", inc.id);
    const p = problem();
    expect(p).toMatchObject({ table: 'record', key: inc.id });
    expect(p!.message).toMatch(/incident SY0007/);
    expect(verifyAuditChain(s.cf).message).toMatch(/no longer hash to the digest .* changed behind the app's back/);
  });

  it('catches a change behind the app’s back to an imported row edited through the app, in a changed and in an unchanged column', () => {
    const inc = incident('SY0011');
    change(s.cf, 'Fixed the place', (w) => {
      w.update('incidents', { id: inc.id }, { place_en: 'Raqqa', summary: 'first edit' });
    });
    change(s.cf, 'Again', (w) => {
      w.update('incidents', { id: inc.id }, { place_en: 'Raqqa city' });
    });
    expect(verifyAuditChain(s.cf).ok).toBe(true);

    raw("UPDATE incidents SET place_en = 'Forged' WHERE id = ?", inc.id);
    expect(problem()).toMatchObject({ table: 'incidents', key: inc.id });
    raw("UPDATE incidents SET place_en = 'Raqqa city' WHERE id = ?", inc.id);
    expect(verifyAuditChain(s.cf).ok).toBe(true);

    raw("UPDATE incidents SET place_ar = 'مزور' WHERE id = ?", inc.id);
    expect(problem()).toMatchObject({ table: 'record', key: inc.id });
  });

  it('catches an imported row deleted, and a row added, behind the app’s back', () => {
    const inc = incident('SY0013');
    const victim = one('SELECT * FROM victims WHERE incident_id = ?', inc.id);
    raw('DELETE FROM victims WHERE id = ?', victim.id);
    expect(problem()).toMatchObject({ table: 'victims', key: victim.id });
    expect(problem()!.message).toMatch(/missing from the file/);
    raw(`INSERT INTO victims (${Object.keys(victim).join(', ')}) VALUES (${Object.keys(victim).map(() => '?').join(', ')})`, ...Object.values(victim));
    expect(verifyAuditChain(s.cf).ok).toBe(true);

    raw("INSERT INTO incident_web_links (id, incident_id, ord, kind, url) VALUES ('extra', ?, 9, 'other', 'https://x.example')", inc.id);
    expect(problem()).toMatchObject({ table: 'incident_web_links', key: 'extra' });
    expect(problem()!.message).toMatch(/no audit entry wrote it/);
  });

  it('verifies clean after edits and deletions through the app, and catches a change behind its back after them', () => {
    const inc = incident('SY0005'); // belligerent assessed credible: linked to an imported strike report
    const bell = one('SELECT * FROM incident_belligerents WHERE incident_id = ?', inc.id);
    expect(bell.strike_report_id).toEqual(expect.any(String));
    const victim = one('SELECT * FROM victims WHERE incident_id = ?', inc.id);
    change(s.cf, 'edit', (w) => {
      w.update('victims', { id: victim.id }, { name_latin: 'Corrected', age: 31 });
      w.update('incident_belligerents', { id: bell.id }, { statement: 'A statement' });
    });
    change(s.cf, 'edit again', (w) => w.update('victims', { id: victim.id }, { name_latin: 'Corrected twice' }));
    // Deleting the strike report detaches the assessment (an update) and deletes the report.
    call(s.cf, 'strikes:delete', { id: bell.strike_report_id as string, reason: 'wrong report' });
    change(s.cf, 'remove', (w) => w.remove('victims', { id: victim.id }));
    expect(one('SELECT count(*) AS n FROM strike_reports WHERE id = ?', bell.strike_report_id).n).toBe(0);
    expect(verifyAuditChain(s.cf)).toMatchObject({ ok: true, rowProblem: null });

    // After all that, a behind-the-back change to a column no entry touched is still seen.
    raw("UPDATE incident_belligerents SET location_text = 'Forged' WHERE id = ?", bell.id);
    expect(problem()).toMatchObject({ table: 'record', key: inc.id });
  });

  it('writes no entry when the same archive is imported again', () => {
    const before = one('SELECT count(*) AS n FROM audit_log').n;
    const again = importAirwars(s.cf, join(s.dir, 'archive'));
    expect(again.auditEntries).toBe(0);
    expect(one('SELECT count(*) AS n FROM audit_log').n).toBe(before);
    expect(verifyAuditChain(s.cf).ok).toBe(true);
  });

  it('never audits people rows by digest: signatures are checked against keys read from full entries', () => {
    expect(() =>
      change(s.cf, null, (w) =>
        w.insertRecord('p', [{ table: 'people', columns: ['id', 'name', 'role', 'created_at'], rows: [['p1', 'X', 'investigator', w.at]] }], { audit: 'digest' }),
      ),
    ).toThrow(/people rows are never audited by digest/);
  });
});

describe.skipIf(!hasArchive)(`a sample of the real archive audited by digest (${hasArchive ? ARCHIVE_DIR : NO_ARCHIVE})`, () => {
  it('keeps the audit trail to a fraction of the data it describes, and verifies', () => {
    const s = suiteCaseFile();
    try {
      // The first 400 incidents and every row of the other files that belongs to them.
      const incidents = csvObjects(readFileSync(join(ARCHIVE_DIR, 'incidents.csv'), 'utf8')).slice(0, 400);
      const kept = new Set(incidents.map((r) => r.sequence));
      const rows = Object.fromEntries(
        LAYOUTS.map((l) => [l.name, l.name === 'incidents' ? incidents : csvObjects(readFileSync(join(ARCHIVE_DIR, l.file), 'utf8')).filter((r) => kept.has(r.sequence))]),
      );
      importAirwars(s.cf, writeArchive(join(s.dir, 'sample'), rows));
      const q = (sql: string) => (s.cf.db.prepare(sql).get() as { n: number }).n;
      const audit = q("SELECT sum(length(after_json)) AS n FROM audit_log WHERE entity = 'record'");
      // The rows' values as a full entry would have held them: every column of every imported row.
      let data = 0;
      for (const table of ['incidents', 'sources', 'source_incidents', 'victims', 'incident_belligerents', 'strike_reports', 'incident_web_links', 'incident_codes', 'data_problems']) {
        for (const row of s.cf.db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Row>) data += JSON.stringify(Object.values(row)).length;
      }
      expect(q("SELECT count(*) AS n FROM audit_log WHERE entity = 'record'")).toBe(400);
      expect(audit / data).toBeLessThan(0.35);
      expect(verifyAuditChain(s.cf).ok).toBe(true);
    } finally {
      s.done();
    }
  });
});

describe('a spreadsheet import (column mapping) audited by digest', () => {
  it('verifies, and catches a change behind the app’s back to an incident or a victim it imported', () => {
    const cf = tempCaseFile();
    const incidents = 'Ref,Place,Killed,Perpetrator\nB1,Mosul,4,Coalition\nB2,Raqqa,1-2,\n';
    const victims = 'code,name,age\nB1,Ahmed,30\nB1,Sara,12\n';
    commitImport(cf, { text: incidents, name: 'i.csv' }, columnMappingSchema.parse({ columns: { Ref: 'code', Place: 'placeEn', Killed: 'killed', Perpetrator: 'belligerent' } }));
    commitImport(cf, { text: victims, name: 'v.csv' }, columnMappingSchema.parse({ target: 'victims', columns: { code: 'incidentCode', name: 'nameLatin', age: 'age' } }));
    const entries = cf.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'record'").all() as { after_json: string }[];
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => isDigestAfter(JSON.parse(e.after_json)))).toBe(true);
    expect(verifyAuditChain(cf).ok).toBe(true);
    const b1 = cf.db.prepare("SELECT id FROM incidents WHERE code = 'B1'").get() as { id: string };
    cf.db.prepare("UPDATE victims SET age = 13 WHERE name_latin = 'Sara'").run();
    expect(verifyAuditChain(cf).rowProblem).toMatchObject({ table: 'record', key: b1.id });
    cf.db.prepare("UPDATE victims SET age = 12 WHERE name_latin = 'Sara'").run();
    cf.db.prepare("UPDATE incidents SET place_en = 'Elsewhere' WHERE code = 'B2'").run();
    expect(verifyAuditChain(cf).rowProblem).toMatchObject({ table: 'record' });
    expect(verifyAuditChain(cf).message).toMatch(/incident B2/);
  });

  it('states each table’s columns in the first entry of each import only, and verify finds them for the others', () => {
    const cf = tempCaseFile();
    const mapping = columnMappingSchema.parse({ columns: { Ref: 'code', Place: 'placeEn', Killed: 'killed' } });
    commitImport(cf, { text: 'Ref,Place,Killed\nC1,Mosul,4\nC2,Raqqa,1\nC3,Idlib,2\n', name: 'a.csv' }, mapping);
    commitImport(cf, { text: 'Ref,Place,Killed\nC4,Homs,3\nC5,Hama,5\n', name: 'b.csv' }, mapping);
    const entries = (cf.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'record' ORDER BY seq").all() as { after_json: string }[]).map(
      (e) => JSON.parse(e.after_json) as DigestAfter,
    );
    expect(entries.map((e) => e.tables.incidents?.columns !== undefined)).toEqual([true, false, false, true, false]);
    expect(verifyAuditChain(cf)).toMatchObject({ ok: true, rowProblem: null });
    // A record whose entry left its columns out is still rebuilt, and checked.
    cf.db.prepare("UPDATE incidents SET place_en = 'Elsewhere' WHERE code = 'C5'").run();
    expect(verifyAuditChain(cf).message).toMatch(/incident C5/);
  });
});
