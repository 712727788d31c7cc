/** `casefile import` and `casefile export` as a person runs them: output, saved reports, errors. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { tempDir } from '../helpers/caseFiles';
import { plainCsv, writeArchive } from './helpers';

const base = { incident_date: '2017-03-17', incident_date_type_original: 'date', country_ar: 'سوريا', civilian_harm_status_original: 'Fair' };
function archive(dir: string) {
  return writeArchive(dir, {
    incidents: [
      { ...base, sequence: '1', code: 'CS1', civilians_killed_min: '5', civilians_killed_max: '1' },
      { ...base, sequence: '2', code: 'CS2', incident_date: '1970-01-01', civilian_harm_status_original: 'Contested, Discounted' },
      { ...base, sequence: '3', code: 'CS2', location_en: 'second row' },
      { ...base, sequence: '4', code: '' },
    ],
    victims: [
      { sequence: '1', code: 'CS1', victim_order: '1', name_original: 'Ahmed', status_original: 'killed' },
      { sequence: '3', code: 'CS2', victim_order: '1', name_original: 'Left out with its incident' },
    ],
  });
}

describe('casefile import airwars', () => {
  it('imports, prints every problem by file, line, field and reason, and saves the report', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.casefile');
    expect((await run('init', file)).code).toBe(0);
    const r = await run('import', 'airwars', archive(join(dir, 'archive')), file);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/import: +0% {2}read incidents\.csv/);
    expect(r.err).toMatch(/import: 100% {2}done/);
    expect(r.out).toMatch(/incidents +2 +0 +0 +0 +2/);
    expect(r.out).toMatch(/incidents\.csv:2 +civilians_killed_max "1" +kept: maximum \(1\) is below minimum \(5\)/);
    expect(r.out).toMatch(/incidents\.csv:3 +incident_date "1970-01-01" +kept: .*placeholder/);
    expect(r.out).toMatch(/incidents\.csv:3 +civilian_harm_status_original "Contested, Discounted" +kept: .*first listed grade, Contested/);
    expect(r.out).toMatch(/incidents\.csv:4 +code "CS2" +LEFT OUT: code CS2 is already taken by the row on line 3/);
    expect(r.out).toMatch(/incidents\.csv:5 +code +LEFT OUT: the row has no code/);
    expect(r.out).toMatch(/victims\.csv:3 +code "CS2" +LEFT OUT: its incident \(incidents\.csv line 4\) was left out/);
    const saved = readdirSync(dir).filter((f) => /^case\.casefile\.import-.*\.json$/.test(f));
    expect(saved).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(dir, saved[0]!), 'utf8'));
    const cf = openCaseFile(file);
    expect(call(cf, 'imports:get', { id: report.id })).toEqual(report);
    closeCaseFile(cf);

    const again = await run('import', 'airwars', join(dir, 'archive'), file);
    expect(again.out).toMatch(/Nothing changed/);
    expect(again.out).toMatch(/0 audit entries written/);
  });

  it('--dry-run saves nothing, --json prints the report', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.casefile');
    await run('init', file);
    const r = await run('import', 'airwars', archive(join(dir, 'archive')), file, '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ dryRun: true, createdCodes: ['CS1', 'CS2'] });
    const cf = openCaseFile(file);
    expect(call(cf, 'case:info', {}).counts.incidents).toBe(0);
    expect(call(cf, 'imports:list', {}).total).toBe(0);
    closeCaseFile(cf);
  });

  it('sends errors to stderr with a non-zero exit', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.casefile');
    await run('init', file);
    const missing = await run('import', 'airwars', join(dir, 'nowhere'), file);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/is not a folder/);
    expect(missing.out).toBe('');
    writeFileSync(join(dir, 'incidents.csv'), 'code\nX\n');
    expect((await run('import', 'airwars', dir, file)).err).toMatch(/not an Airwars archive: sources\.csv, .* are missing/);
    expect((await run('import')).code).toBe(2);
    expect((await run('import', 'csv', join(dir, 'incidents.csv'), file)).err).toMatch(/needs --mapping/);
    expect((await run('export', 'pdf', file, dir)).code).toBe(2);
  });
});

describe('casefile import csv and export csv', () => {
  it('guesses a mapping, imports through it, and exports the five-file layout', async () => {
    const dir = tempDir();
    const file = join(dir, 'case.casefile');
    await run('init', file);
    const csv = join(dir, 'list.csv');
    writeFileSync(csv, 'Code,Date,Place,Killed\nL1,2017-03-17,Mosul,1 – 2\nL2,2017-03-18,Raqqa,Unknown\nL3,not a date,Idlib,"3\n');
    const guessed = await run('import', 'csv', csv, '--guess-mapping');
    expect(JSON.parse(guessed.out).columns).toEqual({ Code: 'code', Date: 'dateStart', Place: 'placeEn', Killed: 'killed' });
    writeFileSync(join(dir, 'mapping.json'), guessed.out);
    const r = await run('import', 'csv', csv, file, '--mapping', join(dir, 'mapping.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/list\.csv:4 +Date "not a date" +kept/);
    expect(r.out).toMatch(/list\.csv:4 +\(row\) +kept: a quoted field opened on this line is never closed/);
    writeFileSync(join(dir, 'bad.json'), '{"columns":{"Code":"cde"}}');
    const bad = await run('import', 'csv', csv, file, '--mapping', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/columns\.Code: "cde" is not a field of incidents/);

    const out = join(dir, 'export');
    const e = await run('export', 'csv', file, out);
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/incidents\.csv: 3 rows/);
    for (const f of ['incidents.csv', 'sources.csv', 'victims.csv', 'belligerent_assessments.csv', 'links.csv']) expect(existsSync(join(out, f))).toBe(true);
    const exported = plainCsv(readFileSync(join(out, 'incidents.csv'), 'utf8'));
    const row = Object.fromEntries(exported.header.map((h, i) => [h, exported.rows[0]![i]]));
    expect(row).toMatchObject({ code: 'L1', incident_date: '2017-03-17', location_en: 'Mosul', civilians_killed_min: '1', civilians_killed_max: '2' });
  });
});
