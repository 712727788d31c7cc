/**
 * `npm run bench`: every benchmark, one after another, each in its own process so that one's
 * memory and caches do not colour the next. Benchmarks print figures and ratios against a
 * baseline measured in the same run; none fails on a time. Run one with
 * `npm run bench -- import` (names match bench/<name>.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(`${w}.`))) : all;
if (chosen.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Known: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file.replace('.bench.ts', '')} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} stopped with exit code ${r.status}.`);
  }
}
process.exit(failed ? 1 : 0);
