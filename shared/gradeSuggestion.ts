/**
 * The suggested grade: a pure function from the evidence logged in a case to one of Airwars'
 * grades (DESIGN.md), with the reasons a reviewer reads beside it. It only suggests; the
 * reviewer grades, and a grade that differs from the suggestion is flagged in its history.
 *
 * The rules, first match wins:
 *   1. admission      a belligerent's credible position or a concession of civilian harm → Confirmed
 *   2. combatants     evidence that those killed were combatants (combatants reported
 *                     killed and the civilian toll established as none)                  → Discounted
 *   3. competing      two or more belligerents, or a contested strike                     → Contested
 *   4. corroborated   two or more independent sources and a declared or likely strike
 *                     (or a declared strike report matched to the incident)               → Fair
 *   5. single source  one independent source, or a single-source claim                    → Weak
 *   otherwise         no suggestion: the evidence logged so far does not support one.
 * Accepted strike-report matches are always said, even where another rule decides.
 * Every rule that applies is reported, so the reviewer sees what else was weighed.
 */
import type { MaybeRange } from './casualty';
import { GRADE_LABELS, type BelligerentPosition, type Grade, type Involvement, type StrikeStatus } from './domain';

export interface BelligerentEvidence {
  name: string;
  involvement: Involvement;
  position: BelligerentPosition;
  concededKilled: MaybeRange;
  concededInjured: MaybeRange;
}

export interface GradeEvidence {
  belligerents: BelligerentEvidence[];
  /**
   * Sources that stand on their own: one per outlet (two articles of one outlet are one
   * source; on social media, one per account), sources that repeat another left out, and
   * belligerents' own statements left out (they count as positions, not as sources).
   */
  independentSources: number;
  /**
   * Sources logged for the incident (belligerents' statements left out), and those marked as
   * repeating another source, with the original each resolves to (chains followed): what the
   * explanation says was left out of the independent count. Absent in evidence recorded before.
   */
  sourcesLogged?: number;
  repeatedSources?: { source: string; original: string }[];
  strikeStatus: StrikeStatus | null;
  /** Belligerent strike reports matched to this incident and accepted by a reviewer. */
  acceptedStrikeMatches: number;
  /** Civilians reported killed (the incident's own range). */
  civiliansKilled: MaybeRange;
  /** Combatants reported killed in the same incident. */
  combatantsKilled: MaybeRange;
  /** Victims on record as killed, and how many of them have their civilian status contested. */
  victimsKilled: number;
  victimsContested: number;
}

export type SuggestionBasis = 'admission' | 'combatants' | 'competing_claims' | 'corroborated' | 'single_source' | 'insufficient';

export interface GradeSuggestion {
  grade: Grade | null;
  basis: SuggestionBasis;
  /** Why, in sentences a reviewer reads: the deciding reason first, then what else was weighed. */
  reasons: string[];
}

interface Finding {
  basis: Exclude<SuggestionBasis, 'insufficient'>;
  grade: Grade;
  /** What the evidence shows, as a sentence without its conclusion. */
  fact: string;
  /** A caution the reviewer should read when this rule decides. */
  caution?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function rangeText(r: MaybeRange): string {
  if (r.min === null && r.max === null) return 'unknown';
  if (r.min === r.max) return String(r.min);
  return `${r.min ?? '?'}–${r.max ?? '?'}`;
}

const conceded = (r: MaybeRange) => (r.min ?? 0) > 0 || (r.max ?? 0) > 0;

function admission(e: GradeEvidence): Finding | null {
  const admitting = e.belligerents.filter(
    (b) => b.position === 'credible' || (b.position !== 'duplicate' && (conceded(b.concededKilled) || conceded(b.concededInjured))),
  );
  if (admitting.length === 0) return null;
  const parts = admitting.map((b) => {
    const what = [
      b.position === 'credible' ? 'assessed the claim as credible' : 'conceded civilian harm',
      conceded(b.concededKilled) ? `conceded ${rangeText(b.concededKilled)} killed` : null,
      conceded(b.concededInjured) ? `${rangeText(b.concededInjured)} injured` : null,
    ].filter(Boolean);
    return `${b.name} ${what.join(', ')}`;
  });
  return { basis: 'admission', grade: 'confirmed', fact: `A belligerent accepted responsibility: ${parts.join('; ')}` };
}

/**
 * Evidence that those killed were combatants: combatants reported killed, and the civilian
 * toll established as none (0–0, not unknown). Victims whose civilian status is contested do
 * not suffice (civilian status is assumed unless there is evidence to the contrary, and the
 * contest may come only from the belligerent accused); Airwars' own records keep such
 * incidents Fair or Contested. They are noted for the reviewer instead (see `notes`).
 */
function combatants(e: GradeEvidence): Finding | null {
  const noCivilians = e.civiliansKilled.min === 0 && e.civiliansKilled.max === 0;
  if (!noCivilians || (e.combatantsKilled.min ?? 0) <= 0) return null;
  return {
    basis: 'combatants',
    grade: 'discounted',
    fact: `Evidence that those killed were combatants: ${rangeText(e.combatantsKilled)} combatants and no civilians are reported killed`,
    caution: 'Check that the finding that no civilians died does not rest only on the word of the belligerent accused.',
  };
}

/**
 * How the sources were counted, when fewer count than are logged: "3 sources logged, 2
 * independent: 1 repeats Halab Today."
 */
export function sourceCounting(e: GradeEvidence): string | null {
  const logged = e.sourcesLogged;
  if (logged === undefined || logged === e.independentSources) return null;
  const byOriginal = new Map<string, number>();
  for (const r of e.repeatedSources ?? []) byOriginal.set(r.original, (byOriginal.get(r.original) ?? 0) + 1);
  const repeats = [...byOriginal].map(([original, n]) => `${n} ${n === 1 ? 'repeats' : 'repeat'} ${original}`);
  const parts = [
    repeats.length ? repeats.join(', ') : null,
    logged - (e.repeatedSources?.length ?? 0) > e.independentSources ? 'several from one outlet or account count once' : null,
  ].filter(Boolean);
  return `${plural(logged, 'source')} logged, ${e.independentSources} independent${parts.length ? `: ${parts.join('; ')}` : ''}. A repeat (a repost or wire copy) counts only as the source it copies.`;
}

/** What the reviewer should know that no rule turns into a grade. */
function notes(e: GradeEvidence): string[] {
  const counting = sourceCounting(e);
  const out = counting ? [counting] : [];
  if (e.victimsContested === 0) return out;
  return [
    ...out,
    `The civilian status of ${e.victimsContested} of the ${plural(e.victimsKilled, 'victim')} recorded as killed is contested. That alone does not suggest Discounted: civilian status is assumed unless there is evidence to the contrary, and a claim made only by the belligerent accused does not settle it.`,
  ];
}

function competing(e: GradeEvidence): Finding | null {
  const names = [...new Set(e.belligerents.filter((b) => b.position !== 'duplicate').map((b) => b.name.trim()).filter(Boolean))];
  const many = names.length >= 2;
  const contestedStrike = e.strikeStatus === 'contested';
  if (!many && !contestedStrike) return null;
  const parts = [
    many ? `${names.length} belligerents are named (${names.join(', ')})` : null,
    contestedStrike ? 'the strike is recorded as contested' : null,
  ].filter(Boolean);
  return { basis: 'competing_claims', grade: 'contested', fact: `Competing claims of responsibility: ${parts.join(' and ')}` };
}

function strikeNear(e: GradeEvidence): string | null {
  if (e.strikeStatus === 'declared') return 'a declared strike';
  if (e.strikeStatus === 'likely') return 'a likely strike';
  if (e.acceptedStrikeMatches > 0) return `${plural(e.acceptedStrikeMatches, 'declared strike report')} matched to the incident`;
  return null;
}

function corroborated(e: GradeEvidence): Finding | null {
  const strike = strikeNear(e);
  if (e.independentSources < 2 || !strike) return null;
  return {
    basis: 'corroborated',
    grade: 'fair',
    fact: `${plural(e.independentSources, 'independent source')} report it, with ${strike} near the date and place`,
  };
}

function singleSource(e: GradeEvidence): Finding | null {
  if (e.independentSources === 1) {
    return { basis: 'single_source', grade: 'weak', fact: 'Only one independent source reports it' };
  }
  if (e.strikeStatus === 'single_source') {
    return { basis: 'single_source', grade: 'weak', fact: 'The strike is recorded as a single-source claim' };
  }
  return null;
}

/** What stops the evidence from reaching a suggestion, when no rule applies. */
function insufficient(e: GradeEvidence): string {
  if (e.independentSources === 0) {
    return 'No independent sources are logged yet, and no belligerent has accepted responsibility: there is nothing to suggest a grade from.';
  }
  return `${plural(e.independentSources, 'independent source')}, but no declared or likely strike near the date and place is recorded (Fair needs one): record the strike status or match a strike report.`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const RULES = [admission, combatants, competing, corroborated, singleSource];

export function suggestGrade(e: GradeEvidence): GradeSuggestion {
  const findings = RULES.map((rule) => rule(e)).filter((f): f is Finding => f !== null);
  const [first, ...rest] = findings;
  if (!first) return { grade: null, basis: 'insufficient', reasons: [insufficient(e), ...notes(e), ...matchedStrikes(e, null)] };
  return {
    grade: first.grade,
    basis: first.basis,
    reasons: [
      `${first.fact}, which suggests ${GRADE_LABELS[first.grade]}.`,
      ...(first.caution ? [first.caution] : []),
      ...rest.map((f) => `Also weighed: ${lowerFirst(f.fact)} (on its own, ${GRADE_LABELS[f.grade]}; outranked by the rule above).`),
      ...notes(e),
      ...matchedStrikes(e, first.basis),
    ],
  };
}

/**
 * Accepted strike-report matches, said even where they do not decide the grade: a belligerent
 * declared a strike near the date and place, and the reviewer should see that it was weighed.
 */
function matchedStrikes(e: GradeEvidence, basis: SuggestionBasis | null): string[] {
  if (e.acceptedStrikeMatches === 0) return [];
  const what = `${plural(e.acceptedStrikeMatches, 'declared strike report')} ${e.acceptedStrikeMatches === 1 ? 'is' : 'are'} matched to the incident: a belligerent declared a strike near the date and place`;
  if (basis === 'corroborated' && e.strikeStatus !== 'declared' && e.strikeStatus !== 'likely') return [];
  if (e.independentSources < 2) return [`${what}; with a second independent source, this would suggest ${GRADE_LABELS.fair}.`];
  return [`${what}.`];
}

/** True when a grade was given that the suggestion did not support (no suggestion: never flagged). */
export function differsFromSuggestion(grade: Grade, suggestion: Pick<GradeSuggestion, 'grade'>): boolean {
  return suggestion.grade !== null && suggestion.grade !== grade;
}
