/**
 * Where the real Airwars archive is, for every test and benchmark that reads it:
 * ../shared/data/airwars-syria beside the repository, or CASEFILE_ARCHIVE when set. Tests and
 * benchmarks that need it skip, saying why, when it is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARCHIVE_DIR = process.env.CASEFILE_ARCHIVE ?? fileURLToPath(new URL('../../../shared/data/airwars-syria', import.meta.url));
export const hasArchive = existsSync(join(ARCHIVE_DIR, 'incidents.csv'));
export const NO_ARCHIVE = `the real Airwars archive is not at ${ARCHIVE_DIR}: real-archive tests skipped`;
