/**
 * `npm run bench`: the full Airwars archive imported into a fresh case file, against a floor
 * measured in the same run: Debian's sqlite3 CLI `.import --csv` of the same five CSVs into a
 * fresh plain database. Best of N for each; prints wall times, the ratio, and the target as text
 * (a benchmark is not a test: nothing here fails a build). Figures go to bench/results/ too.
 *
 *   CASEFILE_ARCHIVE=dir  the archive (default ../shared/data/airwars-syria)
 *   BENCH_RUNS=n          runs of each (default 3)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { importAirwars } from '../db/import/airwars/index';
import { LAYOUTS } from '../db/import/airwars/layout';
import { refreshSearchIndex } from '../db/searchIndex';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';
import { rowsOf, writeFloorOnce } from './importWriteFloor';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const SQLITE3 = '/usr/bin/sqlite3';
const TARGET_SECONDS = 5;
const TARGET_RATIO = 3;

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-'));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface Run {
  wall: number;
  cpu: number;
  phases: Record<string, number>;
  /** Building the search index from the import's marks, as the first search after it does (not part of `wall`). */
  searchIndex?: { wall: number; cpu: number; records: number };
}

/**
 * CPU time (ms) used so far by this process's waited-for children, from /proc (Linux): on a
 * loaded machine, CPU time compares the two sides more fairly than wall time. Null elsewhere.
 */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: cutime and cstime are fields 16 and 17 of stat(5), here 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * One import into a fresh case file: wall time from the call to the file closed (checkpointed).
 * With `keep`, the case file is left in place and its rows are handed to `keep`.
 */
function importOnce(i: number, indexSearch = false, keep?: (file: string) => void): Run {
  const file = join(work, `bench-${i}${indexSearch ? '-search' : ''}.casefile`);
  const cf = createCaseFile(file, { actor: 'bench' });
  const phases: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let last = t0;
  let phase = 'read';
  importAirwars(cf, archive, {
    onProgress: (p) => {
      if (p.phase === phase) return;
      const now = performance.now();
      phases[phase] = now - last;
      last = now;
      phase = p.phase;
    },
  });
  let searchIndex: Run['searchIndex'];
  if (indexSearch) {
    // Diagnostic, outside the import's figures: the search index is built from the import's
    // marks when it is next read (db/searchIndex.ts), so the first search after an import pays this.
    const s0 = process.cpuUsage();
    const w0 = performance.now();
    const records = refreshSearchIndex(cf.db);
    const sc = process.cpuUsage(s0);
    searchIndex = { wall: performance.now() - w0, cpu: (sc.user + sc.system) / 1000, records };
  }
  closeCaseFile(cf);
  const wall = performance.now() - t0 - (searchIndex?.wall ?? 0);
  phases.commit = performance.now() - last - (searchIndex?.wall ?? 0);
  const c = process.cpuUsage(cpu0);
  keep?.(file);
  rmSync(file, { force: true });
  return { wall, cpu: (c.user + c.system) / 1000 - (searchIndex?.cpu ?? 0), phases, ...(searchIndex ? { searchIndex } : {}) };
}

/** The floor: sqlite3's own CSV import of the five files into plain tables, as one process. */
function floorOnce(i: number): { wall: number; cpu: number | null } {
  const db = join(work, `floor-${i}.db`);
  const args = [db, ...LAYOUTS.map((l) => `.import --csv ${join(archive, l.file)} ${l.name}`)];
  const c0 = childrenCpu();
  const t0 = performance.now();
  execFileSync(SQLITE3, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const wall = performance.now() - t0;
  const c1 = childrenCpu();
  rmSync(db, { force: true });
  return { wall, cpu: c0 === null || c1 === null ? null : c1 - c0 };
}

const bytes = LAYOUTS.reduce((a, l) => a + statSync(join(archive, l.file)).size, 0);
console.log(`Airwars archive: ${archive} (${(bytes / 1e6).toFixed(1)} MB in five files); ${cpus().length} CPUs; best of ${runs}.`);
try {
  const floorRuns: { wall: number; cpu: number | null }[] = [];
  const imports: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that a busy moment on the machine weighs on both alike.
    floorRuns.push(floorOnce(i));
    imports.push(importOnce(i));
    const f = floorRuns[i]!;
    console.log(`  run ${i + 1}: floor ${seconds(f.wall)} s${f.cpu === null ? '' : ` (cpu ${seconds(f.cpu)} s)`}, import ${seconds(imports[i]!.wall)} s (cpu ${seconds(imports[i]!.cpu)} s)`);
  }
  const floors = floorRuns.map((f) => f.wall);
  const floor = Math.min(...floors);
  const floorCpus = floorRuns.map((f) => f.cpu).filter((c): c is number => c !== null);
  const floorCpu = floorCpus.length ? Math.min(...floorCpus) : null;
  const best = imports.reduce((a, b) => (b.wall < a.wall ? b : a));
  const bestCpu = Math.min(...imports.map((r) => r.cpu));
  let modelRows: ReturnType<typeof rowsOf> = [];
  const withSearch = importOnce(runs, true, (file) => (modelRows = rowsOf(file)));
  const writeFloors = Array.from({ length: runs }, (_, i) => writeFloorOnce(modelRows, join(work, `write-floor-${i}.casefile`)));
  const writeFloor = writeFloors.reduce((a, b) => (b.wall < a.wall ? b : a));
  modelRows = [];
  const ratio = best.wall / floor;
  console.log('');
  console.log(`floor   sqlite3 .import --csv        ${seconds(floor)} s${floorCpu === null ? '' : `   cpu ${seconds(floorCpu)} s`}`);
  console.log(`import  casefile (fresh case file)   ${seconds(best.wall)} s   cpu ${seconds(best.cpu)} s (best cpu of ${runs}: ${seconds(bestCpu)} s)`);
  console.log(`        phases: ${Object.entries(best.phases).map(([k, v]) => `${k} ${seconds(v)} s`).join(', ')}`);
  const si = withSearch.searchIndex!;
  console.log(`        then, at the first search (diagnostic, not in the figures above): indexing ${si.records} records ${seconds(si.wall)} s, cpu ${seconds(si.cpu)} s`);
  console.log(`ratio   ${ratio.toFixed(2)}× the floor (wall)${floorCpu ? `; cpu ${(bestCpu / floorCpu).toFixed(2)}× the floor's cpu` : ''}`);
  console.log(
    `model   writing the same rows alone  ${seconds(writeFloor.wall)} s   cpu ${seconds(writeFloor.cpu)} s: ${(writeFloor.wall / floor).toFixed(2)}× the floor ` +
      `(diagnostic, bench/importWriteFloor.ts: the case file's tables, indexes, audit entries and search marks, no parsing or hashing; best of ${runs})`,
  );
  console.log('');
  const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`Target: whole archive under ${TARGET_SECONDS} s: ${meets(best.wall / 1000 < TARGET_SECONDS)} (${seconds(best.wall)} s).`);
  console.log(`Target: within ${TARGET_RATIO}× the floor: ${meets(ratio <= TARGET_RATIO)} (${ratio.toFixed(2)}×).`);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ archive, runs, floors: floorRuns, imports, withSearch, writeFloors, floor, floorCpu, best: best.wall, bestCpu, ratio }, null, 2)}\n`);
  console.log(`Figures saved to ${out}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
