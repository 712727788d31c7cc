/** Handlers of the cross-referencing channels within a case: source repeats and victim reconciliation. */
import type { reconcileContract } from '../shared/contracts/reconcile';
import type { Handlers } from './handlers';
import { dismissRepeat, findOriginal, markRepeat, sourceIndependence, unmarkRepeat } from './sourceIndependence';
import { dismissVictimPair, incidentVictimGroups, reconcileVictims, unlinkVictim } from './victimGroups';
import { victimPairs } from './victimPairs';

export const reconcileHandlers: Pick<Handlers, keyof typeof reconcileContract> = {
  'sources:independence': sourceIndependence,
  'sources:markRepeat': markRepeat,
  'sources:unmarkRepeat': unmarkRepeat,
  'sources:dismissRepeat': dismissRepeat,
  'sources:findOriginal': findOriginal,
  'victims:reconcileQueue': (cf, input) => {
    const all = victimPairs(cf);
    return { total: all.length, pairs: all.slice(input.offset, input.offset + input.limit) };
  },
  'victims:reconcile': reconcileVictims,
  'victims:dismissPair': dismissVictimPair,
  'victims:unlink': unlinkVictim,
  'victims:groups': incidentVictimGroups,
};
