/**
 * Casualty arithmetic (DESIGN.md, "Casualty conventions").
 * Every count is a range; unknown is null and sums as 0.
 */

export interface Range {
  min: number;
  max: number;
}

/** A stored range: either bound may be unknown (null). */
export interface MaybeRange {
  min: number | null;
  max: number | null;
}

/** The casualty categories an incident records, each a range. */
export const CASUALTY_FIELDS = [
  'killed',
  'injured',
  'childrenKilled',
  'childrenInjured',
  'womenKilled',
  'womenInjured',
  'menKilled',
  'menInjured',
] as const;
export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

export const CASUALTY_LABELS: Record<CasualtyField, string> = {
  killed: 'Civilians killed',
  injured: 'Civilians injured',
  childrenKilled: 'Children killed',
  childrenInjured: 'Children injured',
  womenKilled: 'Women killed',
  womenInjured: 'Women injured',
  menKilled: 'Men killed',
  menInjured: 'Men injured',
};

/** Which total each category falls under, for the "category minimum within total maximum" rule. */
export const CATEGORY_TOTAL: Partial<Record<CasualtyField, 'killed' | 'injured'>> = {
  childrenKilled: 'killed',
  womenKilled: 'killed',
  menKilled: 'killed',
  childrenInjured: 'injured',
  womenInjured: 'injured',
  menInjured: 'injured',
};

export type Casualties = Record<CasualtyField, MaybeRange>;

export function emptyRange(): Range {
  return { min: 0, max: 0 };
}

export function addRange(total: Range, r: MaybeRange): Range {
  return { min: total.min + (r.min ?? 0), max: total.max + (r.max ?? 0) };
}

export function isUnknown(r: MaybeRange): boolean {
  return r.min === null && r.max === null;
}

export function formatRange(r: MaybeRange): string {
  if (r.min === null && r.max === null) return 'unknown';
  if (r.min === r.max) return String(r.min);
  return `${r.min ?? '?'}–${r.max ?? '?'}`;
}

export interface CasualtyProblem {
  field: CasualtyField;
  bound: 'min' | 'max';
  message: string;
}

/**
 * The rules an entered range obeys: non-negative whole numbers, min ≤ max, and a category's
 * minimum within its total's maximum. Imported history may break them; this names each break.
 */
export function casualtyProblems(c: Partial<Casualties>): CasualtyProblem[] {
  const problems: CasualtyProblem[] = [];
  for (const field of CASUALTY_FIELDS) {
    const r = c[field];
    if (!r) continue;
    for (const bound of ['min', 'max'] as const) {
      const v = r[bound];
      if (v !== null && (!Number.isInteger(v) || v < 0)) {
        problems.push({ field, bound, message: `${CASUALTY_LABELS[field]} ${bound} must be a whole number of 0 or more` });
      }
    }
    if (r.min !== null && r.max !== null && r.min > r.max) {
      problems.push({
        field,
        bound: 'max',
        message: `${CASUALTY_LABELS[field]}: maximum (${r.max}) is below minimum (${r.min})`,
      });
    }
    const totalField = CATEGORY_TOTAL[field];
    const total = totalField ? c[totalField] : undefined;
    if (totalField && total && total.max !== null && r.min !== null && r.min > total.max) {
      problems.push({
        field,
        bound: 'min',
        message: `${CASUALTY_LABELS[field]}: minimum (${r.min}) exceeds ${CASUALTY_LABELS[totalField].toLowerCase()} maximum (${total.max})`,
      });
    }
  }
  return problems;
}

/** A victim counts as named when it has a name in any script. */
export function isNamedVictim(v: { nameLatin: string | null; nameLocal: string | null }): boolean {
  return Boolean(v.nameLatin?.trim() || v.nameLocal?.trim());
}
