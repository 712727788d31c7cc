/**
 * Cross-referencing decisions that must outlive a session: suggestions a person dismissed
 * ("this is not a repost of that", "not the same person"), so they are not suggested again.
 * Each pair is stored once, its two ids in order (a < b). A repeat chain's lookups by original
 * get an index (sources.repeats_source_id exists since 0001).
 */
import type { Migration } from './index';

export const migrationReconcile: Migration = {
  version: 8,
  name: 'reconcile',
  sql: `
CREATE TABLE repeat_dismissals (
  source_a TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  source_b TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  dismissed_by TEXT,
  dismissed_at TEXT NOT NULL,
  PRIMARY KEY (source_a, source_b),
  CHECK (source_a < source_b)
) STRICT;

CREATE TABLE victim_pair_dismissals (
  victim_a TEXT NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
  victim_b TEXT NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
  dismissed_by TEXT,
  dismissed_at TEXT NOT NULL,
  PRIMARY KEY (victim_a, victim_b),
  CHECK (victim_a < victim_b)
) STRICT;

CREATE INDEX sources_repeats ON sources(repeats_source_id) WHERE repeats_source_id IS NOT NULL;
`,
};
