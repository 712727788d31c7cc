/**
 * The search views of 0003 folded text with ~45 nested replace() calls, deeper than the parser
 * stack of the stock sqlite3 command-line shell: it could no longer open a case file. The views
 * now call casefile_fold(), the same fold registered by db/casefile.ts on every connection.
 * Other SQLite clients still read every table; only these three views need Casefile.
 */
import type { Migration } from './index';
import { INCIDENT_SEARCH_COLUMNS, SOURCE_SEARCH_COLUMNS, VICTIM_SEARCH_COLUMNS, joinFields } from './0003-workbench';

const view = (name: string, table: string, text: string) =>
  `DROP VIEW ${name};
CREATE VIEW ${name} (entity_id, text) AS SELECT r.id, casefile_fold(${text}) FROM ${table} r;`;

export const migration0006: Migration = {
  version: 6,
  name: 'fold-function',
  sql: [
    view(
      'search_incident_text',
      'incidents',
      joinFields('r', INCIDENT_SEARCH_COLUMNS, [
        `(SELECT group_concat(c.code, ' ') FROM incident_codes c WHERE c.incident_id = r.id)`,
      ]),
    ),
    view('search_source_text', 'sources', joinFields('r', SOURCE_SEARCH_COLUMNS)),
    view('search_victim_text', 'victims', joinFields('r', VICTIM_SEARCH_COLUMNS)),
  ].join('\n'),
};
