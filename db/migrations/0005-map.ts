/**
 * Schema v5: the map.
 * - `incidents_map`: a partial covering index over the incidents that have coordinates, holding
 *   every column `map:points` reads (db/map.ts), date first. The map's query reads this index
 *   alone; a date range (the time brush) searches it, and `map:timeline` groups by month in its
 *   order. Incidents without coordinates are not in it, which keeps it small.
 */
import type { Migration } from './index';

export const migration0005: Migration = {
  version: 5,
  name: 'map',
  sql: `
CREATE INDEX incidents_map ON incidents(date_start, longitude, latitude, grade, killed_max, killed_min, geo_precision, code)
  WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
`,
};
