/**
 * An incident's victims, saved as a table: the list given replaces the incident's list. Rows
 * keep their identity by id (so a renamed victim is an update in the audit log, not a removal
 * and an addition); columns the editor does not show (reconciliation id, notes, imported
 * extras) are left as they are.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import type { VictimValues } from '../shared/workbenchSchemas';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { rowToVictim } from './sourceRows';
import { assertEditable } from './workflowRules';

function victimToRow(v: VictimValues): Row {
  return {
    name_latin: v.nameLatin,
    name_local: v.nameLocal,
    gender: v.gender,
    age: v.age,
    age_group: v.ageGroup,
    harm: v.harm,
    family_group: v.familyGroup,
    civilian_status_contested: v.civilianStatusContested ? 1 : 0,
    sensitive: v.sensitive ? 1 : 0,
  };
}

export function listVictims(cf: CaseFile, incidentId: string): ChannelOutput<'victims:save'> {
  const rows = cf.db.prepare('SELECT * FROM victims WHERE incident_id = ? ORDER BY ord').all(incidentId) as Row[];
  return { victims: rows.map(rowToVictim) };
}

export function saveVictims(cf: CaseFile, input: ChannelParsedInput<'victims:save'>): ChannelOutput<'victims:save'> {
  if (!cf.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(input.incidentId)) {
    throw new HandlerError('not_found', `No incident with id ${input.incidentId} in this case file.`);
  }
  assertEditable(cf, input.incidentId);
  const existing = new Set(
    (cf.db.prepare('SELECT id FROM victims WHERE incident_id = ?').all(input.incidentId) as { id: string }[]).map((r) => r.id),
  );
  const foreign = input.victims
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.id !== null && !existing.has(v.id));
  if (foreign.length > 0) {
    throw new HandlerError(
      'invalid_input',
      'Some rows name victims that are not recorded for this incident (removed meanwhile, or of another incident). Reload the incident; nothing was saved.',
      foreign.map(({ i }) => ({ path: `victims.${i}.id`, message: 'Not a victim of this incident' })),
    );
  }
  const kept = new Set(input.victims.map((v) => v.id).filter((id): id is string => id !== null));
  change(cf, input.reason ?? 'Victims edited', (w) => {
    for (const id of existing) if (!kept.has(id)) w.remove('victims', { id });
    input.victims.forEach((v, ord) => {
      const row = { ...victimToRow(v), ord };
      if (v.id !== null) w.update('victims', { id: v.id }, row);
      else w.insert('victims', { id: randomUUID(), incident_id: input.incidentId, ...row });
    });
    if (w.entries > 0) w.update('incidents', { id: input.incidentId }, { updated_at: w.at });
  });
  return listVictims(cf, input.incidentId);
}
