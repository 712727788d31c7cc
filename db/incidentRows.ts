/** Mapping between incident rows (snake_case SQL) and the contract's incident shape. */
import { CASUALTY_FIELDS, type Casualties, type CasualtyField } from '../shared/casualty';
import type { IncidentValues, Incident } from '../shared/schemas';
import type { Row } from './audit';

export const CASUALTY_COLUMNS: Record<CasualtyField, string> = {
  killed: 'killed',
  injured: 'injured',
  childrenKilled: 'children_killed',
  childrenInjured: 'children_injured',
  womenKilled: 'women_killed',
  womenInjured: 'women_injured',
  menKilled: 'men_killed',
  menInjured: 'men_injured',
};

/** Plain scalar fields: contract name → column. */
const SCALARS = {
  code: 'code',
  dateStart: 'date_start',
  dateEnd: 'date_end',
  datePrecision: 'date_precision',
  localTime: 'local_time',
  placeEn: 'place_en',
  placeAr: 'place_ar',
  district: 'district',
  governorate: 'governorate',
  country: 'country',
  latitude: 'latitude',
  longitude: 'longitude',
  geoPrecision: 'geo_precision',
  strikeType: 'strike_type',
  strikeStatus: 'strike_status',
  causeOfDeath: 'cause_of_death',
  infrastructure: 'infrastructure',
  summary: 'summary',
  internalNotes: 'internal_notes',
  status: 'status',
  assigneeId: 'assignee_id',
  grade: 'grade',
  gradeRationale: 'grade_rationale',
} as const satisfies Partial<Record<keyof IncidentValues, string>>;

/** The incident columns an input sets (everything but id, timestamps and extra_json). */
export function incidentToRow(v: IncidentValues): Row {
  const row: Row = {};
  for (const [field, col] of Object.entries(SCALARS)) row[col] = v[field as keyof typeof SCALARS] ?? null;
  for (const f of CASUALTY_FIELDS) {
    row[`${CASUALTY_COLUMNS[f]}_min`] = v.casualties[f].min;
    row[`${CASUALTY_COLUMNS[f]}_max`] = v.casualties[f].max;
  }
  return row;
}

export function rowCasualties(row: Row): Casualties {
  return Object.fromEntries(
    CASUALTY_FIELDS.map((f) => [
      f,
      {
        min: (row[`${CASUALTY_COLUMNS[f]}_min`] as number | null) ?? null,
        max: (row[`${CASUALTY_COLUMNS[f]}_max`] as number | null) ?? null,
      },
    ]),
  ) as Casualties;
}

export function rowToIncidentBase(row: Row): Omit<Incident, 'belligerents' | 'previousCodes' | 'assigneeName'> {
  const out: Record<string, unknown> = { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
  for (const [field, col] of Object.entries(SCALARS)) out[field] = row[col] ?? null;
  out.casualties = rowCasualties(row);
  return out as Omit<Incident, 'belligerents' | 'previousCodes' | 'assigneeName'>;
}

export function belligerentToRow(b: IncidentValues['belligerents'][number]): Row {
  return {
    belligerent: b.belligerent,
    involvement: b.involvement,
    position: b.position,
    conceded_killed_min: b.concededKilled.min,
    conceded_killed_max: b.concededKilled.max,
    conceded_injured_min: b.concededInjured.min,
    conceded_injured_max: b.concededInjured.max,
    location_text: b.locationText,
    mgrs: b.mgrs,
    statement: b.statement,
  };
}

export function rowToBelligerent(r: Row): Incident['belligerents'][number] {
  return {
    id: r.id as string,
    belligerent: r.belligerent as string,
    involvement: r.involvement as 'known' | 'suspected',
    position: r.position as Incident['belligerents'][number]['position'],
    concededKilled: { min: r.conceded_killed_min as number | null, max: r.conceded_killed_max as number | null },
    concededInjured: { min: r.conceded_injured_min as number | null, max: r.conceded_injured_max as number | null },
    locationText: (r.location_text as string | null) ?? null,
    mgrs: (r.mgrs as string | null) ?? null,
    statement: (r.statement as string | null) ?? null,
  };
}
