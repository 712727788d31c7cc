/**
 * The grading rules against the real Airwars Syria archive: each incident's evidence is read
 * straight from the CSVs (belligerents and their assessments, Airwars' source count, strike
 * status, casualty ranges, victims), the suggestion computed, and compared with the grade
 * Airwars published. Skipped, saying why, when ../shared/data/airwars-syria is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../db/import/csv';
import type { BelligerentPosition, StrikeStatus } from '../../shared/domain';
import { suggestGrade, type GradeEvidence, type GradeSuggestion, type SuggestionBasis } from '../../shared/gradeSuggestion';
import { ARCHIVE_DIR, hasArchive } from '../helpers/archive';

if (!hasArchive) console.warn(`Skipping the archive patterns: no Airwars archive at ${ARCHIVE_DIR}.`);

type Rec = Record<string, string>;

function table(file: string): Rec[] {
  const t = readCsvTable(readFileSync(join(ARCHIVE_DIR, file), 'utf8'));
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.fields[i] ?? ''])));
}

const int = (s: string | undefined): number | null => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const range = (r: Rec, prefix: string) => ({ min: int(r[`${prefix}_min`]), max: int(r[`${prefix}_max`]) });

const STRIKE: Record<string, StrikeStatus> = {
  'Declared strike': 'declared',
  'Likely strike': 'likely',
  'Contested strike': 'contested',
  'Single source claim': 'single_source',
};
const POSITION: Record<string, BelligerentPosition> = {
  credible: 'credible',
  non_credible: 'non_credible',
  not_yet_assessed: 'not_yet_assessed',
  open_incident: 'open',
  duplicate: 'duplicate',
};

interface Case {
  code: string;
  grade: string;
  evidence: GradeEvidence;
  suggestion: GradeSuggestion;
}

function loadCases(): Case[] {
  const byCode = <T,>(rows: Rec[], f: (r: Rec) => T) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.code!, [...(m.get(r.code!) ?? []), f(r)]);
    return m;
  };
  const belligerents = byCode(table('belligerent_assessments.csv'), (b) => ({
    name: b.belligerent!,
    involvement: b.belligerent_type === 'known' ? ('known' as const) : ('suspected' as const),
    position: POSITION[b.belligerent_assessment!] ?? 'not_yet_assessed',
    concededKilled: range(b, 'civilian_deaths_conceded'),
    concededInjured: range(b, 'civilian_injuries_conceded'),
  }));
  const victims = byCode(
    table('victims.csv').filter((v) => v.status_original === 'killed'),
    (v) => v.civilian_status_contested_original === 'True',
  );
  return table('incidents.csv').map((r) => {
    const killed = victims.get(r.code!) ?? [];
    const evidence: GradeEvidence = {
      belligerents: belligerents.get(r.code!) ?? [],
      independentSources: int(r.source_count) ?? 0,
      strikeStatus: STRIKE[r.strike_status_original!] ?? null,
      acceptedStrikeMatches: 0,
      civiliansKilled: range(r, 'civilians_killed'),
      combatantsKilled: range(r, 'belligerents_killed'),
      victimsKilled: killed.length,
      victimsContested: killed.filter(Boolean).length,
    };
    return { code: r.code!, grade: r.civilian_harm_status_original!, evidence, suggestion: suggestGrade(evidence) };
  });
}

const LABEL = { confirmed: 'Confirmed', fair: 'Fair', weak: 'Weak', contested: 'Contested', discounted: 'Discounted' } as const;

describe.skipIf(!hasArchive)('grading rules on the real archive', () => {
  const cases = hasArchive ? loadCases() : [];
  const find = (code: string) => {
    const c = cases.find((x) => x.code === code);
    if (!c) throw new Error(`${code} is not in the archive`);
    return c;
  };
  /** Of the incidents a rule decided, the share Airwars graded the same. */
  const agreement = (basis: SuggestionBasis) => {
    const decided = cases.filter((c) => c.suggestion.basis === basis);
    const same = decided.filter((c) => c.suggestion.grade && LABEL[c.suggestion.grade] === c.grade);
    return { n: decided.length, share: same.length / decided.length };
  };

  it('reads the whole archive', () => {
    expect(cases.length).toBe(8114);
  });

  it('a belligerent assessment of credible suggests Confirmed, as Airwars graded (CS1317a, CS1901a, CS1896)', () => {
    for (const code of ['CS1317a', 'CS1901a', 'CS1896']) {
      const c = find(code);
      expect(c.grade, code).toBe('Confirmed');
      expect(c.suggestion, code).toMatchObject({ grade: 'confirmed', basis: 'admission' });
      expect(c.suggestion.reasons[0]).toMatch(/coalition assessed the claim as credible/);
    }
    // Every credible assessment in the archive suggests Confirmed, and Airwars agrees for nearly all.
    const credible = cases.filter((c) => c.evidence.belligerents.some((b) => b.position === 'credible'));
    expect(credible.length).toBeGreaterThan(150);
    expect(credible.every((c) => c.suggestion.grade === 'confirmed')).toBe(true);
    const a = agreement('admission');
    expect(a.share, `${a.n} admissions`).toBeGreaterThanOrEqual(0.95);
  });

  it('a single source suggests Weak, as Airwars graded (TS626, TS500, TS479)', () => {
    for (const code of ['TS626', 'TS500', 'TS479']) {
      const c = find(code);
      expect(c.grade, code).toBe('Weak');
      expect(c.suggestion.grade, code).toBe('weak');
    }
    const a = agreement('single_source');
    expect(a.n).toBeGreaterThan(150);
    expect(a.share, `${a.n} single-source incidents`).toBeGreaterThanOrEqual(0.85);
  });

  it('several belligerents suggest Contested, as Airwars graded (CS1976, YS121, RS4688)', () => {
    for (const code of ['CS1976', 'YS121', 'RS4688']) {
      const c = find(code);
      expect(c.grade, code).toBe('Contested');
      expect(c.suggestion).toMatchObject({ grade: 'contested', basis: 'competing_claims' });
    }
    const a = agreement('competing_claims');
    expect(a.n).toBeGreaterThan(3000);
    expect(a.share, `${a.n} competing claims`).toBeGreaterThanOrEqual(0.9);
  });

  it('two or more sources with a likely strike suggest Fair, as Airwars graded (CS2021, CS2020, CS2018)', () => {
    for (const code of ['CS2021', 'CS2020', 'CS2018']) {
      const c = find(code);
      expect(c.grade, code).toBe('Fair');
      expect(c.suggestion).toMatchObject({ grade: 'fair', basis: 'corroborated' });
    }
    const a = agreement('corroborated');
    expect(a.n).toBeGreaterThan(900);
    expect(a.share, `${a.n} corroborated incidents`).toBeGreaterThanOrEqual(0.9);
  });

  it('victims whose civilian status is contested never suggest Discounted on their own, as in the archive', () => {
    const contested = cases.filter((c) => c.evidence.victimsKilled > 0 && c.evidence.victimsContested === c.evidence.victimsKilled);
    expect(contested.length).toBeGreaterThan(5);
    // Airwars graded these Fair or Contested: a contest is noted for the reviewer, not decisive.
    expect(contested.every((c) => c.grade === 'Fair' || c.grade === 'Contested')).toBe(true);
    expect(contested.some((c) => c.suggestion.grade === 'discounted')).toBe(false);
    expect(contested.every((c) => c.suggestion.reasons.some((r) => /civilian status of \d+ of the/.test(r)))).toBe(true);
  });
});
