/**
 * Schema v7 (duplicate incidents, issue 7 item 3):
 * - `duplicate_suggestions`: the scored pairs, with their reasons. Derived data, recomputed from
 *   the case (db/crossref/duplicatesStore.ts) whenever the audit head has moved; like the search
 *   index it is written directly, not audited. `incident_a` < `incident_b` (ids), one row a pair.
 * - `duplicate_decisions`: what a person decided about a pair (not a duplicate, merged). Case
 *   data, audited. No foreign keys: a merge deletes one of the two incidents and its undo brings
 *   it back, so a decision outlives the rows it names, and recomputing never touches it.
 * - `duplicate_merges`: one row a merge, naming the survivor and the absorbed incident (ids and
 *   codes) and the audit seq range of the change that made it, which its undo replays backwards.
 */
import type { Migration } from './index';

export const migrationDuplicates: Migration = {
  version: 7,
  name: 'duplicates',
  sql: `
CREATE TABLE duplicate_suggestions (
  incident_a TEXT NOT NULL,
  incident_b TEXT NOT NULL,
  score REAL NOT NULL,
  reasons_json TEXT NOT NULL CHECK (json_valid(reasons_json)),
  computed_at TEXT NOT NULL,
  PRIMARY KEY (incident_a, incident_b),
  CHECK (incident_a < incident_b)
) STRICT, WITHOUT ROWID;
CREATE INDEX duplicate_suggestions_b ON duplicate_suggestions(incident_b);
CREATE INDEX duplicate_suggestions_score ON duplicate_suggestions(score DESC);

-- When the suggestions were last computed: the audit head they reflect.
CREATE TABLE duplicate_runs (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  audit_seq INTEGER NOT NULL,
  computed_at TEXT NOT NULL,
  pairs INTEGER NOT NULL,
  millis REAL NOT NULL
) STRICT;

CREATE TABLE duplicate_decisions (
  incident_a TEXT NOT NULL,
  incident_b TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('not_duplicate', 'merged')),
  note TEXT,
  decided_by TEXT,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (incident_a, incident_b),
  CHECK (incident_a < incident_b)
) STRICT;

CREATE TABLE duplicate_merges (
  id TEXT PRIMARY KEY,
  survivor_id TEXT NOT NULL,
  absorbed_id TEXT NOT NULL,
  survivor_code TEXT NOT NULL,
  absorbed_code TEXT NOT NULL,
  absorbed_rowid INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER,
  summary_json TEXT NOT NULL CHECK (json_valid(summary_json)),
  merged_by TEXT NOT NULL,
  merged_at TEXT NOT NULL
) STRICT;
CREATE INDEX duplicate_merges_survivor ON duplicate_merges(survivor_id);
`,
};
