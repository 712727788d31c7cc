/**
 * `npm run bench -- crossref-duplicates`: every duplicate-pair suggestion for the whole Airwars
 * archive (features read from the case file, blocking, scoring, the pairs stored), against the
 * naive computation that scores every pair, measured in the same run on a sample (the first
 * SAMPLE incidents from June 2017, the densest stretch) and extrapolated to the archive by the
 * number of pairs (n(n-1)/2). Best of BENCH_RUNS. A benchmark, not a test: nothing fails on time.
 *
 *   CASEFILE_ARCHIVE=dir  the archive (default ../shared/data/airwars-syria)
 *   BENCH_RUNS=n          runs of each (default 3)
 *   BENCH_SAMPLE=n        incidents in the naive sample (default 1500)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { naivePairs, suggestPairs } from '../db/crossref/duplicatesBlock';
import { loadFeatures } from '../db/crossref/duplicatesFeatures';
import { computeDuplicates } from '../db/crossref/duplicatesStore';
import { importAirwars } from '../db/import/airwars/index';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 1500);
const TARGET_SECONDS = 10;

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'casefile-bench-dupes-'));
const cf = createCaseFile(join(work, 'archive.casefile'), { actor: 'bench' });
try {
  console.log(`Importing ${archive} (setup, not measured)…`);
  importAirwars(cf, archive);

  // Wall time, and this process's CPU time (user + system): on a machine shared with other
  // work, CPU time says more about the code than wall time does.
  let cpuMs = Infinity;
  const best = (fn: () => void) => {
    let min = Infinity;
    cpuMs = Infinity;
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      fn();
      min = Math.min(min, performance.now() - t);
      const used = process.cpuUsage(c);
      cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
    }
    return min;
  };

  let full = { incidents: 0, candidates: 0, pairs: 0, millis: 0 };
  const wholeMs = best(() => (full = computeDuplicates(cf)));
  const wholeCpuMs = cpuMs;
  const features = loadFeatures(cf);
  const loadMs = best(() => loadFeatures(cf));
  const blockedMs = best(() => suggestPairs(features));

  const from = Date.UTC(2017, 5, 1) / 86_400_000;
  const sample = features.filter((f) => f.dayLo !== null && f.dayLo >= from).slice(0, SAMPLE);
  let naiveCount = 0;
  let blockedCount = 0;
  const naiveSampleMs = best(() => (naiveCount = naivePairs(sample).length));
  const blockedSampleMs = best(() => (blockedCount = suggestPairs(sample).pairs.length));

  const n = sample.length;
  const N = features.length;
  const pairScale = (N * (N - 1)) / (n * (n - 1));
  const naiveFullMs = naiveSampleMs * pairScale;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (shared with other work: figures are noisy; ratios are from this run).`);
  console.log(`Whole archive: ${full.incidents} incidents, ${full.candidates} candidate pairs (of ${((N * (N - 1)) / 2).toLocaleString('en')}), ${full.pairs} suggested.`);
  console.log(`  every duplicate pair, read + blocked + scored + stored: ${s(wholeMs)} wall, ${s(wholeCpuMs)} CPU (best of ${runs}, measured first); reading features ${s(loadMs)}, blocking + scoring ${s(blockedMs)}`);
  console.log(`Sample of ${n} incidents from June 2017 on: naive all pairs ${s(naiveSampleMs)} (${naiveCount} pairs), blocked ${s(blockedSampleMs)} (${blockedCount} pairs): ${(naiveSampleMs / blockedSampleMs).toFixed(1)}× faster on the sample.`);
  console.log(`Naive all pairs extrapolated to ${N} incidents (× ${pairScale.toFixed(1)} pairs): about ${s(naiveFullMs)} of scoring alone, ` +
      `${(naiveFullMs / blockedMs).toFixed(0)}× the blocked blocking + scoring (${s(blockedMs)}). The extrapolation assumes the sample's cost per pair; the sample is the densest stretch, so the blocked side is if anything flattered less there.`);
  console.log(`Target: every duplicate pair plus every strike match under ${TARGET_SECONDS} s; duplicates take ${s(wholeMs)} wall (${s(wholeCpuMs)} CPU) of it (strike matching is measured by its own bench).`);
} finally {
  closeCaseFile(cf);
  rmSync(work, { recursive: true, force: true });
}
