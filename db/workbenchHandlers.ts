/** The workbench's handlers (shared/contracts/workbench.ts), spread into `handlers`. */
import type { workbenchContract } from '../shared/contracts/workbench';
import { addCapture, getCapture, listCaptures } from './captures';
import { findDuplicates } from './duplicates';
import type { Handlers } from './handlers';
import { search } from './search';
import { createSource, getSource, linkSource, listSources, unlinkSource, updateSource } from './sources';
import { saveVictims } from './victims';

export const workbenchHandlers: Pick<Handlers, keyof typeof workbenchContract> = {
  'search:query': search,
  'sources:create': createSource,
  'sources:update': updateSource,
  'sources:get': getSource,
  'sources:list': listSources,
  'sources:link': linkSource,
  'sources:unlink': unlinkSource,
  'sources:findDuplicates': findDuplicates,
  'captures:add': addCapture,
  'captures:get': getCapture,
  'captures:list': listCaptures,
  'victims:save': saveVictims,
};
