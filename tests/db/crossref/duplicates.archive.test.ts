/**
 * Duplicate suggestions on the real Airwars Syria archive. Its incidents where a belligerent's
 * position is `duplicate` (the belligerent says the allegation repeats another one) are a small
 * real test: how many of them does the suggester pair with another incident? The archive names
 * the other allegation only by the belligerent's own allegation number ("a duplicate of
 * allegation 2620"), never by an Airwars code, so whether the partner is "the" one cannot be
 * checked from the data; the test reports what it finds. Also: on a real sample, blocking finds
 * exactly the pairs that scoring all pairs finds. Skipped, saying why, when the archive is absent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCaseFile, createCaseFile, type CaseFile } from '../../../db/casefile';
import { naivePairs, suggestPairs } from '../../../db/crossref/duplicatesBlock';
import { loadFeatures } from '../../../db/crossref/duplicatesFeatures';
import { computeDuplicates } from '../../../db/crossref/duplicatesStore';
import { call } from '../../../db/handlers';
import { importAirwars } from '../../../db/import/airwars/index';
import { ARCHIVE_DIR, hasArchive, NO_ARCHIVE } from '../../import/helpers';
import '../../helpers/caseFiles'; // a test key store, not the user's

if (!hasArchive) console.warn(`Skipping duplicate suggestions on the archive: ${NO_ARCHIVE}.`);

describe.skipIf(!hasArchive)('duplicate suggestions on the real archive', () => {
  let cf: CaseFile;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casefile-dupes-'));
    cf = createCaseFile(join(dir, 'archive.casefile'), { actor: 'tester' });
    importAirwars(cf, ARCHIVE_DIR);
  }, 300_000);
  afterAll(() => {
    if (cf) closeCaseFile(cf);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pairs most incidents a belligerent called a duplicate with another incident', { timeout: 300_000 }, () => {
    const run = computeDuplicates(cf);
    const flagged = cf.db
      .prepare(
        `SELECT DISTINCT i.id, i.code, coalesce(b.statement, '') || ' ' || coalesce(b.extra_json, '') || ' ' || coalesce(i.internal_notes, '') AS notes
         FROM incident_belligerents b JOIN incidents i ON i.id = b.incident_id WHERE b.position = 'duplicate' ORDER BY i.code`,
      )
      .all() as { id: string; code: string; notes: string }[];
    const lines: string[] = [];
    let paired = 0;
    let named = 0;
    for (const f of flagged) {
      const pairs = call(cf, 'duplicates:list', { incidentId: f.id, limit: 500 }).rows;
      const partners = pairs.map((p) => (p.a.id === f.id ? p.b : p.a));
      if (partners.length > 0) paired++;
      const namedPartner = partners.find((p) => new RegExp(`\\b${p.code}\\b`).test(f.notes));
      if (namedPartner) named++;
      const top = pairs[0];
      lines.push(
        `${f.code}: ${partners.length} suggestion(s)` +
          (top ? `, best ${partners[0]!.code} (${top.score}: ${top.reasons.map((r) => r.text).join('; ')})` : '') +
          (namedPartner ? `; names ${namedPartner.code} in its notes` : ''),
      );
    }
    console.log(
      `Archive: ${run.incidents} incidents, ${run.candidates} candidate pairs, ${run.pairs} suggested in ${Math.round(run.millis)} ms.\n` +
        `Belligerent position "duplicate": ${flagged.length} incidents, ${paired} paired with another incident, ${named} with a partner named in their notes.\n` +
        lines.join('\n'),
    );
    expect(flagged.length).toBe(6);
    expect(paired).toBeGreaterThanOrEqual(3);
  });

  it('finds on a real sample exactly the pairs that scoring every pair finds', { timeout: 300_000 }, () => {
    // The densest stretch: Raqqa, summer 2017, and whatever else those months hold.
    const all = loadFeatures(cf);
    const from = Date.UTC(2017, 5, 1) / 86_400_000;
    const sample = all.filter((f) => f.dayLo !== null && f.dayLo >= from).slice(0, 1500);
    const key = (p: { a: { id: string }; b: { id: string } }) => `${p.a.id}|${p.b.id}`;
    const blocked = suggestPairs(sample);
    const naive = naivePairs(sample);
    expect(naive.length).toBeGreaterThan(100);
    expect(new Set(blocked.pairs.map(key))).toEqual(new Set(naive.map(key)));
  });
});
