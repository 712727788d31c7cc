/**
 * The workbench's speed on the real archive: `npx tsx bench/workbench.bench.ts`.
 *
 * 1. Imports ../shared/data/airwars-syria into a temporary case file (the issue-3 importer),
 *    and says how long that took and how long indexing it for search took. With
 *    BENCH_IMPORT_COST=1 it first imports it once more without the search triggers, to show
 *    what keeping the index up costs an import.
 * 2. The incidents list (a page of 100 under a filter and a sort) and search, each through
 *    `dispatch` (validation, handler, mapping) against the same SQL run directly on
 *    better-sqlite3 in the same process: p50/p95 over many runs and their ratio.
 * 3. Opening the archive in the UI: `casefile serve` until it is ready, then Chromium until the
 *    first page of the list is on screen (needs `npm run build` and a Chromium).
 *
 * A benchmark, not a test: it prints figures and the targets beside them, and never fails on
 * a time. Targets: list p95 < 50 ms, search p95 < 100 ms, handler/direct ≤ 1.5×, first page < 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { dispatch } from '../db/handlers';
import { importAirwars } from '../db/import/airwars/index';
import { refreshSearchIndex } from '../db/searchIndex';
import { compare, directRunner, recordStatements, type Comparison } from './workbenchMeasure';
import { measureFirstPage } from './workbenchUi';
import { ARCHIVE_DIR as dataDir, hasArchive } from '../tests/helpers/archive';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

const LIST_INPUTS = [
  {
    name: 'list: Fair+Confirmed in 2016–2018, by killed ↓',
    input: { filter: { grade: ['fair', 'confirmed'], from: '2016-01-01', to: '2018-12-31' }, sort: { column: 'killed', direction: 'desc' }, offset: 0, limit: 100 },
  },
  {
    name: 'list: belligerent "russia", located, by place ↑, rows 1001–1100',
    input: { filter: { belligerent: 'russia', hasCoordinates: true }, sort: { column: 'place', direction: 'asc' }, offset: 1000, limit: 100 },
  },
  {
    name: 'list: governorate Aleppo, by date ↓',
    input: { filter: { governorate: 'Aleppo' }, sort: { column: 'date', direction: 'desc' }, offset: 0, limit: 100 },
  },
] as const;

/** As investigators type them: Arabic in several spellings, Latin names and places, codes. */
const SEARCH_QUERIES = ['الرقه', 'الرَّقَّة', 'دير الزور', 'محمد', 'أحمد العلي', 'Raqqa', 'Deir ez-Zor', 'Mahmoud', 'hospital', 'CS483', 'عائلة', 'Manbij'];

/** Wall and CPU time of `fn`, as text. */
function measureImport(fn: () => unknown): string {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  return `${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`;
}

function row(c: Comparison): string {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6);
  return `${c.name.padEnd(62)} handler p50 ${f(c.handler.p50)} p95 ${f(c.handler.p95)} | direct p50 ${f(c.direct.p50)} p95 ${f(c.direct.p95)} | ratio p50 ${r(c.handler.p50, c.direct.p50)} p95 ${r(c.handler.p95, c.direct.p95)}`;
}

async function main() {
  if (!hasArchive) {
    console.log(`Skipped: the Airwars archive is not at ${dataDir}.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-'));
  try {
    const path = join(dir, 'archive.casefile');
    if (process.env.BENCH_IMPORT_COST) {
      // The same import without the search index's triggers, for what keeping it up costs.
      const bare = createCaseFile(join(dir, 'bare.casefile'), { actor: 'bench' });
      for (const { name } of bare.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'").all() as { name: string }[]) {
        bare.db.exec(`DROP TRIGGER ${name}`);
      }
      const m = measureImport(() => importAirwars(bare, dataDir));
      console.log(`Import without search upkeep: ${m}.`);
      closeCaseFile(bare);
    }
    const cf = createCaseFile(path, { actor: 'bench' });
    let report: ReturnType<typeof importAirwars> | undefined;
    const imported = measureImport(() => (report = importAirwars(cf, dataDir)));
    const indexed = measureImport(() => refreshSearchIndex(cf.db));
    const counts = cf.db.prepare('SELECT entity, count(*) AS n FROM search_docs GROUP BY entity ORDER BY entity').all() as { entity: string; n: number }[];
    console.log(`Imported ${report?.counts.incidents?.created ?? '?'} incidents: ${imported}; then indexed for search: ${indexed} (${counts.map((c) => `${c.n} ${c.entity}s`).join(', ')}).`);
    console.log(`${RUNS} runs each, milliseconds; handler = dispatch (validation, handler, mapping), direct = the same SQL on better-sqlite3.\n`);

    const results: Comparison[] = [];
    for (const l of LIST_INPUTS) {
      const direct = directRunner(cf, recordStatements(cf, 'incidents:list', l.input));
      results.push(compare(l.name, RUNS, () => dispatch(cf, 'incidents:list', l.input), direct));
      console.log(row(results[results.length - 1]!));
    }
    const searchInputs = SEARCH_QUERIES.map((query) => ({ query, limit: 50 }));
    const searchDirect = searchInputs.map((input) => directRunner(cf, recordStatements(cf, 'search:query', input)));
    const search = compare(
      `search: ${SEARCH_QUERIES.length} queries in turn (limit 50)`,
      RUNS,
      (i) => dispatch(cf, 'search:query', searchInputs[i % searchInputs.length]),
      (i) => searchDirect[i % searchDirect.length]!(),
    );
    results.push(search);
    console.log(row(search));

    const list = results.filter((r) => r.name.startsWith('list'));
    const worstList = Math.max(...list.map((r) => r.handler.p95));
    const worstRatio = Math.max(...results.map((r) => r.handler.p95 / r.direct.p95), ...results.map((r) => r.handler.p50 / r.direct.p50));
    console.log(`\nTargets: list p95 ${worstList.toFixed(1)} ms (< 50), search p95 ${search.handler.p95.toFixed(1)} ms (< 100), worst handler/direct ${worstRatio.toFixed(2)}× (≤ 1.5).`);
    closeCaseFile(cf);

    const ui = await measureFirstPage(repoRoot, path);
    if (ui.skipped) console.log(`\nFirst page in the UI: skipped (${ui.skipped}).`);
    else {
      console.log(
        `\nOpening the archive: \`casefile serve\` ready in ${ui.serveMs.toFixed(0)} ms; first page of the list on screen ${ui.firstPage
          .map((ms) => ms.toFixed(0))
          .join(', ')} ms after navigation (median ${ui.median.toFixed(0)} ms; target < 1000).`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
