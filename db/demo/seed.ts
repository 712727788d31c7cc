/** Fill a case file with the bundled demo case, through the audited change path. */
import { createHash, randomUUID } from 'node:crypto';
import { incidentInputSchema } from '../../shared/schemas';
import { change, type Writer } from '../audit';
import { createCaseFile, type CaseFile, type OpenOptions } from '../casefile';
import { createIncident } from '../incidents';
import { demoPersonKeys, rememberDemoProfile, restoreProfile } from '../profiles';
import { DEMO_CASE } from './demoCase';
import type { DemoSource } from './types';

const DEMO_PEOPLE = [
  { name: 'Demo investigator', role: 'investigator' },
  { name: 'Demo reviewer', role: 'reviewer' },
  { name: 'Demo editor', role: 'editor' },
] as const;

export function seedDemo(cf: CaseFile): void {
  const sourceIds = new Map<string, string>();
  const sourceKey = (s: DemoSource) => s.url ?? `${s.outlet}|${s.title}`;
  const personIds = new Map<string, string>();

  change(cf, 'Demo case: people', (w) => {
    for (const p of DEMO_PEOPLE) {
      const id = randomUUID();
      // With a key store, the demo people get signing keys held for this user (db/profiles.ts),
      // so that the workflow can be tried by switching between them.
      w.insert('people', { id, name: p.name, role: p.role, public_key: demoPersonKeys(cf, id, p.name, w.at), created_at: w.at });
      personIds.set(p.name, id);
    }
  });
  rememberDemoProfile(cf, personIds.get('Demo investigator')!);

  for (const demo of DEMO_CASE) {
    const incident = incidentInputSchema.parse(demo.incident);
    const created = createIncident(cf, { incident, reason: 'Demo case' });
    change(cf, 'Demo case: sources, victims and history', (w: Writer) => {
      for (const code of demo.previousCodes ?? []) {
        w.insert('incident_codes', { code, incident_id: created.id, kind: 'previous' });
      }
      demo.sources.forEach((s, ord) => {
        let sourceId = sourceIds.get(sourceKey(s));
        if (!sourceId) {
          sourceId = randomUUID();
          sourceIds.set(sourceKey(s), sourceId);
          w.insert('sources', {
            id: sourceId,
            kind: s.kind,
            outlet: s.outlet,
            author: s.author,
            url: s.url,
            language: s.language,
            published_date: s.publishedDate,
            title: s.title,
            excerpt_original: s.excerptOriginal,
            credibility_notes: s.credibilityNotes,
            created_at: w.at,
            updated_at: w.at,
          });
        }
        w.insert('source_incidents', { source_id: sourceId, incident_id: created.id, ord });
      });
      (demo.victims ?? []).forEach((v, ord) => {
        w.insert('victims', {
          id: randomUUID(),
          incident_id: created.id,
          ord,
          name_latin: v.nameLatin,
          name_local: v.nameLocal,
          gender: v.gender,
          age: v.age,
          age_group: v.ageGroup,
          harm: v.harm,
          family_group: v.familyGroup,
        });
      });
      const steps = [
        ...(demo.gradeHistory ?? []),
        ...(incident.grade
          ? [{ grade: incident.grade, rationale: incident.gradeRationale ?? '', at: w.at, by: 'Demo reviewer' }]
          : []),
      ];
      for (const step of steps) {
        w.insert('grade_history', {
          id: stableId(created.id, step.at, step.grade),
          incident_id: created.id,
          grade: step.grade,
          rationale: step.rationale,
          graded_by: step.by,
          graded_by_id: personIds.get(step.by) ?? null,
          graded_at: step.at,
        });
      }
    });
  }
}

function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Create a new case file at `path` holding the demo case. */
export function createDemoCaseFile(path: string, opts: OpenOptions = {}): CaseFile {
  const cf = createCaseFile(path, { ...opts, name: 'Demo case: Coalition air war in Iraq and Syria' });
  // The demo's records are authored by the demo, not by whoever happens to create the file.
  seedDemo({ ...cf, actor: 'Casefile demo' });
  restoreProfile(cf);
  return cf;
}
