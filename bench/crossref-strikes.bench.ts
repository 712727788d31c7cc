/**
 * `npm run bench -- crossref-strikes`: the strike matcher on the real Airwars archive.
 *
 * 1. Ground truth. The archive's strike reports are attached to their incidents by Airwars
 *    (a belligerent assessment's link). Every link is removed (through change(), audited) and
 *    each report is given its incident's date; candidates are then computed for the whole case
 *    and persisted exactly as `strikeMatches:compute` does. For the reports with an MGRS grid,
 *    how often does the original incident rank first, and in the top 3? (Aim: ≥ 90 % top 3.)
 * 2. Speed. Computing every candidate of the case (date window + per-day grid index), against
 *    the naive all-pairs computation measured in the same run on a sample of reports and
 *    extrapolated linearly (all-pairs cost is per report × every incident, so linear in reports).
 *
 *   CASEFILE_ARCHIVE=dir   the archive (default ../shared/data/airwars-syria)
 *   BENCH_SAMPLE=n         reports in the all-pairs sample (default 300)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { change } from '../db/audit';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { computeCandidatePairs, computeStrikeMatches } from '../db/crossref/strikeMatch';
import { loadIncidentPoints, loadStrikePoints } from '../db/crossref/strikeMatchData';
import { importAirwars } from '../db/import/airwars/index';
import { IncidentIndex, naiveCandidates, strikeCandidates } from '../shared/strikeCandidates';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 300);
const TARGET_SECONDS = 10;

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-strikes-'));
const ms = (t: number) => `${t.toFixed(0)} ms`;
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

try {
  const cf = createCaseFile(join(work, 'archive.casefile'), { actor: 'bench' });
  const [, importMs] = time(() => importAirwars(cf, archive));
  console.log(`Imported the archive in ${ms(importMs)} (not part of the figures below).`);

  // Detach every strike report from its incident; give it the incident's date. Remember the truth.
  const links = cf.db
    .prepare(
      `SELECT b.id AS bid, b.strike_report_id AS rid, b.incident_id AS iid, i.date_start AS date, r.mgrs
       FROM incident_belligerents b JOIN incidents i ON i.id = b.incident_id JOIN strike_reports r ON r.id = b.strike_report_id
       WHERE i.date_start IS NOT NULL`,
    )
    .all() as { bid: string; rid: string; iid: string; date: string; mgrs: string | null }[];
  const truth = new Map(links.map((l) => [l.rid, { incidentId: l.iid, mgrs: Boolean(l.mgrs && l.mgrs.trim()) }]));
  change(cf, 'Bench: strike reports detached from their incidents and given their dates', (w) => {
    for (const l of links) {
      w.update('incident_belligerents', { id: l.bid }, { strike_report_id: null });
      w.update('strike_reports', { id: l.rid }, { report_date: l.date });
    }
    for (const m of cf.db.prepare('SELECT strike_report_id, incident_id FROM strike_matches').all() as Record<string, string>[]) w.remove('strike_matches', m);
  });
  const withGrid = [...truth.values()].filter((t) => t.mgrs).length;
  console.log(`Detached ${links.length} strike reports (${withGrid} with an MGRS grid) from their incidents.`);

  // The whole case, as the channel does it: load, index, score, persist.
  const [persisted, persistMs] = time(() => computeStrikeMatches(cf, {}));
  // Compute alone (load + index + score), the figure comparable with the all-pairs baseline.
  const [computed, computeMs] = time(() => computeCandidatePairs(cf));
  console.log(`Whole case: ${computed.reports} reports × ${computed.incidents} incidents → ${computed.pairs.length} candidates.`);
  console.log(`  compute (load, index, score): ${ms(computeMs)}; compute and persist as pending matches (${persisted.created} rows, audited): ${ms(persistMs)}`);

  // Ground truth from what was persisted.
  const ranked = new Map<string, { incident_id: string }[]>();
  for (const r of cf.db.prepare('SELECT strike_report_id, incident_id FROM strike_matches ORDER BY strike_report_id, score DESC, incident_id').all() as { strike_report_id: string; incident_id: string }[]) {
    const list = ranked.get(r.strike_report_id) ?? [];
    list.push(r);
    ranked.set(r.strike_report_id, list);
  }
  let n = 0, top1 = 0, top3 = 0;
  for (const [rid, t] of truth) {
    if (!t.mgrs) continue;
    n++;
    const at = (ranked.get(rid) ?? []).findIndex((m) => m.incident_id === t.incidentId);
    if (at === 0) top1++;
    if (at >= 0 && at < 3) top3++;
  }
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)} %`;
  console.log(`Ground truth (${n} MGRS-located reports): original incident first ${top1} (${pct(top1)}), in the top 3 ${top3} (${pct(top3)}); aim ≥ 90 % top 3.`);

  // All pairs on a sample, against the index on the same sample and on everything.
  const reports = loadStrikePoints(cf);
  const incidents = loadIncidentPoints(cf);
  const step = Math.max(1, Math.floor(reports.length / SAMPLE));
  const sample = reports.filter((_, k) => k % step === 0).slice(0, SAMPLE);
  const [slow, naiveMs] = time(() => naiveCandidates(sample, incidents));
  const [fast, indexedSampleMs] = time(() => strikeCandidates(sample, new IncidentIndex(incidents)));
  const same = JSON.stringify([...slow]) === JSON.stringify([...fast]);
  const [, indexedAllMs] = time(() => strikeCandidates(reports, new IncidentIndex(incidents)));
  const naiveAllMs = (naiveMs / sample.length) * reports.length;
  // The grid only helps reports with a point; those without one are matched by date window and place names.
  const locatedSample = sample.filter((r) => r.lat !== null);
  const [, naiveLocatedMs] = time(() => naiveCandidates(locatedSample, incidents));
  const [, indexedLocatedMs] = time(() => strikeCandidates(locatedSample, new IncidentIndex(incidents)));
  console.log(`All pairs on ${sample.length} reports: ${ms(naiveMs)}; the index on the same sample: ${ms(indexedSampleMs)} (${(naiveMs / indexedSampleMs).toFixed(1)}× faster; same candidates: ${same ? 'yes' : 'NO'}).`);
  console.log(`  of the sample, ${locatedSample.length} located reports: all pairs ${ms(naiveLocatedMs)}, date window + grid ${ms(indexedLocatedMs)} (${(naiveLocatedMs / indexedLocatedMs).toFixed(1)}× faster).`);
  console.log(`All pairs extrapolated to ${reports.length} reports: ${ms(naiveAllMs)}; the index on all of them, measured: ${ms(indexedAllMs)} → ${(naiveAllMs / indexedAllMs).toFixed(1)}× faster.`);
  console.log(`Target: every strike candidate of the archive (with duplicate pairs, measured elsewhere) under ${TARGET_SECONDS} s; strike candidates took ${ms(computeMs)} to compute, ${ms(persistMs)} with persisting.`);
  console.log('Machine shared with other jobs while measured: read the ratios, not the absolute times.');

  const results = join(root, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, 'crossref-strikes.json'),
    `${JSON.stringify({ at: new Date().toISOString(), reports: computed.reports, incidents: computed.incidents, candidates: computed.pairs.length, computeMs, persistMs, groundTruth: { n, top1, top3 }, naive: { sample: sample.length, ms: naiveMs, extrapolatedMs: naiveAllMs }, indexedAllMs, indexedSampleMs, sameCandidates: same }, null, 2)}\n`,
  );
  closeCaseFile(cf);
} finally {
  rmSync(work, { recursive: true, force: true });
}
