/**
 * The lossless round trip: export(import(archive)) equals the archive field by field for every
 * kept row, and importing the export, into a new case file or the same one, changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../db/casefile';
import { exportCsv } from '../../db/export/csv';
import { importAirwars } from '../../db/import/airwars/index';
import { LAYOUTS } from '../../db/import/airwars/layout';
import { ARCHIVE_DIR, breathe, hasArchive, NO_ARCHIVE, plainCsv, suiteCaseFile } from './helpers';

const TABLES: Record<string, string> = {
  incidents: 'id, code, date_start, date_end, date_precision, local_time, place_en, place_ar, district, governorate, country, latitude, longitude, geo_precision, strike_type, strike_status, killed_min, killed_max, injured_min, injured_max, children_killed_min, children_killed_max, women_killed_min, women_killed_max, men_killed_min, men_killed_max, combatants_killed_min, combatants_killed_max, cause_of_death, infrastructure, status, grade, extra_json',
  sources: 'id, kind, outlet, author, url, archive_url, language, published_date, extra_json',
  source_incidents: 'source_id, incident_id, ord',
  victims: 'id, incident_id, ord, name_latin, name_local, gender, age, age_group, harm, civilian_status_contested, notes, extra_json',
  incident_belligerents: 'id, incident_id, ord, belligerent, involvement, position, conceded_killed_min, conceded_killed_max, conceded_injured_min, conceded_injured_max, location_text, mgrs, strike_report_id, statement, extra_json',
  strike_reports: 'id, belligerent, place_text, mgrs, text, url',
  incident_web_links: 'id, incident_id, ord, kind, label, url, extra_json',
  incident_codes: 'code, incident_id, kind',
  data_problems: 'id, entity, entity_id, incident_id, kind, field, value, reason',
};

function contents(cf: CaseFile): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([t, cols]) => [t, cf.db.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${cols.split(',')[0]}, ${cols.split(',')[1]}`).raw().all()]),
  );
}

describe.skipIf(!hasArchive)(`import → export → import (${hasArchive ? ARCHIVE_DIR : NO_ARCHIVE})`, () => {
  let a: ReturnType<typeof suiteCaseFile>;
  let out: string;
  beforeAll(async () => {
    a = suiteCaseFile('a.casefile');
    await breathe();
    importAirwars(a.cf, ARCHIVE_DIR);
    await breathe();
    out = join(a.dir, 'export');
    exportCsv(a.cf, out);
  }, 300_000);
  afterEach(breathe);
  afterAll(() => a.done());

  it('writes the five files back field by field, the rows left out excepted', () => {
    const original = (f: string) => plainCsv(readFileSync(join(ARCHIVE_DIR, f), 'utf8'));
    const seen = new Set<string>();
    const dropped = new Set<string>();
    for (const r of original('incidents.csv').rows) {
      if (seen.has(r[1]!)) dropped.add(r[0]!);
      seen.add(r[1]!);
    }
    for (const layout of LAYOUTS) {
      const want = original(layout.file);
      const got = plainCsv(readFileSync(join(out, layout.file), 'utf8'));
      expect(got.header, layout.file).toEqual(want.header);
      const kept = want.rows.filter((r) => !dropped.has(r[0]!));
      expect(got.rows.length, layout.file).toBe(kept.length);
      for (let i = 0; i < kept.length; i++) {
        for (let c = 0; c < want.header.length; c++) {
          if (got.rows[i]![c] !== kept[i]![c]) {
            expect.fail(`${layout.file} row ${i + 1} (code ${kept[i]![1]}), column ${want.header[c]}: exported ${JSON.stringify(got.rows[i]![c])}, archive has ${JSON.stringify(kept[i]![c])}`);
          }
        }
      }
    }
  }, 120_000);

  it('imports the export into a new case file with the same content', async () => {
    const b = suiteCaseFile('b.casefile');
    try {
      importAirwars(b.cf, out);
      await breathe();
      const [ca, cb] = [contents(a.cf), contents(b.cf)];
      for (const t of Object.keys(TABLES)) expect(cb[t], t).toEqual(ca[t]);
    } finally {
      b.done();
    }
  }, 300_000);

  it('imports the export into the same case file without any change', () => {
    const again = importAirwars(a.cf, out);
    expect(again.auditEntries).toBe(0);
    expect(again.changes).toEqual([]);
  }, 300_000);
});
