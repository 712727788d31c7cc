/** Reading the five files of an Airwars archive folder: text, CSV rows, and each file's SHA-256. */
import { hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { readCsvTable, type CsvTable } from '../csv';
import { LAYOUTS, type AirwarsFile } from './layout';

export interface ReadFile {
  name: AirwarsFile;
  file: string;
  table: CsvTable;
  bytes: number;
  sha256: string;
  /** False when the file was not valid UTF-8 (undecodable bytes became U+FFFD). */
  utf8: boolean;
}

export class ArchiveError extends Error {}

/** Check that DIR holds the five files; returns their sizes (for progress) in layout order. */
export function archiveFiles(dir: string): { name: AirwarsFile; file: string; path: string; bytes: number }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ArchiveError(`${dir} is not a folder. Give the folder that holds incidents.csv and the other Airwars files.`);
  const missing = LAYOUTS.filter((l) => !existsSync(join(dir, l.file))).map((l) => l.file);
  if (missing.length > 0) {
    throw new ArchiveError(`${dir} is not an Airwars archive: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Nothing was imported.`);
  }
  return LAYOUTS.map((l) => {
    const path = join(dir, l.file);
    return { name: l.name, file: l.file, path, bytes: statSync(path).size };
  });
}

export function readArchiveFile(f: { name: AirwarsFile; file: string; path: string }): ReadFile {
  const buf = readFileSync(f.path);
  const table = readCsvTable(buf.toString('utf8'));
  return { name: f.name, file: f.file, table, bytes: buf.length, sha256: hash('sha256', buf, 'hex'), utf8: isUtf8(buf) };
}
