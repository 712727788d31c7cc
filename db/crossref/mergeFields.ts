/**
 * The fields a merge chooses between (shared/contracts/duplicates.ts MERGE_FIELDS), each with
 * its columns: a field is taken whole from one side (a range's min and max together, a point
 * with its precision and sign-off), so a merged incident never mixes halves of two values.
 */
import type { MergeField } from '../../shared/contracts/duplicates';
import type { Row } from '../audit';

const range = (c: string) => [`${c}_min`, `${c}_max`];

export const MERGE_COLUMNS: Record<MergeField, readonly string[]> = {
  date: ['date_start', 'date_end', 'date_precision', 'local_time'],
  placeEn: ['place_en'],
  placeAr: ['place_ar'],
  district: ['district'],
  governorate: ['governorate'],
  country: ['country'],
  location: ['latitude', 'longitude', 'geo_precision', 'geo_signed_off_by'],
  strikeType: ['strike_type'],
  strikeStatus: ['strike_status'],
  killed: range('killed'),
  injured: range('injured'),
  childrenKilled: range('children_killed'),
  childrenInjured: range('children_injured'),
  womenKilled: range('women_killed'),
  womenInjured: range('women_injured'),
  menKilled: range('men_killed'),
  menInjured: range('men_injured'),
  combatantsKilled: range('combatants_killed'),
  combatantsInjured: range('combatants_injured'),
  causeOfDeath: ['cause_of_death'],
  infrastructure: ['infrastructure'],
  summary: ['summary'],
  internalNotes: ['internal_notes'],
  assignee: ['assignee_id'],
};

/** The columns that decide whether a field is empty (date precision alone says nothing). */
const SIGNIFICANT: Partial<Record<MergeField, readonly string[]>> = {
  date: ['date_start', 'date_end', 'local_time'],
  location: ['latitude', 'longitude'],
};

export function fieldEmpty(field: MergeField, row: Row): boolean {
  return (SIGNIFICANT[field] ?? MERGE_COLUMNS[field]).every((c) => row[c] === null || row[c] === undefined || row[c] === '');
}

/** A field's value as one line of text, for the side-by-side form. */
export function fieldText(field: MergeField, row: Row): string | null {
  if (fieldEmpty(field, row)) return null;
  const v = (c: string) => (row[c] === null || row[c] === undefined ? '' : String(row[c]));
  const cols = MERGE_COLUMNS[field];
  if (cols.length === 2 && cols[0]!.endsWith('_min')) {
    const lo = v(cols[0]!);
    const hi = v(cols[1]!);
    return lo === hi ? lo : `${lo || '?'}–${hi || '?'}`;
  }
  if (field === 'date') {
    const span = row.date_end && row.date_end !== row.date_start ? `${v('date_start')} to ${v('date_end')}` : v('date_start');
    return `${span} (${v('date_precision')})${row.local_time ? ` ${v('local_time')}` : ''}`;
  }
  if (field === 'location') return `${v('latitude')}, ${v('longitude')} (${v('geo_precision') || 'precision unknown'})`;
  return v(cols[0]!);
}

/** The default: the survivor's value unless it is empty and the absorbed incident has one. */
export function defaultPick(field: MergeField, survivor: Row, absorbed: Row): 'survivor' | 'absorbed' {
  return fieldEmpty(field, survivor) && !fieldEmpty(field, absorbed) ? 'absorbed' : 'survivor';
}
