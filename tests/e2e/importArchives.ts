/**
 * Archives for the import end-to-end tests, in the Airwars layout: a slice of the real archive
 * (its first incidents and their rows in the other four files) when it is present, else a
 * synthetic one with a few values the editor would refuse, so the report has problems to list.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUTS } from '../../db/import/airwars/layout';
import { csvLine, readCsvTable, type CsvRow } from '../../db/import/csv';
import { ARCHIVE_DIR, hasArchive } from '../helpers/archive';

export { ARCHIVE_DIR, hasArchive };

/** The first `n` incidents of the real archive, with their sources, victims, assessments and links. */
function sliceArchive(dir: string, n: number): void {
  let codes: Set<string> | null = null;
  for (const layout of LAYOUTS) {
    const table = readCsvTable(readFileSync(join(ARCHIVE_DIR, layout.file), 'utf8'));
    const codeAt = table.header.indexOf('code');
    const rows: CsvRow[] = codes === null ? table.rows.slice(0, n) : table.rows.filter((r) => codes!.has(r.fields[codeAt] ?? ''));
    if (codes === null) codes = new Set(rows.map((r) => r.fields[codeAt] ?? ''));
    writeFileSync(join(dir, layout.file), [table.header, ...rows.map((r) => r.fields)].map(csvLine).join(''));
  }
}

/** `n` synthetic incidents; every tenth has a minimum above its maximum (a kept, flagged problem). */
function syntheticArchive(dir: string, n: number): void {
  const rows: Record<string, Record<string, string>[]> = { 'incidents.csv': [], 'sources.csv': [], 'victims.csv': [], 'belligerent_assessments.csv': [], 'links.csv': [] };
  for (let i = 1; i <= n; i++) {
    const code = `SY${String(i).padStart(5, '0')}`;
    const base = { sequence: String(i), code };
    rows['incidents.csv']!.push({
      ...base, incident_date: '2017-03-17', incident_date_type_original: 'date', location_en: `Place ${i}`, location_ar: 'الرقة',
      latitude: '35.95', longitude: '39.01', geolocation_accuracy: 'village', civilian_harm_status_original: i % 2 ? 'Fair' : 'Weak',
      civilians_killed_min: i % 10 === 0 ? '5' : '1', civilians_killed_max: i % 10 === 0 ? '2' : '3', belligerents_original: 'U.S.-led Coalition',
    });
    rows['sources.csv']!.push({ ...base, source_order: '1', source_name_original: 'Outlet', source_url: `https://example.org/${i}` });
    rows['victims.csv']!.push({ ...base, victim_order: '1', name_original: `Victim ${i}`, gender_original: 'male', status_original: 'killed' });
    rows['belligerent_assessments.csv']!.push({ ...base, belligerent_order: '1', belligerent: 'coalition', belligerent_type: 'known', belligerent_assessment: 'not_yet_assessed' });
    rows['links.csv']!.push({ ...base, link_order: '1', link_label: 'victim_url', url: `https://example.org/v/${i}` });
  }
  for (const layout of LAYOUTS) {
    const header = layout.header;
    writeFileSync(join(dir, layout.file), [header, ...(rows[layout.file] ?? []).map((r) => header.map((h) => r[h] ?? ''))].map(csvLine).join(''));
  }
}

/** A small archive in `dir`: ~300 incidents. */
export function smallArchive(dir: string): string {
  mkdirSync(dir, { recursive: true });
  if (hasArchive) sliceArchive(dir, 300);
  else syntheticArchive(dir, 300);
  return dir;
}

/** An archive big enough that an import takes a few seconds: the whole real one, else 8,000 synthetic incidents. */
export function bigArchive(dir: string): string {
  if (hasArchive) return ARCHIVE_DIR;
  mkdirSync(dir, { recursive: true });
  syntheticArchive(dir, 8000);
  return dir;
}
