/** Import and export handlers (shared/contracts/imports.ts), spread into `handlers`. */
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { importsContract } from '../shared/contracts/imports';
import type { CaseFile } from './casefile';
import { listDataProblems } from './dataProblems';
import { HandlerError } from './errors';
import { exportCsv } from './export/csv';
import type { Handlers } from './handlers';
import { ArchiveError, importAirwars } from './import/airwars/index';
import { commitImport, previewImport, type CsvSource } from './import/mapping/index';
import { getImport, listImports } from './importsLog';

function csvSource(input: { path: string } | { text: string; name: string }): CsvSource {
  if ('text' in input) return { text: input.text, name: input.name };
  const path = resolve(input.path);
  if (!existsSync(path)) throw new HandlerError('not_found', `No file at ${path}.`);
  return { text: readFileSync(path, 'utf8'), name: basename(path), source: path };
}

function airwars(cf: CaseFile, input: { dir: string; dryRun: boolean }) {
  try {
    return importAirwars(cf, input.dir, { dryRun: input.dryRun });
  } catch (e) {
    if (e instanceof ArchiveError) throw new HandlerError('invalid_input', e.message, [{ path: 'dir', message: e.message }]);
    throw e;
  }
}

export const importHandlers: Pick<Handlers, keyof typeof importsContract> = {
  'import:airwars': airwars,
  'import:preview': (cf, input) => previewImport(cf, csvSource(input.csv), input.mapping, input.rows),
  'import:csv': (cf, input) => commitImport(cf, csvSource(input.csv), input.mapping, { dryRun: input.dryRun }),
  'imports:list': listImports,
  'imports:get': getImport,
  'dataProblems:list': listDataProblems,
  'export:csv': (cf, input) => exportCsv(cf, resolve(input.dir)),
};
