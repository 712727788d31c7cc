/**
 * The evidence in the case file for one incident, as the grading rules read it
 * (shared/gradeSuggestion.ts): belligerents and their positions, independent sources, the
 * strike status, accepted strike-report matches, and what speaks to civilian status.
 */
import type { BelligerentPosition, Involvement, StrikeStatus } from '../shared/domain';
import { suggestGrade, type GradeEvidence, type GradeSuggestion } from '../shared/gradeSuggestion';
import type { CaseFile } from './casefile';
import { countIndependentSources } from './sourceIndependence';

interface IncidentFacts {
  strike_status: StrikeStatus | null;
  killed_min: number | null;
  killed_max: number | null;
  combatants_killed_min: number | null;
  combatants_killed_max: number | null;
}

interface BelligerentRow {
  belligerent: string;
  involvement: Involvement;
  position: BelligerentPosition;
  conceded_killed_min: number | null;
  conceded_killed_max: number | null;
  conceded_injured_min: number | null;
  conceded_injured_max: number | null;
}

/** Independent sources: one per outlet or account, repeats resolved to their originals (db/sourceIndependence.ts). */
export function gatherEvidence(cf: CaseFile, incidentId: string): GradeEvidence {
  const db = cf.db;
  const i = db
    .prepare('SELECT strike_status, killed_min, killed_max, combatants_killed_min, combatants_killed_max FROM incidents WHERE id = ?')
    .get(incidentId) as IncidentFacts | undefined;
  if (!i) throw new Error(`No incident ${incidentId}`);
  const belligerents = db
    .prepare('SELECT * FROM incident_belligerents WHERE incident_id = ? ORDER BY ord')
    .all(incidentId) as BelligerentRow[];
  const sources = countIndependentSources(cf, incidentId);
  const matches = db
    .prepare("SELECT count(*) AS n FROM strike_matches WHERE incident_id = ? AND decision = 'accepted'")
    .get(incidentId) as { n: number };
  const victims = db
    .prepare(
      `SELECT count(*) AS killed, coalesce(sum(civilian_status_contested), 0) AS contested
       FROM victims WHERE incident_id = ? AND harm = 'killed'`,
    )
    .get(incidentId) as { killed: number; contested: number };
  return {
    belligerents: belligerents.map((b) => ({
      name: b.belligerent,
      involvement: b.involvement,
      position: b.position,
      concededKilled: { min: b.conceded_killed_min, max: b.conceded_killed_max },
      concededInjured: { min: b.conceded_injured_min, max: b.conceded_injured_max },
    })),
    independentSources: sources.independent,
    sourcesLogged: sources.logged,
    repeatedSources: sources.repeats,
    strikeStatus: i.strike_status,
    acceptedStrikeMatches: matches.n,
    civiliansKilled: { min: i.killed_min, max: i.killed_max },
    combatantsKilled: { min: i.combatants_killed_min, max: i.combatants_killed_max },
    victimsKilled: victims.killed,
    victimsContested: victims.contested,
  };
}

export function suggestionFor(cf: CaseFile, incidentId: string): { evidence: GradeEvidence; suggestion: GradeSuggestion } {
  const evidence = gatherEvidence(cf, incidentId);
  return { evidence, suggestion: suggestGrade(evidence) };
}
