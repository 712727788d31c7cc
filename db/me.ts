/**
 * Who "me" is: the person using the case file. For now the handle's actor matched by name
 * against `people`; the one place to change when profiles say who is signed in.
 */
import type { CaseFile } from './casefile';
import type { ParsedFilter } from './filters';

/** The person id of whoever uses this case file, or null when they have no profile in it. */
export function currentPersonId(cf: CaseFile): string | null {
  // The profile acting through this handle (db/profiles.ts), when there is one.
  if (cf.profile) return cf.profile.id;
  const row = cf.db.prepare('SELECT id FROM people WHERE name = ? COLLATE NOCASE').get(cf.actor) as { id: string } | undefined;
  return row?.id ?? null;
}

/** An id no person has: "assigned to me" for someone without a profile matches nothing. */
const NOBODY = '\u0000nobody';

/** The filter with `assignedTo: 'me'` replaced by the current person's id. */
export function resolveFilter(cf: CaseFile, filter: ParsedFilter): ParsedFilter {
  if (filter.assignedTo !== 'me') return filter;
  return { ...filter, assignedTo: currentPersonId(cf) ?? NOBODY };
}
