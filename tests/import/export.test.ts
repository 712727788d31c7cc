/**
 * Export of records that were edited in the app, or made there: values come from the model,
 * the archive's text comes back only while it still says the same, a stale translation is not
 * written next to a changed value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../db/handlers';
import { exportCsv } from '../../db/export/csv';
import { importAirwars } from '../../db/import/airwars/index';
import { incidentInput, tempCaseFile, tempDir } from '../helpers/caseFiles';
import { csvObjects, writeArchive } from './helpers';

const exported = (dir: string, file: string) => csvObjects(readFileSync(join(dir, file), 'utf8'));

describe('export csv', () => {
  it('writes an edited value from the model and blanks its stale translation; untouched text comes back as written', () => {
    const cf = tempCaseFile();
    const archive = writeArchive(join(tempDir(), 'a'), {
      incidents: [
        {
          sequence: '1', code: 'E1', incident_date: '2017-03-17', incident_date_type_original: 'date', country_ar: 'سوريا',
          // Ungraded, so a draft that can be edited (a graded Airwars record is published, and locked).
          cause_of_death_original: 'Airstrike', cause_of_death_ar: 'غارة جوية', strike_status_original: 'Likely strike', strike_status_ar: 'ضربة مرجحة',
          civilians_killed_min: '01', civilians_killed_max: '3', total_strikes: '2', previous_reference_codes_json: '[{"previous_unique_reference_code":"R1 "}]',
        },
      ],
    });
    importAirwars(cf, archive);
    const before = call(cf, 'incidents:get', { code: 'E1' });
    expect(before.previousCodes).toEqual(['R1']);
    const { id, previousCodes: _p, assigneeName: _a, createdAt: _c, updatedAt: _u, sources: _s, victims: _v, ...values } = before;
    call(cf, 'incidents:update', { id, incident: { ...values, strikeStatus: 'declared', belligerents: [] } });
    const out = tempDir();
    exportCsv(cf, out);
    const [row] = exported(out, 'incidents.csv');
    expect(row).toMatchObject({
      strike_status_original: 'Declared strike',
      strike_status_ar: '',
      cause_of_death_original: 'Airstrike',
      cause_of_death_ar: 'غارة جوية',
      civilians_killed_min: '01',
      total_strikes: '2',
      previous_reference_codes_json: '[{"previous_unique_reference_code":"R1 "}]',
    });
  });

  it('writes incidents made in the app, with their belligerents, in the archive layout', () => {
    const cf = tempCaseFile();
    call(cf, 'incidents:create', {
      incident: incidentInput({
        code: 'APP1', grade: 'confirmed', gradeRationale: 'Conceded', casualties: { ...incidentInput().casualties, killed: { min: 2, max: 5 } },
        belligerents: [{ belligerent: 'U.S.-led Coalition', involvement: 'known', position: 'credible', concededKilled: { min: 2, max: 2 }, concededInjured: { min: null, max: null }, locationText: 'near Mosul', mgrs: '38SLF123456', statement: null }],
      }),
    });
    const out = tempDir();
    exportCsv(cf, out);
    expect(exported(out, 'incidents.csv')[0]).toMatchObject({
      sequence: '', code: 'APP1', incident_date: '2017-03-17', incident_date_type_original: 'date', location_en: 'Mosul al-Jadida', location_ar: 'الموصل الجديدة',
      latitude: '36.35', longitude: '43.1', geolocation_accuracy: 'neighbourhood_area', strike_status_original: 'Declared strike',
      civilian_harm_status_original: 'Confirmed', civilians_killed_min: '2', civilians_killed_max: '5', civilian_harm_status_ar: '',
    });
    expect(exported(out, 'belligerent_assessments.csv')[0]).toMatchObject({
      code: 'APP1', belligerent_order: '0', belligerent: 'coalition', belligerent_type: 'known', belligerent_assessment: 'credible',
      civilian_deaths_conceded_min: '2', civilian_deaths_conceded_max: '2', belligerent_location_description: 'near Mosul', belligerent_mgrs_coordinate: '38SLF123456',
    });
  });
});
