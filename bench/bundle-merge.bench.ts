/**
 * `npm run bench -- bundle-merge`: the real archive (~8k incidents, no captures) in two copies;
 * on each side a quarter of the incidents changed, half of them the same incidents (some of
 * those in the same field: conflicts, resolved with theirs). The field's bundle is merged into
 * the office's copy, as `casefile merge --take theirs` does it (plan, then one audited change),
 * against floors measured in the same run on the same rows:
 *   - read + hash: SELECT every row of the merged tables here and SHA-256 it, and parse the
 *     bundle's data (what any comparison must at least do);
 *   - plain write: INSERT OR REPLACE of the bundle's changed incidents, no audit, no planning.
 * Prints wall times and ratios; the target (under 10 s) is text, never a failure.
 *
 *   CASEFILE_ARCHIVE=dir  the archive (default ../shared/data/airwars-syria)
 *   BENCH_RUNS=n          merges measured (default 2)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { change, type Row } from '../db/audit';
import { closeCaseFile, createCaseFile, openCaseFile, type CaseFile } from '../db/casefile';
import { importAirwars } from '../db/import/airwars/index';
import { applyMerge } from '../db/bundle/mergeApply';
import { loadBundleForMerge } from '../db/bundle/mergeBundle';
import { planMerge } from '../db/bundle/mergePlan';
import { MERGE_TABLES } from '../db/bundle/versions';
import { writeTestBundle } from '../tests/helpers/bundles';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';

const runs = Number(process.env.BENCH_RUNS ?? 2);
const TARGET_SECONDS = 10;

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-merge-'));
process.env.CASEFILE_HOME = join(work, 'home');
const s = (ms: number) => (ms / 1000).toFixed(2);
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

function edit(path: string, actor: string, pick: (i: number) => Row | null): number {
  const cf = openCaseFile(path, { actor });
  const ids = (cf.db.prepare('SELECT id FROM incidents ORDER BY code').all() as { id: string }[]).map((r) => r.id);
  let n = 0;
  change(cf, `bench edits by ${actor}`, (w) => {
    ids.forEach((id, i) => {
      const patch = pick(i);
      if (patch && w.update('incidents', { id }, patch)) n++;
    });
  });
  closeCaseFile(cf);
  return n;
}

try {
  const base = join(work, 'base.casefile');
  const [, importMs] = time(() => {
    const cf = createCaseFile(base, { actor: 'bench' });
    importAirwars(cf, archive);
    closeCaseFile(cf);
  });
  console.log(`archive imported in ${s(importMs)} s (setup, not measured)`);
  const mine = join(work, 'mine.casefile');
  const theirs = join(work, 'theirs.casefile');
  copyFileSync(base, mine);
  copyFileSync(base, theirs);
  // Theirs: every 4th incident's summary. Mine: every 8th's infrastructure (the same incidents
  // as theirs: merged field by field), every 16th's summary too (conflicts), every 8th+2's summary.
  const t = edit(theirs, 'field', (i) => (i % 4 === 0 ? { summary: `Field rewrite ${i}` } : null));
  const m = edit(mine, 'office', (i) =>
    i % 8 === 0 ? { infrastructure: `Office ${i}`, ...(i % 16 === 0 ? { summary: `Office rewrite ${i}` } : {}) } : i % 8 === 2 ? { summary: `Office ${i}` } : null,
  );
  console.log(`changed incidents: ${t} in the bundle's copy, ${m} in the merged-into copy`);

  const bundle = join(work, 'theirs.zip');
  const [, bundleMs] = time(() => {
    const cf = openCaseFile(theirs, { actor: 'field' });
    writeTestBundle(cf, bundle);
    closeCaseFile(cf);
  });
  console.log(`bundle written in ${s(bundleMs)} s by the test helper (setup; export is measured by its own bench)`);

  const bytes = readFileSync(bundle);
  const results: { merge: number; plan: number; apply: number; floorRead: number; floorWrite: number; entries: number }[] = [];
  for (let r = 0; r < runs; r++) {
    // Floor 1: read + hash every row of the merged tables here, and parse the bundle's data.
    const target = join(work, `mine-${r}.casefile`);
    copyFileSync(mine, target);
    let cf: CaseFile = openCaseFile(target, { actor: 'office' });
    const [, floorRead] = time(() => {
      for (const table of MERGE_TABLES) {
        for (const row of cf.db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Row>) createHash('sha256').update(JSON.stringify(row)).digest('hex');
      }
      return loadBundleForMerge(bytes).data.tables.incidents!.length;
    });
    closeCaseFile(cf);

    // Floor 2: a plain INSERT OR REPLACE of their changed incidents into a copy, no audit.
    const plain = join(work, `plain-${r}.casefile`);
    copyFileSync(mine, plain);
    cf = openCaseFile(plain, { actor: 'office' });
    const loaded = loadBundleForMerge(bytes);
    const changed = loaded.data.tables.incidents!.filter((row) => String(row.summary ?? '').startsWith('Field rewrite'));
    const [, floorWrite] = time(() => {
      const cols = Object.keys(changed[0]!);
      const stmt = cf.db.prepare(`INSERT OR REPLACE INTO incidents (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      cf.db.pragma('foreign_keys = OFF');
      cf.db.transaction(() => changed.forEach((row) => stmt.run(row)))();
    });
    closeCaseFile(cf);

    // The merge, as `casefile merge --take theirs` runs it: verify + read, plan, apply.
    cf = openCaseFile(target, { actor: 'office' });
    let planMs = 0;
    let applyMs = 0;
    const [out, mergeMs] = time(() => {
      const b = loadBundleForMerge(bytes);
      const [plan, p] = time(() => planMerge(cf, b.data, b.source));
      planMs = p;
      const resolutions = Object.fromEntries(plan.conflicts.map((c) => [c.id, { record: 'theirs' as const }]));
      const [o, a] = time(() => applyMerge(cf, b.data, b.source, resolutions, { blobContent: b.blobContent, plan }));
      applyMs = a;
      return o;
    });
    if (r === 0) {
      const c = out.plan.counts;
      console.log(`plan: new ${c.new}, theirs ${c.theirs}, mine ${c.mine}, merged ${c.merged}, conflicts ${c.conflict}, unchanged ${c.unchanged}`);
      const [again, againMs] = time(() => applyMerge(cf, loadBundleForMerge(bytes).data, out.plan.source, {}));
      console.log(`the same bundle again: ${again.auditEntries} audit entries, ${s(againMs)} s`);
    }
    closeCaseFile(cf);
    results.push({ merge: mergeMs, plan: planMs, apply: applyMs, floorRead, floorWrite, entries: out.auditEntries });
  }
  const best = <K extends keyof (typeof results)[number]>(k: K) => Math.min(...results.map((x) => x[k]));
  console.log(`\nmerge (verify + read + plan + apply), best of ${runs}: ${s(best('merge'))} s  (plan ${s(best('plan'))} s, apply ${s(best('apply'))} s, ${results[0]!.entries} audit entries)`);
  console.log(`floor read + hash the same rows:                 ${s(best('floorRead'))} s  → merge is ${(best('merge') / best('floorRead')).toFixed(1)}× it`);
  console.log(`floor plain INSERT OR REPLACE of their changes:  ${s(best('floorWrite'))} s  → merge is ${(best('merge') / best('floorWrite')).toFixed(1)}× it`);
  console.log(`target: merge under ${TARGET_SECONDS} s — ${best('merge') / 1000 < TARGET_SECONDS ? 'met' : 'NOT met'} on this machine (load average is shared with other work; compare the ratios).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
