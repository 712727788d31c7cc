/**
 * The Airwars archive layout: the five files, their columns in the archive's order, and where
 * each column lands in the model (a codec) or, having no home, in the record's extra_json.
 * `*_ar` columns are the archive's Arabic twins of English columns; they are kept in extra_json,
 * except `location_ar` (the Arabic place name) and `country_ar` (the country).
 */
import { CASUALTY_COLUMNS } from '../../incidentRows';
import { arabicDate, country, grade, incidentDate, language, location } from './archiveCodecs';
import { belligerentName, flag, integer, range, text, vocabulary, type Codec } from './codecs';
import { COLUMNS, type Table } from './tables';
import { AGE_GROUP_WORDS, GENDER_WORDS, HARM_WORDS, INVOLVEMENT_WORDS, POSITION_WORDS, STRIKE_STATUS_WORDS } from './vocab';

export type AirwarsFile = 'incidents' | 'sources' | 'victims' | 'belligerents' | 'links';

export interface FileLayout {
  name: AirwarsFile;
  file: string;
  header: readonly string[];
  codecs: readonly Codec[];
  /** The table a row becomes; a row is read straight into that table's column order. */
  table: Table;
  /** Fields read beyond the table's columns (they go to another table), after them. */
  virtual?: readonly string[];
  /** Child files: the column giving the row's order within its incident (part of its identity). */
  orderColumn?: string;
}

/** The fields a row of this file is read into: the table's columns, then the virtual ones. */
export function fieldsOf(layout: FileLayout): readonly string[] {
  return [...COLUMNS[layout.table], ...(layout.virtual ?? [])];
}

const cols = (s: string) => s.trim().split(/\s*,\s*/);

/** Child rows repeat these columns of their incident: written from it on export. */
export const PARENT_COLUMNS = ['sequence', 'code', 'incident_url'] as const;

const CASUALTY_PAIRS: [string, string][] = [
  ['civilians_killed', CASUALTY_COLUMNS.killed],
  ['civilians_injured', CASUALTY_COLUMNS.injured],
  ['children_killed', CASUALTY_COLUMNS.childrenKilled],
  ['children_injured', CASUALTY_COLUMNS.childrenInjured],
  ['women_killed', CASUALTY_COLUMNS.womenKilled],
  ['women_injured', CASUALTY_COLUMNS.womenInjured],
  ['men_killed', CASUALTY_COLUMNS.menKilled],
  ['men_injured', CASUALTY_COLUMNS.menInjured],
  ['belligerents_killed', 'combatants_killed'],
  ['belligerents_injured', 'combatants_injured'],
];

export const INCIDENTS: FileLayout = {
  name: 'incidents',
  file: 'incidents.csv',
  table: 'incidents',
  header: cols(`sequence, code, airwars_id, incident_url, summary_ar, detail_page_captured_ar, source_count, media_count,
    additional_link_count, incident_date, incident_date_end, incident_date_type_ar, incident_date_type_original, local_time_ar,
    local_time_original, local_time_start, local_time_end, published_date, last_modified, incident_first_reported,
    incident_first_reported_by, incident_first_reported_by_url, location_ar, location_en, region_ar, region_original, district_ar,
    district_original, governorate_ar, governorate_original, province_ar, province_original, country_ar, latitude, longitude,
    geolocation_accuracy, geolocation_status_ar, geolocation_status, multiple_location_incident, belligerents_ar,
    belligerents_original, strike_type_ar, strike_type_original, strike_status_ar, strike_status_original,
    civilian_harm_reported_ar, civilian_harm_reported_original, civilian_harm_status_ar, civilian_harm_status_original,
    cause_of_death_ar, cause_of_death_original, infrastructure_ar, infrastructure_original, infrastructure_destruction_ar,
    infrastructure_destruction_original, incident_status_ar, incident_status_original, total_strikes, civilians_killed_min,
    civilians_killed_max, civilians_injured_min, civilians_injured_max, children_killed_min, children_killed_max,
    children_injured_min, children_injured_max, women_killed_min, women_killed_max, women_injured_min, women_injured_max,
    men_killed_min, men_killed_max, men_injured_min, men_injured_max, belligerents_killed_min, belligerents_killed_max,
    belligerents_injured_min, belligerents_injured_max, other_casualties, observations_ar, observations, munition_type,
    impact_ar, impact, documentation_ar, documentation, page_completion, previous_reference_codes_json, taxonomy_ids_json`),
  codecs: [
    text('code', 'code'),
    incidentDate('incident_date', 'incident_date_end', 'incident_date_type_original'),
    text('local_time_original', 'local_time'),
    text('location_en', 'place_en'),
    text('location_ar', 'place_ar'),
    text('district_original', 'district'),
    text('governorate_original', 'governorate'),
    country('country_ar'),
    location('latitude', 'longitude', 'geolocation_accuracy'),
    text('strike_type_original', 'strike_type'),
    vocabulary('strike_status_original', 'strike_status', STRIKE_STATUS_WORDS),
    grade('civilian_harm_status_original'),
    text('cause_of_death_original', 'cause_of_death'),
    text('infrastructure_original', 'infrastructure'),
    ...CASUALTY_PAIRS.map(([archive, model]) => range(`${archive}_min`, `${archive}_max`, model)),
  ],
};

export const SOURCES: FileLayout = {
  name: 'sources',
  file: 'sources.csv',
  table: 'sources',
  virtual: ['ord'],
  header: cols(`sequence, code, source_order, source_id, format_ar, source_name_ar, source_name_original, source_author_original,
    source_author_translated_en, source_date, language_ar, language_original, includes_video_ar, media_count, source_url,
    archive_url, translation_note, incident_url`),
  orderColumn: 'source_order',
  codecs: [
    integer('source_order', 'ord'),
    text('source_name_original', 'outlet'),
    text('source_author_original', 'author'),
    arabicDate('source_date', 'published_date'),
    language('language_original', 'language'),
    text('source_url', 'url'),
    text('archive_url', 'archive_url'),
  ],
};

export const VICTIMS: FileLayout = {
  name: 'victims',
  file: 'victims.csv',
  table: 'victims',
  header: cols(`sequence, code, victim_order, name_local, name_original, profession, gender_ar, gender_original, pregnant_ar,
    pregnant_original, age_group_ar, age_group_original, age, status_ar, status_original, civilian_status_contested_ar,
    civilian_status_contested_original, additional_notes, victim_url, victim_image_url, reconciliation_status_ar, incident_url`),
  orderColumn: 'victim_order',
  codecs: [
    integer('victim_order', 'ord'),
    text('name_local', 'name_local'),
    text('name_original', 'name_latin'),
    vocabulary('gender_original', 'gender', GENDER_WORDS),
    vocabulary('age_group_original', 'age_group', AGE_GROUP_WORDS),
    integer('age', 'age', { min: 0, max: 130 }),
    vocabulary('status_original', 'harm', HARM_WORDS),
    flag('civilian_status_contested_original', 'civilian_status_contested'),
    text('additional_notes', 'notes'),
  ],
};

export const BELLIGERENTS: FileLayout = {
  name: 'belligerents',
  file: 'belligerent_assessments.csv',
  table: 'incident_belligerents',
  virtual: ['report_text', 'report_url'],
  header: cols(`sequence, code, belligerent_order, belligerent, belligerent_type, belligerent_assessment,
    civilian_deaths_conceded_min, civilian_deaths_conceded_max, civilian_injuries_conceded_min, civilian_injuries_conceded_max,
    belligerent_reason_credible, belligerent_reason_non_credible, belligerent_location_description, belligerent_mgrs_coordinate,
    belligerent_location_accuracy, belligerent_strike_report, belligerent_strike_report_url, civilian_casualty_statements_json`),
  orderColumn: 'belligerent_order',
  codecs: [
    integer('belligerent_order', 'ord'),
    belligerentName('belligerent', 'belligerent'),
    vocabulary('belligerent_type', 'involvement', INVOLVEMENT_WORDS, { blank: 'suspected', unknown: 'suspected' }),
    vocabulary('belligerent_assessment', 'position', POSITION_WORDS, { blank: 'not_yet_assessed', unknown: 'not_yet_assessed' }),
    range('civilian_deaths_conceded_min', 'civilian_deaths_conceded_max', 'conceded_killed'),
    range('civilian_injuries_conceded_min', 'civilian_injuries_conceded_max', 'conceded_injured'),
    text('belligerent_location_description', 'location_text'),
    text('belligerent_mgrs_coordinate', 'mgrs'),
    text('belligerent_strike_report', 'report_text'),
    text('belligerent_strike_report_url', 'report_url'),
    text('civilian_casualty_statements_json', 'statement'),
  ],
};

export const LINKS: FileLayout = {
  name: 'links',
  file: 'links.csv',
  table: 'incident_web_links',
  header: cols('sequence, code, link_order, type_ar, link_label_ar, link_label, field_path, url, incident_url'),
  orderColumn: 'link_order',
  codecs: [integer('link_order', 'ord'), text('link_label', 'kind'), text('link_label_ar', 'label'), text('url', 'url')],
};

export const LAYOUTS: readonly FileLayout[] = [INCIDENTS, SOURCES, VICTIMS, BELLIGERENTS, LINKS];

/** The English column an `*_ar` column translates, when that column has a home in the model. */
export function twinOf(layout: FileLayout, column: string): string | null {
  if (!column.endsWith('_ar')) return null;
  const base = column.slice(0, -3);
  const homed = new Set(layout.codecs.flatMap((c) => c.columns));
  for (const candidate of [`${base}_original`, base]) if (homed.has(candidate)) return candidate;
  return null;
}
