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
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { importAirwars } from '../db/import/airwars/index';
import { LAYOUTS } from '../db/import/airwars/layout';

const root = fileURLToPath(new URL('..', import.meta.url));
const archive = process.env.CASEFILE_ARCHIVE ?? join(root, '..', 'shared', 'data', 'airwars-syria');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const SQLITE3 = '/usr/bin/sqlite3';
const TARGET_SECONDS = 5;
const TARGET_RATIO = 3;

if (!existsSync(join(archive, 'incidents.csv'))) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-'));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface Run {
  wall: number;
  cpu: number;
  phases: Record<string, number>;
}

/** One import into a fresh case file: wall time from the call to the file closed (checkpointed). */
function importOnce(i: number, withSearchIndex = true): Run {
  const file = join(work, `bench-${i}${withSearchIndex ? '' : '-nosearch'}.casefile`);
  const cf = createCaseFile(file, { actor: 'bench' });
  if (!withSearchIndex) {
    // Diagnostic only: how much of the time is the full-text search index (migration 0003's triggers).
    for (const { name } of cf.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'").all() as { name: string }[]) {
      cf.db.exec(`DROP TRIGGER ${name}`);
    }
  }
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
  closeCaseFile(cf);
  const wall = performance.now() - t0;
  phases.commit = performance.now() - last;
  const c = process.cpuUsage(cpu0);
  rmSync(file, { force: true });
  return { wall, cpu: (c.user + c.system) / 1000, phases };
}

/** The floor: sqlite3's own CSV import of the five files into plain tables, as one process. */
function floorOnce(i: number): number {
  const db = join(work, `floor-${i}.db`);
  const args = [db, ...LAYOUTS.map((l) => `.import --csv ${join(archive, l.file)} ${l.name}`)];
  const t0 = performance.now();
  execFileSync(SQLITE3, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const wall = performance.now() - t0;
  rmSync(db, { force: true });
  return wall;
}

const bytes = LAYOUTS.reduce((a, l) => a + statSync(join(archive, l.file)).size, 0);
console.log(`Airwars archive: ${archive} (${(bytes / 1e6).toFixed(1)} MB in five files); ${cpus().length} CPUs; best of ${runs}.`);
try {
  const floors: number[] = [];
  const imports: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that a busy moment on the machine weighs on both alike.
    floors.push(floorOnce(i));
    imports.push(importOnce(i));
    console.log(`  run ${i + 1}: floor ${seconds(floors[i]!)} s, import ${seconds(imports[i]!.wall)} s (cpu ${seconds(imports[i]!.cpu)} s)`);
  }
  const floor = Math.min(...floors);
  const best = imports.reduce((a, b) => (b.wall < a.wall ? b : a));
  const noSearch = importOnce(runs, false);
  const ratio = best.wall / floor;
  console.log('');
  console.log(`floor   sqlite3 .import --csv        ${seconds(floor)} s`);
  console.log(`import  casefile (fresh case file)   ${seconds(best.wall)} s   cpu ${seconds(best.cpu)} s`);
  console.log(`        phases: ${Object.entries(best.phases).map(([k, v]) => `${k} ${seconds(v)} s`).join(', ')}`);
  console.log(`        without the search index triggers (diagnostic): ${seconds(noSearch.wall)} s`);
  console.log(`ratio   ${ratio.toFixed(2)}× the floor`);
  console.log('');
  const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`Target: whole archive under ${TARGET_SECONDS} s: ${meets(best.wall / 1000 < TARGET_SECONDS)} (${seconds(best.wall)} s).`);
  console.log(`Target: within ${TARGET_RATIO}× the floor: ${meets(ratio <= TARGET_RATIO)} (${ratio.toFixed(2)}×).`);
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ archive, runs, floors, imports, noSearch, floor, best: best.wall, ratio }, null, 2)}\n`);
  console.log(`Figures saved to ${out}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
