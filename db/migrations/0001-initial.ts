/**
 * Schema v1: the whole domain model of DESIGN.md.
 * Conventions: STRICT tables, UUID text keys, ISO-8601 text for dates and times,
 * nullable integers for casualty bounds (NULL = unknown), 0/1 integers for flags,
 * `extra_json` keeps imported columns that have no home in the model.
 */
import type { Migration } from './index';

const range = (prefix: string) => `${prefix}_min INTEGER, ${prefix}_max INTEGER`;

const inList = (col: string, values: readonly string[]) =>
  `CHECK (${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL ${inList('role', ['investigator', 'reviewer', 'editor'])},
  public_key TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT NOT NULL DEFAULT 'day' ${inList('date_precision', ['day', 'range', 'month', 'year', 'unknown'])},
  local_time TEXT,
  place_en TEXT,
  place_ar TEXT,
  district TEXT,
  governorate TEXT,
  country TEXT,
  latitude REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude BETWEEN -180 AND 180),
  geo_precision TEXT ${inList('geo_precision', ['exact', 'within_100m', 'street', 'landmark', 'neighbourhood', 'village', 'town', 'city', 'subdistrict', 'governorate', 'unknown'])},
  geo_signed_off_by TEXT REFERENCES people(id),
  strike_type TEXT,
  strike_status TEXT ${inList('strike_status', ['declared', 'likely', 'contested', 'single_source'])},
  ${range('killed')},
  ${range('injured')},
  ${range('children_killed')},
  ${range('children_injured')},
  ${range('women_killed')},
  ${range('women_injured')},
  ${range('men_killed')},
  ${range('men_injured')},
  ${range('combatants_killed')},
  ${range('combatants_injured')},
  cause_of_death TEXT,
  infrastructure TEXT,
  summary TEXT,
  internal_notes TEXT,
  status TEXT NOT NULL DEFAULT 'draft' ${inList('status', ['draft', 'in_review', 'graded', 'published'])},
  assignee_id TEXT REFERENCES people(id),
  grade TEXT ${inList('grade', ['confirmed', 'fair', 'weak', 'contested', 'discounted'])},
  grade_rationale TEXT,
  extra_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX incidents_date ON incidents(date_start);
CREATE INDEX incidents_grade ON incidents(grade);
CREATE INDEX incidents_status ON incidents(status);
CREATE INDEX incidents_country ON incidents(country COLLATE NOCASE);

-- Earlier codes an incident was known by (recodes, merges).
CREATE TABLE incident_codes (
  code TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL ${inList('kind', ['previous', 'merged'])}
) STRICT;
CREATE INDEX incident_codes_incident ON incident_codes(incident_id);

-- What a belligerent declared: a strike log entry.
CREATE TABLE strike_reports (
  id TEXT PRIMARY KEY,
  belligerent TEXT,
  report_date TEXT,
  place_text TEXT,
  mgrs TEXT,
  latitude REAL,
  longitude REAL,
  target TEXT,
  text TEXT,
  url TEXT,
  extra_json TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX strike_reports_date ON strike_reports(report_date);

-- One belligerent's involvement in an incident and its own position on it.
CREATE TABLE incident_belligerents (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  belligerent TEXT NOT NULL,
  involvement TEXT NOT NULL ${inList('involvement', ['known', 'suspected'])},
  position TEXT NOT NULL DEFAULT 'not_yet_assessed' ${inList('position', ['not_yet_assessed', 'non_credible', 'credible', 'duplicate', 'open'])},
  ${range('conceded_killed')},
  ${range('conceded_injured')},
  location_text TEXT,
  mgrs TEXT,
  strike_report_id TEXT REFERENCES strike_reports(id) ON DELETE SET NULL,
  statement TEXT,
  extra_json TEXT,
  UNIQUE (incident_id, ord)
) STRICT;
CREATE INDEX incident_belligerents_name ON incident_belligerents(belligerent COLLATE NOCASE);

CREATE TABLE strike_matches (
  strike_report_id TEXT NOT NULL REFERENCES strike_reports(id) ON DELETE CASCADE,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  reasons_json TEXT NOT NULL DEFAULT '[]',
  decision TEXT NOT NULL DEFAULT 'pending' ${inList('decision', ['pending', 'accepted', 'rejected'])},
  decided_by TEXT REFERENCES people(id),
  decided_at TEXT,
  PRIMARY KEY (strike_report_id, incident_id)
) STRICT;
CREATE INDEX strike_matches_incident ON strike_matches(incident_id);

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'other' ${inList('kind', ['local_media', 'social_media', 'ngo_report', 'belligerent_statement', 'witness_interview', 'imagery', 'other'])},
  outlet TEXT,
  author TEXT,
  url TEXT,
  archive_url TEXT,
  language TEXT,
  published_date TEXT,
  accessed_date TEXT,
  title TEXT,
  excerpt_original TEXT,
  excerpt_translation TEXT,
  credibility_notes TEXT,
  sensitive_personal INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_personal IN (0, 1)),
  sensitive_graphic INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_graphic IN (0, 1)),
  repeats_source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
  extra_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX sources_url ON sources(url);

CREATE TABLE source_incidents (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, incident_id)
) STRICT;
CREATE INDEX source_incidents_incident ON source_incidents(incident_id, ord);

-- File contents, content-addressed: the same bytes are stored once.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  content BLOB NOT NULL
) STRICT;

CREATE TABLE captures (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  captured_by TEXT,
  captured_at TEXT NOT NULL
) STRICT;
CREATE INDEX captures_source ON captures(source_id);
CREATE INDEX captures_sha ON captures(sha256);

CREATE TABLE victims (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name_latin TEXT,
  name_local TEXT,
  gender TEXT ${inList('gender', ['male', 'female', 'unknown'])},
  age INTEGER CHECK (age BETWEEN 0 AND 130),
  age_group TEXT ${inList('age_group', ['child', 'adult', 'elderly', 'unknown'])},
  harm TEXT ${inList('harm', ['killed', 'injured'])},
  family_group TEXT,
  civilian_status_contested INTEGER NOT NULL DEFAULT 0 CHECK (civilian_status_contested IN (0, 1)),
  reconciliation_id TEXT,
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  notes TEXT,
  extra_json TEXT
) STRICT;
CREATE INDEX victims_incident ON victims(incident_id, ord);
CREATE INDEX victims_reconciliation ON victims(reconciliation_id) WHERE reconciliation_id IS NOT NULL;

-- Further links of an incident (strike reports, declassified assessments, victim pages).
CREATE TABLE incident_web_links (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  kind TEXT,
  label TEXT,
  url TEXT NOT NULL,
  extra_json TEXT
) STRICT;
CREATE INDEX incident_web_links_incident ON incident_web_links(incident_id, ord);

-- Relations between incidents: duplicate-of, same event, related.
CREATE TABLE incident_links (
  id TEXT PRIMARY KEY,
  from_incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  to_incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL ${inList('kind', ['duplicate_of', 'same_event', 'related'])},
  note TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  CHECK (from_incident_id <> to_incident_id)
) STRICT;
CREATE INDEX incident_links_from ON incident_links(from_incident_id);
CREATE INDEX incident_links_to ON incident_links(to_incident_id);

CREATE TABLE grade_history (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  grade TEXT ${inList('grade', ['confirmed', 'fair', 'weak', 'contested', 'discounted'])},
  rationale TEXT,
  suggested_grade TEXT,
  graded_by TEXT NOT NULL,
  graded_at TEXT NOT NULL
) STRICT;
CREATE INDEX grade_history_incident ON grade_history(incident_id, graded_at);

CREATE TABLE review_decisions (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL,
  decision TEXT NOT NULL ${inList('decision', ['approve', 'request_changes', 'reopen'])},
  comment TEXT,
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX review_decisions_incident ON review_decisions(incident_id, decided_at);

-- Every change, hash-chained: hash = sha256(prev_hash || canonical entry).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL ${inList('action', ['insert', 'update', 'delete'])},
  before_json TEXT,
  after_json TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  signature TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity_id, seq);
`,
};
