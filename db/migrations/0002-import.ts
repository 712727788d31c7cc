/**
 * Schema v2: what importing real archives needs.
 * - `imports`: one row per import run that committed (kind, source, who, when, counts and the
 *   whole report as JSON). Run bookkeeping, written through `Writer.journal`, not audited.
 * - `data_problems`: data-quality problems found on kept records (a value the editor would refuse,
 *   kept as it stands): which record, which field, the value as written, why, and where it came
 *   from (file and line). Audited like any case data; a re-import adds, moves and clears them.
 * Raw values that the typed columns cannot hold exactly (a grade written as two grades, an
 * impossible date, a number written "01") are kept in the record's `extra_json`, under the name
 * of the column they came from; see db/import/airwars/layout.ts.
 */
import type { Migration } from './index';

export const migration0002: Migration = {
  version: 2,
  name: 'import',
  sql: `
CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('airwars', 'csv')),
  source TEXT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  left_out INTEGER NOT NULL,
  problems INTEGER NOT NULL,
  report_json TEXT NOT NULL CHECK (json_valid(report_json))
) STRICT;
CREATE INDEX imports_started ON imports(started_at);

CREATE TABLE data_problems (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  incident_id TEXT REFERENCES incidents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT,
  reason TEXT NOT NULL,
  file TEXT,
  line INTEGER,
  import_id TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX data_problems_incident ON data_problems(incident_id, kind);
CREATE INDEX data_problems_entity ON data_problems(entity_id);
CREATE INDEX data_problems_kind ON data_problems(kind);
`,
};
