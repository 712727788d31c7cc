/**
 * The dashboard's speed on the real archive: `npx tsx bench/dashboard.bench.ts`.
 *
 * Imports ../shared/data/airwars-syria once into a temporary case file (the issue-3 importer),
 * then times what the dashboard asks for on every load — `stats:get` and `stats:monthly`
 * together — through `dispatch` (validation, handlers, shaping) against the very same SQL
 * statements run directly on better-sqlite3 (recorded from the handlers, prepared once), in
 * the same process, interleaved: p50/p95 in milliseconds and their ratio, for the filters the
 * dashboard offers (belligerent, country, dates) and none.
 *
 * A benchmark, not a test: it prints figures and the target beside them, never fails on a
 * time. Target: the dashboard's figures in under 100 ms at the handler level (p95).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCaseFile, createCaseFile, openCaseFile } from '../db/casefile';
import { dispatch } from '../db/handlers';
import { importAirwars } from '../db/import/airwars/index';
import type { IncidentFilter } from '../shared/schemas';
import { compare, directRunner, recordStatements, type Comparison } from './workbenchMeasure';
import { ARCHIVE_DIR as dataDir, hasArchive } from '../tests/helpers/archive';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 100;

const FILTERS: { name: string; filter: IncidentFilter }[] = [
  { name: 'no filter', filter: {} },
  { name: 'belligerent "russia"', filter: { belligerent: 'russia' } },
  { name: 'country Syria, 2016–2017', filter: { country: 'Syria', from: '2016-01-01', to: '2017-12-31' } },
  { name: 'belligerent "coalition", from 2017', filter: { belligerent: 'coalition', from: '2017-01-01' } },
];

function row(c: Comparison): string {
  const f = (n: number) => n.toFixed(2).padStart(7);
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(6);
  return `${c.name.padEnd(44)} handler p50 ${f(c.handler.p50)} p95 ${f(c.handler.p95)} | direct SQL p50 ${f(c.direct.p50)} p95 ${f(c.direct.p95)} | ratio p50 ${r(c.handler.p50, c.direct.p50)} p95 ${r(c.handler.p95, c.direct.p95)}`;
}

function main() {
  if (!hasArchive) {
    console.log(`Skipped: the Airwars archive is not at ${dataDir}.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-dashboard-'));
  try {
    const path = join(dir, 'archive.casefile');
    const created = createCaseFile(path, { actor: 'bench' });
    const t = performance.now();
    importAirwars(created, dataDir);
    closeCaseFile(created);
    // Measured as the app sees it: the case file opened afresh after the import.
    const cf = openCaseFile(path, { actor: 'bench' });
    const incidents = (cf.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    console.log(`Imported ${incidents} incidents in ${((performance.now() - t) / 1000).toFixed(1)} s, and reopened the case file.`);
    console.log(`${RUNS} runs each, milliseconds. One run = what the dashboard loads: stats:get + stats:monthly.`);
    console.log('handler = dispatch (validation, handlers, shaping); direct SQL = the same statements on better-sqlite3, prepared once.\n');

    const results: Comparison[] = [];
    for (const { name, filter } of FILTERS) {
      const input = { filter };
      const direct = [
        directRunner(cf, recordStatements(cf, 'stats:get', input)),
        directRunner(cf, recordStatements(cf, 'stats:monthly', input)),
      ];
      const handler = () => {
        const a = dispatch(cf, 'stats:get', input);
        const b = dispatch(cf, 'stats:monthly', input);
        if (!a.ok || !b.ok) throw new Error(`The dashboard failed under ${name}`);
      };
      const c = compare(name, RUNS, handler, () => direct.forEach((run) => run()));
      results.push(c);
      console.log(row(c));
    }
    const worst = Math.max(...results.map((r) => r.handler.p95));
    const worstRatio = Math.max(...results.map((r) => r.handler.p50 / r.direct.p50));
    console.log(
      `\nTarget: the dashboard's figures in under ${TARGET_MS} ms at the handler level. Worst p95 ${worst.toFixed(1)} ms: ${worst < TARGET_MS ? 'met' : 'NOT met'}. Worst handler/direct ratio (p50) ${worstRatio.toFixed(2)}×.`,
    );
    closeCaseFile(cf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
