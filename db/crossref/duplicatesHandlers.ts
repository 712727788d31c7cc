/** The duplicates channels' handlers (shared/contracts/duplicates.ts), spread into db/handlers.ts. */
import { computeDuplicates, decideDuplicate, listDuplicates } from './duplicatesStore';
import { mergeIncidents } from './duplicatesMerge';
import { mergePreview } from './duplicatesPreview';
import { listMerges, undoMerge } from './duplicatesUndo';

export const duplicatesHandlers = {
  'duplicates:compute': computeDuplicates,
  'duplicates:list': listDuplicates,
  'duplicates:decide': decideDuplicate,
  'duplicates:mergePreview': mergePreview,
  'duplicates:merge': mergeIncidents,
  'duplicates:undoMerge': undoMerge,
  'duplicates:merges': listMerges,
} as const;
