/**
 * Schema v4: grading and review.
 * - `audit_log.signer_id`: the person whose key signed the entry (`signature` holds the base64
 *   Ed25519 signature of the entry's hash). Both NULL for entries written without a profile
 *   (the demo seed, CLI imports without --as): those are reported as unsigned, not broken.
 * - `grade_history`: who graded (person id), the suggested grade's basis and reasons, whether
 *   the grade differs from the suggestion (flagged for review), and the evidence it rested on.
 * - `review_decisions` becomes the incident's workflow thread: submit, approve, request
 *   changes, grade, publish, reopen, each with who, when, the comment, and the status it moved
 *   the incident from and to. Rebuilt to widen its CHECK; the rows of v1 are kept as they were.
 * - Indexes for the reviewer's queue and for the dashboard's figures (covering, see below).
 */
import type { Migration } from './index';

export const migration0004: Migration = {
  version: 4,
  name: 'review',
  sql: `
ALTER TABLE audit_log ADD COLUMN signer_id TEXT;

ALTER TABLE grade_history ADD COLUMN graded_by_id TEXT;
ALTER TABLE grade_history ADD COLUMN suggestion_basis TEXT;
ALTER TABLE grade_history ADD COLUMN suggestion_reasons_json TEXT;
ALTER TABLE grade_history ADD COLUMN differs_from_suggestion INTEGER CHECK (differs_from_suggestion IN (0, 1));
ALTER TABLE grade_history ADD COLUMN evidence_json TEXT;

CREATE TABLE review_decisions_v4 (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  reviewer TEXT NOT NULL,
  reviewer_id TEXT,
  decision TEXT NOT NULL CHECK (decision IN ('submit', 'approve', 'request_changes', 'grade', 'publish', 'reopen')),
  comment TEXT,
  from_status TEXT,
  to_status TEXT,
  assignee_id TEXT,
  decided_at TEXT NOT NULL
) STRICT;
INSERT INTO review_decisions_v4 (id, incident_id, reviewer, decision, comment, decided_at)
  SELECT id, incident_id, reviewer, decision, comment, decided_at FROM review_decisions;
DROP TABLE review_decisions;
ALTER TABLE review_decisions_v4 RENAME TO review_decisions;
CREATE INDEX review_decisions_incident ON review_decisions(incident_id, decided_at);

-- The reviewer's queue: incidents in a status, by assignee.
CREATE INDEX incidents_status_assignee ON incidents(status, assignee_id);

-- The dashboard (stats:get, stats:monthly): every column its sums and common filters read, so
-- they scan this narrow index instead of the wide incident rows (summary, notes, extra_json).
CREATE INDEX incidents_stats ON incidents(
  grade, date_start, country, killed_min, killed_max, injured_min, injured_max,
  children_killed_min, children_killed_max, women_killed_min, women_killed_max,
  men_killed_min, men_killed_max, id);
-- Named victims, counted per incident for the headline (a name in any script).
CREATE INDEX victims_named ON victims(incident_id)
  WHERE trim(coalesce(name_latin, '')) <> '' OR trim(coalesce(name_local, '')) <> '';
`,
};
