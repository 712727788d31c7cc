/**
 * Child process for tests/import/rollbackJournal.test.ts: imports ARCHIVE into CASE_FILE and
 * kills itself (SIGKILL, as a crash or a power cut would stop it) half way through writing, after
 * shrinking the page cache so that the load has already written pages into the case file.
 * Before dying it prints, as one JSON line, the journal mode and whether a journal existed.
 */
import { existsSync, writeSync } from 'node:fs';
import { openCaseFile } from '../../../db/casefile';
import { importAirwars } from '../../../db/import/airwars/index';

const [file, archive] = process.argv.slice(2);
if (!file || !archive) throw new Error('usage: killedImport CASE_FILE ARCHIVE');
const cf = openCaseFile(file, { actor: 'crash test' });
let writes = 0;
importAirwars(cf, archive, {
  onProgress: (p) => {
    if (p.phase !== 'write') return;
    writes++;
    // A small cache makes SQLite spill changed pages into the case file before the commit.
    if (writes === 1) cf.db.pragma('cache_size = 20');
    if (p.fraction < 0.75) return;
    const state = { journalMode: cf.db.pragma('journal_mode', { simple: true }), journal: existsSync(`${file}-journal`), wal: existsSync(`${file}-wal`) };
    writeSync(1, `${JSON.stringify(state)}\n`);
    process.kill(process.pid, 'SIGKILL');
  },
});
writeSync(1, '{"finished":true}\n');
