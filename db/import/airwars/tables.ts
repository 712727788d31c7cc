/**
 * The tables an Airwars import writes: every column (in the order rows are built), the columns
 * an import owns (compared and rewritten on re-import; the others belong to people), and how an
 * imported row is recognised (its extra_json starts with the import's namespace).
 */
import type { Cell } from './codecs';

export type Table =
  | 'incidents'
  | 'sources'
  | 'source_incidents'
  | 'victims'
  | 'incident_belligerents'
  | 'strike_reports'
  | 'incident_web_links'
  | 'incident_codes'
  | 'data_problems';

/** Every table an Airwars import writes. */
export const TABLES: readonly Table[] = [
  'incidents',
  'sources',
  'source_incidents',
  'victims',
  'incident_belligerents',
  'strike_reports',
  'incident_web_links',
  'incident_codes',
  'data_problems',
];

export type RowObj = Record<string, Cell>;

const CASUALTY = ['killed', 'injured', 'children_killed', 'children_injured', 'women_killed', 'women_injured', 'men_killed', 'men_injured', 'combatants_killed', 'combatants_injured'].flatMap((c) => [`${c}_min`, `${c}_max`]);

const INCIDENT_OWNED = [
  'date_start', 'date_end', 'date_precision', 'local_time', 'place_en', 'place_ar', 'district', 'governorate', 'country',
  'latitude', 'longitude', 'geo_precision', 'strike_type', 'strike_status', ...CASUALTY, 'cause_of_death', 'infrastructure',
  'grade', 'extra_json',
];

export const COLUMNS: Record<Table, readonly string[]> = {
  incidents: ['id', 'code', ...INCIDENT_OWNED, 'geo_signed_off_by', 'summary', 'internal_notes', 'status', 'assignee_id', 'grade_rationale', 'created_at', 'updated_at'],
  sources: ['id', 'kind', 'outlet', 'author', 'url', 'archive_url', 'language', 'published_date', 'accessed_date', 'title', 'excerpt_original', 'excerpt_translation', 'credibility_notes', 'sensitive_personal', 'sensitive_graphic', 'repeats_source_id', 'extra_json', 'created_at', 'updated_at'],
  source_incidents: ['source_id', 'incident_id', 'ord'],
  victims: ['id', 'incident_id', 'ord', 'name_latin', 'name_local', 'gender', 'age', 'age_group', 'harm', 'family_group', 'civilian_status_contested', 'reconciliation_id', 'sensitive', 'notes', 'extra_json'],
  incident_belligerents: ['id', 'incident_id', 'ord', 'belligerent', 'involvement', 'position', 'conceded_killed_min', 'conceded_killed_max', 'conceded_injured_min', 'conceded_injured_max', 'location_text', 'mgrs', 'strike_report_id', 'statement', 'extra_json'],
  strike_reports: ['id', 'belligerent', 'report_date', 'place_text', 'mgrs', 'latitude', 'longitude', 'target', 'text', 'url', 'extra_json', 'created_at'],
  incident_web_links: ['id', 'incident_id', 'ord', 'kind', 'label', 'url', 'extra_json'],
  incident_codes: ['code', 'incident_id', 'kind'],
  data_problems: ['id', 'entity', 'entity_id', 'incident_id', 'kind', 'field', 'value', 'reason', 'file', 'line', 'import_id', 'created_at'],
};

/** What a re-import compares and rewrites. Status and source kind follow their own rule (apply.ts). */
export const OWNED: Record<Table, readonly string[]> = {
  incidents: INCIDENT_OWNED,
  sources: ['outlet', 'author', 'url', 'archive_url', 'language', 'published_date', 'extra_json'],
  source_incidents: ['ord'],
  victims: ['ord', 'name_latin', 'name_local', 'gender', 'age', 'age_group', 'harm', 'civilian_status_contested', 'notes', 'extra_json'],
  incident_belligerents: ['ord', 'belligerent', 'involvement', 'position', 'conceded_killed_min', 'conceded_killed_max', 'conceded_injured_min', 'conceded_injured_max', 'location_text', 'mgrs', 'strike_report_id', 'statement', 'extra_json'],
  strike_reports: ['belligerent', 'place_text', 'mgrs', 'text', 'url'],
  incident_web_links: ['ord', 'kind', 'label', 'url', 'extra_json'],
  incident_codes: [],
  // A problem keeps the file and line where an import first found it (with that import's id).
  data_problems: ['kind', 'field', 'value', 'reason'],
};

export const NAMESPACE = 'airwars';
/** Rows an Airwars import wrote carry this prefix in extra_json; others are left alone. */
export const OWNED_EXTRA_PREFIX = `{"${NAMESPACE}":`;

export function extraJson(extra: Record<string, string> | null): string {
  return `{"${NAMESPACE}":${extra ? JSON.stringify(extra) : '{}'}}`;
}

/** Workflow status of an imported incident: a graded Airwars record is a published assessment. */
export function importedStatus(grade: Cell): 'published' | 'draft' {
  return grade === null ? 'draft' : 'published';
}

