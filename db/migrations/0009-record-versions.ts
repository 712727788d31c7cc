/**
 * Schema v7: per-record versioning for merging bundles (docs/bundles.md).
 * A record's lineage is derived from the audit trail (every state an entry gave it) plus the
 * versions a merge adopted from a colleague's bundle, which are kept here: `after_seq` is the
 * audit head when they were adopted (they come before the merge's own entries in the lineage),
 * `row_json` the row as the bundle held it when the merged result differed from it (so it can
 * serve as the common version of a later merge). Run bookkeeping: written through
 * Writer.journal, in the merge's own transaction, not audited.
 */
import type { Migration } from './index';

export const migrationRecordVersions: Migration = {
  version: 9,
  name: 'record-versions',
  sql: `
CREATE TABLE record_versions (
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  version TEXT NOT NULL,
  after_seq INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  row_json TEXT CHECK (row_json IS NULL OR json_valid(row_json)),
  bundle_sha256 TEXT NOT NULL,
  PRIMARY KEY (entity, entity_key, version)
) STRICT;
`,
};
