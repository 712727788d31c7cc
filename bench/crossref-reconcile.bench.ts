/**
 * Victim reconciliation and source repeats on the real archive: `npm run bench -- crossref-reconcile`.
 *
 * Imports ../shared/data/airwars-syria into a temporary case file, then:
 *   - computes every likely same-person pair of victim records (blocking by name key and date
 *     window), and on a sample of records compares it with the naive all-pairs computation
 *     measured in the same run: the time ratio, and whether blocking missed any pair the naive
 *     scan finds (it should not: a suggestion needs two matching tokens, which share a key);
 *   - computes every likely repeat among the sources (capture hash, normalised address, excerpt
 *     shingles), with counts by reason;
 *   - times a source page's independence panel (indexed look-ups, not the whole case);
 *   - times stats:get and the share of it the people correction (reconciled records) takes.
 * A benchmark, not a test: it prints figures, never fails on a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCaseFile, createCaseFile, openCaseFile, type CaseFile } from '../db/casefile';
import { dispatch } from '../db/handlers';
import { importAirwars } from '../db/import/airwars/index';
import { computeRepeatSuggestions, repeatSuggestions } from '../db/repeatSuggestions';
import { findPairs, loadVictimRecords } from '../db/victimPairs';
import { namedPeople, reconciledExtras } from '../db/namedPeople';
import { HEADLINE_GRADES } from '../shared/domain';
import { ARCHIVE_DIR as dataDir, hasArchive } from '../tests/helpers/archive';

const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 2500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function time<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

function median<T>(runs: number, fn: () => T): { value: T; ms: number } {
  const results = Array.from({ length: runs }, () => time(fn));
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const OLD_NAMED = `SELECT i.grade, coalesce(sum((SELECT count(*) FROM victims v WHERE v.incident_id = i.id
  AND (trim(coalesce(v.name_latin, '')) <> '' OR trim(coalesce(v.name_local, '')) <> ''))), 0) AS named
  FROM incidents i GROUP BY i.grade`;

function victims(cf: CaseFile): void {
  const load = median(RUNS, () => loadVictimRecords(cf));
  const recs = load.value;
  const all = median(RUNS, () => findPairs(recs));
  const pairs = all.value;
  const cross = pairs.filter((p) => p.a.incidentId !== p.b.incidentId).length;
  const involved = new Set(pairs.flatMap((p) => [p.a.id, p.b.id])).size;
  const strong = pairs.filter((p) => p.score >= 0.8).length;
  console.log(`Victim records with a name of two words or more: ${recs.length}. Loading and tokenising them: ${load.ms.toFixed(0)} ms.`);
  console.log(
    `Suggested same-person pairs: ${pairs.length} (${cross} across two incidents, ${pairs.length - cross} within one incident; ${strong} scored 0.8 or more), involving ${involved} records. Computed in ${all.ms.toFixed(0)} ms (median of ${RUNS}).`,
  );
  const named = (cf.db.prepare("SELECT count(*) AS n FROM victims WHERE trim(coalesce(name_latin, '')) <> '' OR trim(coalesce(name_local, '')) <> ''").get() as { n: number }).n;
  console.log(`Named victim records: ${named}; reconciled so far: none (confirming is a person's decision, never automatic).`);

  // Blocking against all pairs, on a sample spread over the archive.
  const step = Math.max(1, Math.floor(recs.length / SAMPLE));
  const sample = recs.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const blocked = median(RUNS, () => findPairs(sample));
  const naive = time(() => findPairs(sample, { blocked: false }));
  const key = (p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join('|');
  const found = new Set(blocked.value.map(key));
  const missed = naive.value.filter((p) => !found.has(key(p))).length;
  console.log(
    `Sample of ${sample.length} records (${((sample.length * (sample.length - 1)) / 2).toLocaleString('en')} pairs): blocked ${blocked.ms.toFixed(1)} ms, all pairs ${naive.ms.toFixed(0)} ms, ratio ${(naive.ms / blocked.ms).toFixed(0)}× faster; pairs found ${blocked.value.length} blocked vs ${naive.value.length} all-pairs (${missed} missed by blocking).`,
  );
}

function sources(cf: CaseFile): void {
  const n = (cf.db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
  const first = median(RUNS, () => computeRepeatSuggestions(cf));
  repeatSuggestions(cf);
  const r = time(() => repeatSuggestions(cf)); // served from the cache: nothing changed since
  const byReason = new Map<string, number>();
  for (const s of first.value) {
    const k = s.reasons.map((x) => x.kind).join(' + ');
    byReason.set(k, (byReason.get(k) ?? 0) + 1);
  }
  const repeats = new Set(first.value.map((s) => s.repeat.id)).size;
  const sameIncident = first.value.filter((s) => s.repeat.incidentCodes.some((c) => s.original.incidentCodes.includes(c))).length;
  console.log(
    `\nSources: ${n}. Suggested repeats: ${first.value.length} pairs, ${repeats} distinct sources suggested as a repeat of another; ${sameIncident} pairs support a common incident (the rest: one report logged again for another incident). By reason: ${[...byReason].map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  );
  console.log(`Computed in ${first.ms.toFixed(0)} ms (median of ${RUNS}); served again from the cache (no change since) in ${r.ms.toFixed(2)} ms.`);
}

function stats(cf: CaseFile): void {
  const runs = 20;
  const all = median(runs, () => dispatch(cf, 'stats:get', { filter: {} }));
  const filter = { where: '', params: {} };
  const added = median(runs, () => {
    reconciledExtras(cf, filter);
    namedPeople(cf, filter, HEADLINE_GRADES, 0);
    namedPeople(cf, filter, null, 0);
  });
  const old = cf.db.prepare(OLD_NAMED);
  const rows = median(runs, () => old.all());
  console.log(
    `\nstats:get (named victims counted as people): ${all.ms.toFixed(1)} ms (median of ${runs}); of which the people correction added by reconciliation: ${added.ms.toFixed(2)} ms (${((100 * added.ms) / all.ms).toFixed(1)}%), against ${rows.ms.toFixed(1)} ms for counting named rows.`,
  );
}

function sourcePages(cf: CaseFile): void {
  const ids = (cf.db.prepare('SELECT id FROM sources ORDER BY rowid').all() as { id: string }[]).filter((_, i) => i % 2500 === 0).map((r) => r.id);
  const page = median(RUNS, () => ids.forEach((id) => dispatch(cf, 'sources:independence', { id })));
  console.log(`A source page's independence panel (sources:independence): ${(page.ms / ids.length).toFixed(1)} ms per source, over ${ids.length} sources.`);
}

function main() {
  if (!hasArchive) {
    console.log(`Skipped: the Airwars archive is not at ${dataDir}.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-reconcile-'));
  try {
    const path = join(dir, 'archive.casefile');
    const created = createCaseFile(path, { actor: 'bench' });
    const t = performance.now();
    importAirwars(created, dataDir);
    closeCaseFile(created);
    const cf = openCaseFile(path, { actor: 'bench' });
    console.log(`Imported the archive in ${((performance.now() - t) / 1000).toFixed(1)} s and reopened it.\n`);
    victims(cf);
    sources(cf);
    sourcePages(cf);
    stats(cf);
    closeCaseFile(cf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
