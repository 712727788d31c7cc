/**
 * Reconciliation groups: victim records a person confirmed to be one person share one
 * reconciliation id. Confirming a pair joins their groups (transitively: everyone already
 * reconciled with either joins too); unlinking takes one record out again (a group left with
 * one record is dissolved); "not the same person" is remembered so the pair is not suggested
 * again. Every change goes through change() and is audited.
 *
 * These are identity links between records, not edits of an incident's content, so they are
 * allowed on graded and published incidents too.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../shared/contract';
import type { VictimGroup, VictimRef } from '../shared/contracts/reconcile';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { currentSeq, patchAfterChange } from './crossrefCache';
import type { VictimPair } from '../shared/contracts/reconcile';
import { rowToVictimRef, VICTIM_SQL } from './victimPairs';

function victim(cf: CaseFile, id: string, path: string): VictimRef {
  const r = cf.db.prepare(`${VICTIM_SQL} WHERE v.id = ?`).get(id) as Row | undefined;
  if (!r) throw new HandlerError('not_found', `No victim record with id ${id} in this case file.`, [{ path, message: 'Unknown victim' }]);
  return rowToVictimRef(r);
}

const nameOf = (v: VictimRef) => v.nameLatin ?? v.nameLocal ?? 'an unnamed victim';

function members(cf: CaseFile, reconciliationId: string): VictimRef[] {
  return (cf.db.prepare(`${VICTIM_SQL} WHERE v.reconciliation_id = ? ORDER BY i.date_start, i.code, v.ord`).all(reconciliationId) as Row[]).map(
    rowToVictimRef,
  );
}

function twoVictims(cf: CaseFile, ids: readonly [string, string]): [VictimRef, VictimRef] {
  if (ids[0] === ids[1]) {
    throw new HandlerError('invalid_input', 'Choose two different victim records.', [{ path: 'victimIds.1', message: 'Same record twice' }]);
  }
  return [victim(cf, ids[0], 'victimIds.0'), victim(cf, ids[1], 'victimIds.1')];
}

export function reconcileVictims(cf: CaseFile, input: ChannelParsedInput<'victims:reconcile'>): VictimGroup {
  const [a, b] = twoVictims(cf, input.victimIds);
  if (a.reconciliationId && a.reconciliationId === b.reconciliationId) {
    return { reconciliationId: a.reconciliationId, members: members(cf, a.reconciliationId) };
  }
  const target = a.reconciliationId ?? b.reconciliationId ?? randomUUID();
  const joining = new Set<string>([a.id, b.id]);
  for (const gid of [a.reconciliationId, b.reconciliationId]) {
    if (gid && gid !== target) for (const m of members(cf, gid)) joining.add(m.id);
  }
  const seq = currentSeq(cf);
  change(cf, input.reason ?? `Same person: ${nameOf(a)} (${a.incidentCode}) and ${nameOf(b)} (${b.incidentCode})`, (w) => {
    for (const id of joining) w.update('victims', { id }, { reconciliation_id: target });
  });
  // The suggestions stay as they were, but for the records that joined the group.
  patchAfterChange<VictimPair[]>(cf, 'victimPairs', seq, (pairs) =>
    pairs
      .map((p) => ({
        ...p,
        a: joining.has(p.a.id) ? { ...p.a, reconciliationId: target } : p.a,
        b: joining.has(p.b.id) ? { ...p.b, reconciliationId: target } : p.b,
      }))
      .filter((p) => !(p.a.reconciliationId === target && p.b.reconciliationId === target)),
  );
  return { reconciliationId: target, members: members(cf, target) };
}

export function unlinkVictim(cf: CaseFile, input: ChannelParsedInput<'victims:unlink'>): { victim: VictimRef } {
  const v = victim(cf, input.victimId, 'victimId');
  if (!v.reconciliationId) {
    throw new HandlerError('invalid_input', `${nameOf(v)} (${v.incidentCode}) is not reconciled with anyone; nothing was changed.`);
  }
  const rest = members(cf, v.reconciliationId).filter((m) => m.id !== v.id);
  change(cf, input.reason ?? `Not the same person after all: ${nameOf(v)} (${v.incidentCode}) taken out of its group`, (w) => {
    w.update('victims', { id: v.id }, { reconciliation_id: null });
    if (rest.length === 1) w.update('victims', { id: rest[0]!.id }, { reconciliation_id: null });
  });
  return { victim: victim(cf, v.id, 'victimId') };
}

export function dismissVictimPair(cf: CaseFile, input: ChannelParsedInput<'victims:dismissPair'>): { dismissed: boolean } {
  const [a, b] = twoVictims(cf, input.victimIds);
  const [x, y] = [a.id, b.id].sort() as [string, string];
  if (cf.db.prepare('SELECT 1 FROM victim_pair_dismissals WHERE victim_a = ? AND victim_b = ?').get(x, y)) return { dismissed: true };
  const seq = currentSeq(cf);
  change(cf, input.reason ?? `Not the same person: ${nameOf(a)} (${a.incidentCode}) and ${nameOf(b)} (${b.incidentCode})`, (w) => {
    w.insert('victim_pair_dismissals', { victim_a: x, victim_b: y, dismissed_by: cf.actor, dismissed_at: w.at });
  });
  patchAfterChange<VictimPair[]>(cf, 'victimPairs', seq, (pairs) => pairs.filter((p) => [p.a.id, p.b.id].sort().join('|') !== `${x}|${y}`));
  return { dismissed: true };
}

/** The groups the incident's victims belong to, with every member (in this and other incidents). */
export function incidentVictimGroups(cf: CaseFile, input: ChannelParsedInput<'victims:groups'>): { groups: VictimGroup[] } {
  const ids = (
    cf.db
      .prepare('SELECT DISTINCT reconciliation_id AS r FROM victims WHERE incident_id = ? AND reconciliation_id IS NOT NULL')
      .all(input.incidentId) as { r: string }[]
  ).map((x) => x.r);
  return { groups: ids.map((id) => ({ reconciliationId: id, members: members(cf, id) })) };
}
