/**
 * The strike matcher on real ground truth, as a regression floor (the full measurement through
 * an imported case file is bench/crossref-strikes.bench.ts). Read straight from the archive's
 * CSVs, so that the test needs no minute-long import: every incident becomes a matcher point;
 * a sample of the belligerent assessments that carry an MGRS grid become strike reports with no
 * link to their incident and their incident's date; the original incident should rank first or
 * among the first three. Skipped, saying why, without the archive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strikePoint } from '../../db/crossref/strikeMatchData';
import { BELLIGERENT_NAMES, GEO_WORDS } from '../../db/import/airwars/vocab';
import { strikeCandidates } from '../../shared/strikeCandidates';
import type { IncidentPoint } from '../../shared/strikeScore';
import { ARCHIVE_DIR, NO_ARCHIVE, csvObjects, hasArchive } from '../import/helpers';

if (!hasArchive) console.warn(NO_ARCHIVE);

const read = (file: string) => csvObjects(readFileSync(join(ARCHIVE_DIR, file), 'utf8'));
const num = (s: string | undefined) => (s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

describe.skipIf(!hasArchive)('strike matcher on the Airwars archive (sample)', () => {
  it('ranks the original incident in the top 3 for at least 88% of detached MGRS-located reports', () => {
    const assessments = read('belligerent_assessments.csv');
    const belligerents = new Map<string, string[]>();
    for (const a of assessments) {
      const name = BELLIGERENT_NAMES[a.belligerent!] ?? a.belligerent!;
      belligerents.set(a.code!, [...(belligerents.get(a.code!) ?? []), name]);
    }
    const incidents = new Map<string, IncidentPoint>();
    for (const r of read('incidents.csv')) {
      if (incidents.has(r.code!) || !r.incident_date) continue;
      incidents.set(r.code!, {
        id: r.code!,
        dateStart: r.incident_date!,
        dateEnd: r.incident_date_end || null,
        lat: num(r.latitude),
        lon: num(r.longitude),
        precision: GEO_WORDS[r.geolocation_accuracy!] ?? null,
        belligerents: belligerents.get(r.code!) ?? [],
        placeNames: [r.location_en, r.location_ar].filter((n): n is string => !!n),
      });
    }
    const located = assessments.filter((a) => a.belligerent_mgrs_coordinate && incidents.has(a.code!));
    const sample = located.filter((_, k) => k % 3 === 0);
    expect(sample.length).toBeGreaterThan(300);
    const reports = sample.map((a, k) =>
      strikePoint(
        { id: `r${k}`, belligerent: BELLIGERENT_NAMES[a.belligerent!] ?? a.belligerent!, report_date: null, place_text: a.belligerent_location_description || null, mgrs: a.belligerent_mgrs_coordinate!, latitude: null, longitude: null },
        incidents.get(a.code!)!.dateStart,
      ),
    );
    const found = strikeCandidates(reports, incidents.values(), 10);
    let top1 = 0;
    let top3 = 0;
    sample.forEach((a, k) => {
      const at = (found.get(`r${k}`) ?? []).findIndex((c) => c.incidentId === a.code);
      if (at === 0) top1++;
      if (at >= 0 && at < 3) top3++;
    });
    expect(top3 / sample.length).toBeGreaterThanOrEqual(0.88);
    expect(top1 / sample.length).toBeGreaterThanOrEqual(0.75);
  });
});
