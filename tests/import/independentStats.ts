/**
 * Casualty figures computed straight from the archive's CSV files, without the importer or the
 * case file, under the same conventions: a blank count is 0; the headline is Confirmed plus
 * Fair; named victims are victims with a name in either script; an incident counts once; what
 * belligerents conceded is, per incident with a credible belligerent, the largest concession of
 * its credible belligerents. Archive rules: the second row of a code is left out with its rows
 * in other files (matched by sequence), and a grade listing several grades counts as the first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvObjects } from './helpers';

type Range = { min: number; max: number };
type Totals = { incidents: number; killed: Range; injured: Range; children: Range; women: Range; men: Range; namedVictims: number };
const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;

const zero = (): Totals => ({ incidents: 0, killed: { min: 0, max: 0 }, injured: { min: 0, max: 0 }, children: { min: 0, max: 0 }, women: { min: 0, max: 0 }, men: { min: 0, max: 0 }, namedVictims: 0 });
const n = (s: string | undefined) => (s === undefined || s === '' ? 0 : Number(s));

export function independentStats(dir: string) {
  const read = (f: string) => csvObjects(readFileSync(join(dir, f), 'utf8'));
  const incidents: Record<string, string>[] = [];
  const codes = new Set<string>();
  for (const r of read('incidents.csv')) {
    if (r.code === '' || codes.has(r.code!)) continue;
    codes.add(r.code!);
    incidents.push(r);
  }
  const bySeq = <T>(rows: Record<string, string>[], fn: (r: Record<string, string>) => T) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.sequence!, [...(m.get(r.sequence!) ?? []), fn(r)]);
    return m;
  };
  const named = bySeq(read('victims.csv'), (v): number => (v.name_local!.trim() !== '' || v.name_original!.trim() !== '' ? 1 : 0));
  const credible = bySeq(read('belligerent_assessments.csv').filter((b) => b.belligerent_assessment === 'credible'), (b) => b);

  return (prefix?: string) => {
    const grades = Object.fromEntries([...GRADES, 'ungraded'].map((g) => [g, zero()])) as Record<(typeof GRADES)[number] | 'ungraded', Totals>;
    const conceded = { incidents: 0, killed: { min: 0, max: 0 }, injured: { min: 0, max: 0 } };
    let total = 0;
    for (const r of incidents) {
      if (prefix && !r.code!.toLowerCase().startsWith(prefix.toLowerCase())) continue;
      total++;
      const first = r.civilian_harm_status_original!.split(',')[0]!.trim().toLowerCase();
      const t = grades[(GRADES as readonly string[]).includes(first) ? (first as (typeof GRADES)[number]) : 'ungraded'];
      t.incidents++;
      const add = (range: Range, col: string) => {
        range.min += n(r[`${col}_min`]);
        range.max += n(r[`${col}_max`]);
      };
      add(t.killed, 'civilians_killed');
      add(t.injured, 'civilians_injured');
      add(t.children, 'children_killed');
      add(t.women, 'women_killed');
      add(t.men, 'men_killed');
      t.namedVictims += (named.get(r.sequence!) ?? []).reduce((a, b) => a + b, 0);
      const bs = credible.get(r.sequence!) ?? [];
      if (bs.length > 0) {
        conceded.incidents++;
        conceded.killed.min += Math.max(...bs.map((b) => n(b.civilian_deaths_conceded_min)));
        conceded.killed.max += Math.max(...bs.map((b) => n(b.civilian_deaths_conceded_max)));
        conceded.injured.min += Math.max(...bs.map((b) => n(b.civilian_injuries_conceded_min)));
        conceded.injured.max += Math.max(...bs.map((b) => n(b.civilian_injuries_conceded_max)));
      }
    }
    const headline = zero();
    for (const g of ['confirmed', 'fair'] as const) {
      const t = grades[g];
      headline.incidents += t.incidents;
      headline.namedVictims += t.namedVictims;
      for (const k of ['killed', 'injured', 'children', 'women', 'men'] as const) {
        headline[k].min += t[k].min;
        headline[k].max += t[k].max;
      }
    }
    // Nothing in an imported archive is reconciled yet: every named record is one person.
    const records = Object.values(grades).reduce((a, t) => a + t.namedVictims, 0);
    return { incidents: total, grades, headline, conceded, namedPeople: { people: records, records, inSeveralIncidents: 0 } };
  };
}

/** The code prefixes present: each code's leading letters. */
export function codePrefixes(dir: string): string[] {
  const out = new Set<string>();
  for (const r of csvObjects(readFileSync(join(dir, 'incidents.csv'), 'utf8'))) {
    const p = /^[A-Za-z]+/.exec(r.code ?? '')?.[0];
    if (p) out.add(p);
  }
  return [...out].sort();
}
