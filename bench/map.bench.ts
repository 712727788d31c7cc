/**
 * The offline map's speed: `npx tsx bench/map.bench.ts`.
 *
 * Builds the renderer (basemap included) if there is no build, makes three case files — empty
 * (the baseline), the real Airwars archive (../shared/data/airwars-syria, through the importer)
 * and 100,000 synthetic incidents (inserted directly, spread around the gazetteer's places) —
 * serves each with the real `casefile serve` and times, in headless Chromium with every
 * non-local request blocked, navigation to #/map → first idle render with the incidents drawn.
 * Best and median of BENCH_MAP_RUNS (3) loads, the cases measured in turns, and their ratios
 * to two baselines measured in the same run: the empty case, and a bare MapLibre page (the
 * same map size, one background layer: what any map costs on this machine). On Linux also
 * the CPU time Chromium spent on each load (from /proc), which a loaded machine disturbs far
 * less than the wall-clock time. Also: the `map:points` payload for each case, and the
 * shipped map data's size.
 *
 * A benchmark, not a test: it prints figures and the targets beside them and never fails on a
 * time. Targets: real archive < 1.5 s, 100,000 points < 3 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCaseFile, createCaseFile, type CaseFile } from '../db/casefile';
import { call, dispatch } from '../db/handlers';
import { fileKeyStore } from '../db/keyStore';
import { importAirwars } from '../db/import/airwars/index';
import { GEO_PRECISIONS, GRADES } from '../shared/domain';
import { launch, measureMapCases, type MapCase } from './mapUi';
import { ARCHIVE_DIR as dataDir, hasArchive } from '../tests/helpers/archive';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_MAP_RUNS ?? 3);
const SYNTHETIC = Number(process.env.BENCH_MAP_SYNTHETIC ?? 100_000);

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

function ensureBuild(): void {
  const dist = join(repoRoot, 'dist', 'renderer');
  if (existsSync(join(dist, 'index.html')) && existsSync(join(dist, 'basemap', 'basemap.pack'))) return;
  console.log('No built renderer with its basemap: building it (basemap, then vite)…');
  execFileSync(process.execPath, [join(repoRoot, 'build', 'scripts', 'build-basemap.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(repoRoot, 'renderer', 'vite.config.ts')], {
    stdio: 'inherit',
  });
}

/** A deterministic pseudo-random sequence, so every run draws the same synthetic case. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` incidents around the gazetteer's places in Syria and Iraq, straight into the table. */
function synthesize(cf: CaseFile, n: number): void {
  const places = JSON.parse(readFileSync(join(repoRoot, 'dist', 'renderer', 'basemap', 'places.json'), 'utf8')) as { columns: string[]; rows: unknown[][] };
  const [lonCol, latCol, ccCol] = ['lon', 'lat', 'cc'].map((c) => places.columns.indexOf(c)) as [number, number, number];
  const anchors = places.rows.filter((r) => r[ccCol] === 'SY' || r[ccCol] === 'IQ').map((r) => [Number(r[lonCol]), Number(r[latCol])] as const);
  const rnd = random(42);
  const now = new Date().toISOString();
  const insert = cf.db.prepare(
    `INSERT INTO incidents (id, code, date_start, date_precision, place_en, country, latitude, longitude, geo_precision, status, grade, killed_min, killed_max, created_at, updated_at)
     VALUES (?, ?, ?, 'day', ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
  );
  const start = Date.UTC(2014, 7, 1);
  const span = Date.UTC(2022, 0, 1) - start;
  cf.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const [lon, lat] = anchors[Math.floor(rnd() * anchors.length)]!;
      const grade = rnd() < 0.15 ? null : GRADES[Math.floor(rnd() * GRADES.length)]!;
      const killed = rnd() < 0.2 ? null : Math.floor(rnd() ** 3 * 80);
      const date = new Date(start + rnd() * span).toISOString().slice(0, 10);
      insert.run(
        `syn-${i}`,
        `SY${String(i).padStart(6, '0')}`,
        date,
        `Synthetic ${i}`,
        lat > 35.5 && lon > 42.5 ? 'Iraq' : 'Syria',
        Math.round((lat + (rnd() - 0.5) * 0.08) * 1e5) / 1e5,
        Math.round((lon + (rnd() - 0.5) * 0.08) * 1e5) / 1e5,
        GEO_PRECISIONS[Math.floor(rnd() * (GEO_PRECISIONS.length - 1))]!,
        grade,
        killed === null ? null : Math.max(0, killed - 2),
        killed,
        now,
        now,
      );
    }
  })();
}

function payload(cf: CaseFile): string {
  const t = performance.now();
  const r = dispatch(cf, 'map:points', {});
  const ms = performance.now() - t;
  if (!r.ok) return `map:points failed: ${r.error.message}`;
  const v = r.value as { codes: string[] };
  const bytes = JSON.stringify(r.value).length;
  return `map:points ${v.codes.length.toLocaleString('en')} points, ${(bytes / 1024 / 1024).toFixed(2)} MB of JSON, handler ${ms.toFixed(0)} ms`;
}

async function main() {
  ensureBuild();
  const basemapDir = join(repoRoot, 'dist', 'renderer', 'basemap');
  const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-map-'));
  // The UI asks who you are first: each case gets a profile, its key in a key store of the run's own.
  const home = join(dir, 'home');
  const create = (path: string) => {
    const cf = createCaseFile(path, { actor: 'bench', keyStore: fileKeyStore(home) });
    call(cf, 'profile:create', { name: 'Bench investigator', role: 'investigator' });
    return cf;
  };
  const cases: MapCase[] = [{ name: 'bare MapLibre page', path: null }];
  try {
    const empty = join(dir, 'empty.casefile');
    closeCaseFile(create(empty));
    cases.push({ name: 'empty case (baseline)', path: empty });

    if (hasArchive) {
      const path = join(dir, 'archive.casefile');
      const cf = create(path);
      const t = performance.now();
      importAirwars(cf, dataDir);
      console.log(`Imported the real archive in ${((performance.now() - t) / 1000).toFixed(1)} s; ${payload(cf)}.`);
      closeCaseFile(cf);
      cases.push({ name: 'real archive', path, target: 1500 });
    } else {
      console.log(`The real archive is not at ${dataDir}: its case is skipped.`);
    }

    if (SYNTHETIC > 0) {
    const synPath = join(dir, 'synthetic.casefile');
    const syn = create(synPath);
    const t = performance.now();
    synthesize(syn, SYNTHETIC);
    console.log(`Generated ${SYNTHETIC.toLocaleString('en')} synthetic incidents in ${((performance.now() - t) / 1000).toFixed(1)} s; ${payload(syn)}.`);
    closeCaseFile(syn);
    cases.push({ name: `${SYNTHETIC.toLocaleString('en')} synthetic`, path: synPath, target: 3000 });
    }

    const browser = await launch();
    let measured;
    try {
      measured = await measureMapCases(browser, cases, RUNS, { CASEFILE_HOME: home });
    } finally {
      await browser.close();
    }

    const bare = measured[0]!.median;
    const emptyMs = measured[1]!.median;
    const bareCpu = measured[0]!.cpu?.total;
    console.log(`\nOpening #/map → first idle render, headless Chromium (SwiftShader), ${RUNS} fresh loads each (cases in turns), ms:`);
    for (const [k, c] of cases.entries()) {
      const r = measured[k]!;
      const ratio = `${(r.median / bare).toFixed(2)}× bare, ${(r.median / emptyMs).toFixed(2)}× empty`;
      const goal = c.target ? ` | target < ${c.target} ms: ${r.median < c.target ? 'met' : 'NOT met'}` : '';
      const drawn = c.path === null ? '' : ` (${r.points} points drawn)`;
      console.log(`  ${c.name.padEnd(24)} best ${r.best.toFixed(0).padStart(6)}  median ${r.median.toFixed(0).padStart(6)}  ${ratio.padEnd(26)}${drawn}${goal}`);
      console.log(`    loads: ${r.loads.map((x) => x.toFixed(0)).join(', ')}; timeline of the median load: ${Object.entries(r.marks).sort((x, y) => x[1] - y[1]).map(([m, v]) => `${m} ${v}`).join(' → ')}`);
      if (r.cpu) {
        const parts = Object.entries(r.cpu.byType).sort((x, y) => y[1] - x[1]).map(([t, v]) => `${t} ${v}`);
        console.log(`    CPU used by Chromium, median load: ${r.cpu.total} ms (${parts.join(', ')})${bareCpu ? `; ${(r.cpu.total / bareCpu).toFixed(2)}× bare` : ''}`);
      }
      if (r.blocked.length) console.log(`    ${r.blocked.length} requests to other hosts were blocked: ${[...new Set(r.blocked)].slice(0, 3).join(', ')}`);
    }
    const files = readdirSync(basemapDir).map((f) => `${f} ${(statSync(join(basemapDir, f)).size / 1024).toFixed(0)} KB`);
    console.log(`\nShipped map data (dist/renderer/basemap): ${(dirBytes(basemapDir) / 1024).toFixed(0)} KB (${files.join(', ')}).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
