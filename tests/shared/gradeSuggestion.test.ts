/** The grading suggestion, rule by rule: what each kind of evidence suggests, and what outranks what. */
import { describe, expect, it } from 'vitest';
import { differsFromSuggestion, suggestGrade, type BelligerentEvidence, type GradeEvidence } from '../../shared/gradeSuggestion';

const UNKNOWN = { min: null, max: null };

function bel(name: string, patch: Partial<BelligerentEvidence> = {}): BelligerentEvidence {
  return { name, involvement: 'suspected', position: 'not_yet_assessed', concededKilled: UNKNOWN, concededInjured: UNKNOWN, ...patch };
}

function evidence(patch: Partial<GradeEvidence> = {}): GradeEvidence {
  return {
    belligerents: [bel('U.S.-led Coalition')],
    independentSources: 0,
    strikeStatus: null,
    acceptedStrikeMatches: 0,
    civiliansKilled: { min: 3, max: 5 },
    combatantsKilled: UNKNOWN,
    victimsKilled: 0,
    victimsContested: 0,
    ...patch,
  };
}

describe('suggested grade', () => {
  it('Confirmed when a belligerent assessed the claim as credible, naming it and what it conceded', () => {
    const s = suggestGrade(evidence({ belligerents: [bel('United States', { position: 'credible', concededKilled: { min: 2, max: 2 }, concededInjured: { min: 2, max: 2 } })] }));
    expect(s).toMatchObject({ grade: 'confirmed', basis: 'admission' });
    expect(s.reasons[0]).toBe('A belligerent accepted responsibility: United States assessed the claim as credible, conceded 2 killed, 2 injured, which suggests Confirmed.');
  });

  it('Confirmed when a belligerent conceded deaths even before its position is recorded', () => {
    const s = suggestGrade(evidence({ belligerents: [bel('UK', { position: 'not_yet_assessed', concededKilled: { min: 1, max: 1 } })] }));
    expect(s.grade).toBe('confirmed');
    expect(s.reasons[0]).toContain('UK conceded civilian harm, conceded 1 killed');
  });

  it('not Confirmed for a non-credible or duplicate assessment', () => {
    expect(suggestGrade(evidence({ belligerents: [bel('Russian Military', { position: 'non_credible' })], independentSources: 1 })).grade).toBe('weak');
    expect(suggestGrade(evidence({ belligerents: [bel('Coalition', { position: 'duplicate', concededKilled: { min: 4, max: 4 } })] })).grade).toBeNull();
  });

  it('Fair for two independent sources with a likely or declared strike, or a matched strike report', () => {
    expect(suggestGrade(evidence({ independentSources: 2, strikeStatus: 'likely' }))).toMatchObject({ grade: 'fair', basis: 'corroborated' });
    expect(suggestGrade(evidence({ independentSources: 3, strikeStatus: 'declared' })).reasons[0]).toBe(
      '3 independent sources report it, with a declared strike near the date and place, which suggests Fair.',
    );
    const matched = suggestGrade(evidence({ independentSources: 2, acceptedStrikeMatches: 1 }));
    expect(matched.grade).toBe('fair');
    expect(matched.reasons[0]).toContain('1 declared strike report matched to the incident');
  });

  it('no suggestion for two sources without a declared or likely strike, and it says what is missing', () => {
    const s = suggestGrade(evidence({ independentSources: 2, strikeStatus: null }));
    expect(s).toMatchObject({ grade: null, basis: 'insufficient' });
    expect(s.reasons[0]).toMatch(/2 independent sources, but no declared or likely strike.*Fair needs one/);
  });

  it('Weak for a single source, or a strike recorded as a single-source claim', () => {
    expect(suggestGrade(evidence({ independentSources: 1, strikeStatus: 'likely' }))).toMatchObject({ grade: 'weak', basis: 'single_source' });
    expect(suggestGrade(evidence({ independentSources: 4, strikeStatus: 'single_source' })).grade).toBe('weak');
    expect(suggestGrade(evidence({ independentSources: 1 })).reasons[0]).toBe('Only one independent source reports it, which suggests Weak.');
  });

  it('Contested for competing belligerents or a contested strike, over Fair and Weak', () => {
    const two = suggestGrade(evidence({ belligerents: [bel('Russian Military'), bel('Syrian regime')], independentSources: 5, strikeStatus: 'likely' }));
    expect(two).toMatchObject({ grade: 'contested', basis: 'competing_claims' });
    expect(two.reasons[0]).toContain('2 belligerents are named (Russian Military, Syrian regime)');
    expect(two.reasons.some((r) => r.startsWith('Also weighed: 5 independent sources report it') && r.includes('on its own, Fair'))).toBe(true);
    expect(suggestGrade(evidence({ strikeStatus: 'contested', independentSources: 1 })).grade).toBe('contested');
  });

  it('the same belligerent named twice, or a duplicate row, is not a competing claim', () => {
    expect(suggestGrade(evidence({ belligerents: [bel('Coalition'), bel('Coalition ')], independentSources: 1 })).grade).toBe('weak');
    expect(suggestGrade(evidence({ belligerents: [bel('Coalition'), bel('Russia', { position: 'duplicate' })], independentSources: 1 })).grade).toBe('weak');
  });

  it('Discounted when combatants and no civilians were reported killed, with a caution about who says so', () => {
    const s = suggestGrade(evidence({ combatantsKilled: { min: 4, max: 6 }, civiliansKilled: { min: 0, max: 0 }, independentSources: 2, strikeStatus: 'likely' }));
    expect(s).toMatchObject({ grade: 'discounted', basis: 'combatants' });
    expect(s.reasons[0]).toBe('Evidence that those killed were combatants: 4–6 combatants and no civilians are reported killed, which suggests Discounted.');
    expect(s.reasons[1]).toMatch(/does not rest only on the word of the belligerent accused/);
  });

  it('not Discounted when civilians died too, when the civilian toll is unknown, or when victims are only contested', () => {
    expect(suggestGrade(evidence({ combatantsKilled: { min: 4, max: 6 }, civiliansKilled: { min: 1, max: 2 }, independentSources: 1 })).grade).toBe('weak');
    expect(suggestGrade(evidence({ combatantsKilled: { min: 4, max: 6 }, civiliansKilled: { min: null, max: null }, independentSources: 1 })).grade).toBe('weak');
    // Civilian status is assumed unless there is evidence to the contrary: a contest is noted, not decisive.
    const contested = suggestGrade(evidence({ victimsKilled: 3, victimsContested: 3, independentSources: 2, strikeStatus: 'likely' }));
    expect(contested.grade).toBe('fair');
    expect(contested.reasons[contested.reasons.length - 1]).toMatch(/^The civilian status of 3 of the 3 victims recorded as killed is contested\. That alone does not suggest Discounted/);
  });

  it('an admission outranks everything else, which is still reported', () => {
    const s = suggestGrade(
      evidence({
        belligerents: [bel('Coalition', { position: 'credible' }), bel('Iraqi forces')],
        independentSources: 3,
        strikeStatus: 'declared',
        civiliansKilled: { min: 0, max: 0 },
        combatantsKilled: { min: 2, max: 2 },
      }),
    );
    expect(s.grade).toBe('confirmed');
    expect(s.reasons.filter((r) => r.startsWith('Also weighed'))).toHaveLength(3); // combatants, competing claims, corroborated
  });

  it('no sources and no admission: no suggestion, said plainly', () => {
    const s = suggestGrade(evidence());
    expect(s.grade).toBeNull();
    expect(s.reasons).toEqual([expect.stringMatching(/^No independent sources are logged yet/)]);
  });

  it('flags a grade that differs from the suggestion, never when there was none', () => {
    expect(differsFromSuggestion('fair', { grade: 'weak' })).toBe(true);
    expect(differsFromSuggestion('weak', { grade: 'weak' })).toBe(false);
    expect(differsFromSuggestion('confirmed', { grade: null })).toBe(false);
  });
});
