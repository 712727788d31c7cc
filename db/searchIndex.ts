/**
 * Bringing the search index up to date: the records that triggers marked in `search_dirty`
 * (migration 0003) get their search text rebuilt from the views, in one bulk pass, so the FTS5
 * index is written a few statements at a time rather than one trigger per row.
 */
import type Database from 'better-sqlite3';

const KINDS = [
  ['incident', 'search_incident_text'],
  ['source', 'search_source_text'],
  ['victim', 'search_victim_text'],
] as const;

const REFRESH_SQL = [
  `DELETE FROM search_docs WHERE doc_id IN (
     SELECT d.doc_id FROM search_dirty x JOIN search_docs d ON d.entity_id = x.entity_id AND d.entity = x.entity)`,
  ...KINDS.map(
    ([entity, view]) =>
      `INSERT INTO search_docs (entity, entity_id, text)
       SELECT '${entity}', v.entity_id, v.text FROM search_dirty x JOIN ${view} v ON v.entity_id = x.entity_id
       WHERE x.entity = '${entity}'`,
  ),
  'DELETE FROM search_dirty',
];

/** Whether writes are waiting to be indexed. */
export function searchIndexStale(db: Database.Database): boolean {
  return Boolean(db.prepare('SELECT 1 FROM search_dirty LIMIT 1').get());
}

/** Rebuild the search text of every record written since the last refresh; returns how many. */
export function refreshSearchIndex(db: Database.Database): number {
  if (!searchIndexStale(db)) return 0;
  return db
    .transaction(() => {
      const n = (db.prepare('SELECT count(*) AS n FROM search_dirty').get() as { n: number }).n;
      for (const sql of REFRESH_SQL) db.prepare(sql).run();
      return n;
    })
    .immediate();
}
