/** Helpers for the import tests: where the real archive is, an independent CSV reader, small archives. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCaseFile, createCaseFile, type CaseFile } from '../../db/casefile';
import { LAYOUTS, type AirwarsFile } from '../../db/import/airwars/layout';

export const repoRoot = join(__dirname, '..', '..');
export { ARCHIVE_DIR, hasArchive, NO_ARCHIVE } from '../helpers/archive';

/**
 * A deliberately plain RFC 4180 reader, written apart from db/import/csv.ts, so that tests that
 * check the importer against the raw files do not share its code. Returns the header and rows.
 */
export function plainCsv(text: string): { header: string[]; rows: string[][] } {
  const all: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value = '';
    if (text[i] === '"') {
      // Quoted: runs of text between quotes, a doubled quote standing for one.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && !(text[j] === '\r' && text[j + 1] === '\n')) j++;
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      i += text[i] === '\r' ? 2 : 1;
      all.push(row);
      row = [];
    }
  }
  if (row.length > 0) all.push([...row, '']);
  return { header: all[0] ?? [], rows: all.slice(1) };
}

/** Rows of a CSV as objects keyed by header. */
export function csvObjects(text: string): Record<string, string>[] {
  const { header, rows } = plainCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Write a small archive in the Airwars layout: every column present, blank unless given. */
export function writeArchive(dir: string, rows: Partial<Record<AirwarsFile, Record<string, string>[]>>): string {
  mkdirSync(dir, { recursive: true });
  for (const layout of LAYOUTS) {
    const lines = [layout.header.join(','), ...(rows[layout.name] ?? []).map((r) => layout.header.map((h) => quote(r[h] ?? '')).join(','))];
    writeFileSync(join(dir, layout.file), lines.map((l) => `${l}\r\n`).join(''));
  }
  return dir;
}

/** A synthetic archive of `n` incidents, each with two sources, a victim, a belligerent and a link. */
export function syntheticArchive(dir: string, n: number): string {
  const inc: Record<string, string>[] = [];
  const src: Record<string, string>[] = [];
  const vic: Record<string, string>[] = [];
  const bel: Record<string, string>[] = [];
  const lnk: Record<string, string>[] = [];
  for (let i = 1; i <= n; i++) {
    const code = `SY${String(i).padStart(4, '0')}`;
    const seq = String(i);
    inc.push({
      sequence: seq, code, incident_date: '2017-03-17', incident_date_type_original: 'date', location_en: `Place ${i}`, location_ar: 'الرقة',
      country_ar: 'سوريا', latitude: '35.95', longitude: '39.01', geolocation_accuracy: 'village', civilian_harm_status_original: i % 2 ? 'Fair' : 'Weak',
      civilian_harm_status_ar: i % 2 ? 'أدلة مقبولة' : 'أدلة ضعيفة', civilians_killed_min: '1', civilians_killed_max: String(1 + (i % 3)), belligerents_original: 'U.S.-led Coalition',
    });
    for (const o of ['1', '2']) src.push({ sequence: seq, code, source_order: o, source_name_original: `Outlet ${o}`, language_original: 'Twitter\nArabic', source_url: `https://twitter.com/x/${i}${o}`, archive_url: `https://archive.is/${i}${o}` });
    vic.push({ sequence: seq, code, victim_order: '1', name_original: `Victim ${i}`, name_local: 'محمد', gender_original: 'male', age_group_original: 'adult', age: '30', status_original: 'killed' });
    bel.push({ sequence: seq, code, belligerent_order: '1', belligerent: 'coalition', belligerent_type: 'known', belligerent_assessment: i % 5 ? 'not_yet_assessed' : 'credible', civilian_deaths_conceded_min: i % 5 ? '' : '1', civilian_deaths_conceded_max: i % 5 ? '' : '1', belligerent_strike_report: `Report ${i}`, belligerent_strike_report_url: `https://example.mil/${i}` });
    lnk.push({ sequence: seq, code, link_order: '1', link_label: 'victim_url', url: `https://example.org/v/${i}` });
  }
  return writeArchive(dir, { incidents: inc, sources: src, victims: vic, belligerents: bel, links: lnk });
}

/**
 * A case file that lives for a whole describe block (tests/helpers' tempCaseFile closes after
 * each test): call in beforeAll, and `done` in afterAll.
 */
export function suiteCaseFile(name = 'suite.casefile'): { cf: CaseFile; dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-import-'));
  const cf = createCaseFile(join(dir, name), { actor: 'importer' });
  return { cf, dir, done: () => (closeCaseFile(cf), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Let the event loop turn. The importer runs synchronously for seconds at a time; vitest's
 * worker answers its runner between tasks only if the loop turns, so long suites call this.
 */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
