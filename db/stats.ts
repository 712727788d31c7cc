/**
 * Casualty statistics under the conventions of DESIGN.md: per grade, the sum of minimums to
 * the sum of maximums (unknown sums as 0); the headline is Confirmed plus Fair; an incident
 * counts once however many belligerents it has. What belligerents conceded is a separate
 * figure: over incidents where at least one belligerent's position is "credible", the largest
 * concession any credible belligerent made for that incident (so a joint admission is not
 * counted twice).
 */
import type { ChannelParsedInput } from '../shared/contract';
import { GRADES, HEADLINE_GRADES, type Grade } from '../shared/domain';
import type { GradeTotals, Stats } from '../shared/schemas';
import type { CaseFile } from './casefile';
import { filterSql } from './filters';
import { resolveFilter } from './me';
import { namedPeople, reconciledExtras } from './namedPeople';

interface GradeRow {
  grade: Grade | null;
  incidents: number;
  killed_min: number;
  killed_max: number;
  injured_min: number;
  injured_max: number;
  children_min: number;
  children_max: number;
  women_min: number;
  women_max: number;
  men_min: number;
  men_max: number;
  named: number;
}

export function emptyTotals(): GradeTotals {
  const r = () => ({ min: 0, max: 0 });
  return { incidents: 0, killed: r(), injured: r(), children: r(), women: r(), men: r(), namedVictims: 0 };
}

export function addTotals(a: GradeTotals, b: GradeTotals): GradeTotals {
  const add = (x: { min: number; max: number }, y: { min: number; max: number }) => ({
    min: x.min + y.min,
    max: x.max + y.max,
  });
  return {
    incidents: a.incidents + b.incidents,
    killed: add(a.killed, b.killed),
    injured: add(a.injured, b.injured),
    children: add(a.children, b.children),
    women: add(a.women, b.women),
    men: add(a.men, b.men),
    namedVictims: a.namedVictims + b.namedVictims,
  };
}

const s = (col: string) => `coalesce(sum(i.${col}), 0)`;

/** Named records over every grade: each grade's people plus the extra records of its reconciled people. */
function namedRecords(grades: Stats['grades'], extras: Map<string, number>): number {
  return Object.values(grades).reduce((n, t) => n + t.namedVictims, 0) + [...extras.values()].reduce((n, x) => n + x, 0);
}

export function computeStats(cf: CaseFile, input: ChannelParsedInput<'stats:get'>): Stats {
  const { where, params } = filterSql(resolveFilter(cf, input.filter));
  const filter = { where, params };
  const rows = cf.db
    .prepare(
      `SELECT i.grade AS grade, count(*) AS incidents,
         ${s('killed_min')} AS killed_min, ${s('killed_max')} AS killed_max,
         ${s('injured_min')} AS injured_min, ${s('injured_max')} AS injured_max,
         ${s('children_killed_min')} AS children_min, ${s('children_killed_max')} AS children_max,
         ${s('women_killed_min')} AS women_min, ${s('women_killed_max')} AS women_max,
         ${s('men_killed_min')} AS men_min, ${s('men_killed_max')} AS men_max,
         coalesce(sum((SELECT count(*) FROM victims v WHERE v.incident_id = i.id
             AND (trim(coalesce(v.name_latin, '')) <> '' OR trim(coalesce(v.name_local, '')) <> ''))), 0) AS named
       FROM incidents i ${where}
       GROUP BY i.grade`,
    )
    .all(params) as GradeRow[];

  // Named rows per grade, less the records that are one more sighting of a person already counted.
  const extras = reconciledExtras(cf, filter);
  const grades = Object.fromEntries([...GRADES, 'ungraded'].map((g) => [g, emptyTotals()])) as Stats['grades'];
  let incidents = 0;
  for (const r of rows) {
    const t: GradeTotals = {
      incidents: r.incidents,
      killed: { min: r.killed_min, max: r.killed_max },
      injured: { min: r.injured_min, max: r.injured_max },
      children: { min: r.children_min, max: r.children_max },
      women: { min: r.women_min, max: r.women_max },
      men: { min: r.men_min, max: r.men_max },
      namedVictims: r.named - (extras.get(r.grade ?? 'ungraded') ?? 0),
    };
    grades[r.grade ?? 'ungraded'] = t;
    incidents += r.incidents;
  }
  const headline = HEADLINE_GRADES.reduce((acc, g) => addTotals(acc, grades[g]), emptyTotals());
  // A person named in a Confirmed and in a Fair incident is one named victim of the headline.
  headline.namedVictims -= namedPeople(cf, filter, HEADLINE_GRADES, 0).acrossGrades;
  const everyone = namedPeople(cf, filter, null, namedRecords(grades, extras));

  const conceded = cf.db
    .prepare(
      `SELECT count(*) AS incidents,
         coalesce(sum(km), 0) AS killed_min, coalesce(sum(kx), 0) AS killed_max,
         coalesce(sum(im), 0) AS injured_min, coalesce(sum(ix), 0) AS injured_max
       FROM (
         SELECT max(coalesce(b.conceded_killed_min, 0)) AS km, max(coalesce(b.conceded_killed_max, 0)) AS kx,
                max(coalesce(b.conceded_injured_min, 0)) AS im, max(coalesce(b.conceded_injured_max, 0)) AS ix
         FROM incidents i JOIN incident_belligerents b ON b.incident_id = i.id AND b.position = 'credible'
         ${where}
         GROUP BY i.id
       )`,
    )
    .get(params) as { incidents: number; killed_min: number; killed_max: number; injured_min: number; injured_max: number };

  return {
    incidents,
    grades,
    headline,
    conceded: {
      incidents: conceded.incidents,
      killed: { min: conceded.killed_min, max: conceded.killed_max },
      injured: { min: conceded.injured_min, max: conceded.injured_max },
    },
    namedPeople: { people: everyone.people, records: everyone.records, inSeveralIncidents: everyone.inSeveralIncidents },
  };
}
