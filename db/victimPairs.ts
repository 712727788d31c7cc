/**
 * Likely same persons: pairs of victim records (in two incidents, or twice in one) whose names
 * match across spellings and scripts (shared/nameMatch.ts), with compatible gender and age and
 * incident dates no more than WINDOW_DAYS apart. Each pair comes with its reasons.
 *
 * Blocking: each record is filed under every pair of its name tokens' skeletons; only records
 * sharing such a key, and within the date window of each other (a sorted sweep per key), are
 * compared. Pairs already in one reconciliation group, or dismissed as "not the same person",
 * are left out.
 */
import { compareNames, nameTokens, nameWords, blockingKeys, type NameComparison, type NameToken } from '../shared/nameMatch';
import { normalizeSearchText } from '../shared/textNormalize';
import type { VictimPair, VictimRef } from '../shared/contracts/reconcile';
import type { Row } from './audit';
import type { CaseFile } from './casefile';
import { memoUntilChange } from './crossrefCache';

/** Incidents further apart than this are not the same death (or injury) told twice. */
export const WINDOW_DAYS = 30;
/** Ages may differ by this much (estimates, and a birthday between two reports). */
export const AGE_TOLERANCE = 2;
const DAY = 86_400_000;

export interface Rec {
  ref: VictimRef;
  latin: NameToken[];
  local: NameToken[];
  start: number | null;
  end: number | null;
}

const VICTIM_SQL = `SELECT v.id, v.incident_id, i.code, i.date_start, i.date_end, coalesce(i.place_en, i.place_ar) AS place,
  v.name_latin, v.name_local, v.gender, v.age, v.age_group, v.harm, v.family_group, v.reconciliation_id
  FROM victims v JOIN incidents i ON i.id = v.incident_id`;

export { VICTIM_SQL };

export function rowToVictimRef(r: Row): VictimRef {
  const s = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return {
    id: String(r.id),
    incidentId: String(r.incident_id),
    incidentCode: String(r.code),
    incidentDate: s(r.date_start),
    place: s(r.place),
    nameLatin: s(r.name_latin),
    nameLocal: s(r.name_local),
    gender: s(r.gender),
    age: (r.age as number | null) ?? null,
    ageGroup: s(r.age_group),
    harm: s(r.harm),
    familyGroup: s(r.family_group),
    reconciliationId: s(r.reconciliation_id),
  };
}

const time = (d: string | null) => (d ? Date.parse(`${d.slice(0, 10)}T00:00:00Z`) : NaN);

function toRec(r: Row): Rec {
  const ref = rowToVictimRef(r);
  const start = time(ref.incidentDate);
  const end = time((r.date_end as string | null) ?? ref.incidentDate);
  return {
    ref,
    latin: nameTokens(ref.nameLatin),
    local: nameTokens(ref.nameLocal),
    start: Number.isNaN(start) ? null : start,
    end: Number.isNaN(end) ? (Number.isNaN(start) ? null : start) : end,
  };
}

/** Days between two incidents' date ranges (0 when they overlap); null when one is undated. */
export function daysApart(a: Pick<Rec, 'start' | 'end'>, b: Pick<Rec, 'start' | 'end'>): number | null {
  if (a.start === null || b.start === null) return null;
  const gap = Math.max(0, a.start - (b.end ?? b.start), b.start - (a.end ?? a.start));
  return Math.round(gap / DAY);
}

function groupOfAge(age: number): 'child' | 'adult' | 'elderly' {
  return age < 18 ? 'child' : age >= 60 ? 'elderly' : 'adult';
}

/** Whether two ages fit one person (null: nothing to compare), with the reason. */
export function ageCompatible(
  a: Pick<VictimRef, 'age' | 'ageGroup'>,
  b: Pick<VictimRef, 'age' | 'ageGroup'>,
): { ok: boolean; exact: boolean; reason: string | null } {
  if (a.age !== null && b.age !== null) {
    const d = Math.abs(a.age - b.age);
    if (d > AGE_TOLERANCE) return { ok: false, exact: false, reason: null };
    return { ok: true, exact: true, reason: d === 0 ? `Same age (${a.age})` : `Ages within ${AGE_TOLERANCE} years (${a.age} and ${b.age})` };
  }
  const known = (g: string | null) => (g && g !== 'unknown' ? g : null);
  const groupAt = (v: Pick<VictimRef, 'age' | 'ageGroup'>) => (v.age !== null ? null : known(v.ageGroup));
  const withAge = a.age !== null ? a : b.age !== null ? b : null;
  const other = withAge === a ? b : a;
  if (withAge && withAge.age !== null) {
    const g = groupAt(other);
    if (!g) return { ok: true, exact: false, reason: null };
    const fits = [withAge.age - AGE_TOLERANCE, withAge.age, withAge.age + AGE_TOLERANCE].some((x) => groupOfAge(x) === g);
    return fits ? { ok: true, exact: false, reason: `Age ${withAge.age} fits the age group ${g}` } : { ok: false, exact: false, reason: null };
  }
  const [ga, gb] = [known(a.ageGroup), known(b.ageGroup)];
  if (ga && gb) return ga === gb ? { ok: true, exact: false, reason: `Same age group (${ga})` } : { ok: false, exact: false, reason: null };
  return { ok: true, exact: false, reason: null };
}

const known = (g: string | null) => (g === 'male' || g === 'female' ? g : null);

function bestName(a: Rec, b: Rec): { cmp: NameComparison; how: string } | null {
  const options: [NameToken[], NameToken[], string][] = [
    [a.local, b.local, 'Arabic'],
    [a.latin, b.latin, 'Latin'],
    [a.latin, b.local, 'across scripts'],
    [a.local, b.latin, 'across scripts'],
  ];
  let best: { cmp: NameComparison; how: string } | null = null;
  for (const [x, y, how] of options) {
    const cmp = compareNames(x, y);
    if (cmp.matched >= 2 && cmp.firstMatches && (cmp.contained || cmp.score >= 0.7) && (!best || cmp.score > best.cmp.score)) best = { cmp, how };
  }
  return best;
}

function nameReason(a: VictimRef, b: VictimRef, best: { cmp: NameComparison; how: string }): string {
  const show = (v: VictimRef) => (best.how === 'Arabic' ? v.nameLocal : best.how === 'Latin' ? v.nameLatin : [v.nameLatin, v.nameLocal].filter(Boolean).join(' / '));
  const kinds = best.cmp.kinds;
  const sameWords = (x: string | null, y: string | null) => nameWords(x).sort().join(' ') === nameWords(y).sort().join(' ');
  const spelledAlike = best.how === 'Arabic' ? sameWords(a.nameLocal, b.nameLocal) : sameWords(a.nameLatin, b.nameLatin);
  const what =
    best.how === 'across scripts'
      ? 'Names match across Arabic and Latin script'
      : kinds.includes('spelling')
        ? `Names are similar: the same consonants, some vowels differ (${best.how})`
        : spelledAlike
          ? `Same name (${best.how})`
          : best.how === 'Arabic'
            ? 'Names match allowing for spelling variants (Arabic)'
            : 'Names match allowing for transliteration (Latin)';
  return `${what}: “${show(a)}” ≈ “${show(b)}”`;
}

/** Score and reasons for one pair; null when they cannot be one person. */
export function scorePair(a: Rec, b: Rec): VictimPair | null {
  const best = bestName(a, b);
  if (!best) return null;
  const [ga, gb] = [known(a.ref.gender), known(b.ref.gender)];
  if (ga && gb && ga !== gb) return null;
  const age = ageCompatible(a.ref, b.ref);
  if (!age.ok) return null;
  const days = daysApart(a, b);
  if (days !== null && days > WINDOW_DAYS) return null;
  const reasons = [nameReason(a.ref, b.ref, best)];
  if (ga && ga === gb) reasons.push(`Same gender (${ga})`);
  if (age.reason) reasons.push(age.reason);
  if (a.ref.incidentId === b.ref.incidentId) reasons.push(`Both recorded in ${a.ref.incidentCode}`);
  else if (days === null) reasons.push('An incident date is unknown');
  else reasons.push(days === 0 ? 'Incidents on the same date' : `Incidents ${days} ${days === 1 ? 'day' : 'days'} apart`);
  const fam = (v: VictimRef) => (v.familyGroup ? normalizeSearchText(v.familyGroup).trim() : null);
  const sameFamily = fam(a.ref) !== null && fam(a.ref) === fam(b.ref);
  if (sameFamily) reasons.push(`Same family group (${a.ref.familyGroup})`);
  const score =
    0.6 * best.cmp.score +
    0.15 * (age.exact ? 1 : age.reason ? 0.6 : 0.3) +
    0.15 * (days === null ? 0.3 : 1 - days / (WINDOW_DAYS + 1)) +
    0.1 * (ga && ga === gb ? 1 : 0.5) +
    (sameFamily ? 0.05 : 0);
  return { a: a.ref, b: b.ref, score: Math.min(1, Math.round(score * 1000) / 1000), reasons };
}

/** The named victim records of the case, tokenised once. */
export function loadVictimRecords(cf: CaseFile): Rec[] {
  return (cf.db.prepare(VICTIM_SQL).all() as Row[]).map(toRec).filter((r) => r.latin.length + r.local.length >= 2);
}

/**
 * Likely pairs among `recs`. `blocked` (the default) compares only records sharing a blocking
 * key within the date window; false compares all pairs (the baseline the benchmark measures).
 */
export function findPairs(recs: Rec[], opts: { dismissed?: ReadonlySet<string>; blocked?: boolean } = {}): VictimPair[] {
  const dismissed = opts.dismissed ?? new Set<string>();
  const seen = new Set<string>();
  const out: VictimPair[] = [];
  const consider = (i: number, j: number) => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const key = `${x}|${y}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [a, b] = [recs[x]!, recs[y]!];
    if (a.ref.reconciliationId && a.ref.reconciliationId === b.ref.reconciliationId) return;
    const [ia, ib] = [a.ref.id, b.ref.id].sort();
    if (dismissed.has(`${ia}|${ib}`)) return;
    const p = scorePair(a, b);
    if (p) out.push(p);
  };
  if (opts.blocked === false) {
    for (let i = 0; i < recs.length; i++) for (let j = i + 1; j < recs.length; j++) consider(i, j);
  } else {
    sweepBlocks(recs, consider);
  }
  return out.sort((p, q) => q.score - p.score || p.a.incidentCode.localeCompare(q.a.incidentCode));
}

function sweepBlocks(recs: Rec[], consider: (i: number, j: number) => void): void {
  const blocks = new Map<string, number[]>();
  recs.forEach((r, i) => {
    for (const k of new Set([...blockingKeys(r.latin), ...blockingKeys(r.local)])) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });
  const windowMs = WINDOW_DAYS * DAY;
  for (const list of blocks.values()) {
    if (list.length < 2) continue;
    const dated = list.filter((i) => recs[i]!.start !== null).sort((p, q) => recs[p]!.start! - recs[q]!.start!);
    const undated = list.filter((i) => recs[i]!.start === null);
    // Sweep in date order: each record against those that start within the window after it
    // (a long date range is allowed for through its end date).
    for (let x = 0; x < dated.length; x++) {
      const a = recs[dated[x]!]!;
      for (let y = x + 1; y < dated.length; y++) {
        const b = recs[dated[y]!]!;
        if (b.start! - Math.max(a.end ?? a.start!, a.start!) > windowMs) break;
        consider(dated[x]!, dated[y]!);
      }
    }
    for (const u of undated) for (const o of list) if (o !== u) consider(u, o);
  }
}

function compute(cf: CaseFile): VictimPair[] {
  const dismissed = new Set(
    (cf.db.prepare('SELECT victim_a, victim_b FROM victim_pair_dismissals').all() as { victim_a: string; victim_b: string }[]).map(
      (d) => `${d.victim_a}|${d.victim_b}`,
    ),
  );
  return findPairs(loadVictimRecords(cf), { dismissed });
}

/** Every likely same-person pair in the case, likeliest first (recomputed after any change). */
export function victimPairs(cf: CaseFile): VictimPair[] {
  return memoUntilChange(cf, 'victimPairs', () => compute(cf));
}
