/**
 * Strike matching's hot queries: the review queue (incidents with pending candidates) and the
 * strike-report list filtered by belligerent. The lead renumbers this migration at merge time.
 */
import type { Migration } from './index';

export const migrationStrikes: Migration = {
  version: 10,
  name: 'strikes',
  sql: `
CREATE INDEX strike_matches_pending ON strike_matches(incident_id, score) WHERE decision = 'pending';
CREATE INDEX strike_reports_belligerent ON strike_reports(belligerent COLLATE NOCASE, report_date);
`,
};
