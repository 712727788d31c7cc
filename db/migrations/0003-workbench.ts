/**
 * Schema v3: the investigator's workbench.
 *
 * - Full-text search over incidents, sources and victims. `search_docs` holds one row per
 *   record: its searchable fields joined and normalised (Arabic letter variants folded,
 *   tashkeel and tatweel dropped, see shared/textNormalize.ts); `search_fts` is an FTS5 index
 *   over it (external content), whose unicode61 tokenizer folds case and Latin accents.
 *   Triggers note every write to a searchable field in `search_dirty`, whoever makes it (the
 *   editor, the importer, a cascade), in the writer's own transaction; db/searchIndex.ts
 *   rebuilds the text of those records, in bulk, before the next search reads the index.
 *   (Rebuilding inside each write's trigger tripled the time of importing the archive: FTS5
 *   flushes at every statement savepoint.) Existing rows are indexed here.
 * - Indexes for the incidents list's filters and sorts, and for duplicate detection.
 *
 * The folding table below is frozen with this migration: changing how text is folded needs a
 * new migration that recreates the triggers and rebuilds `search_docs`. A test checks that this
 * SQL and `normalizeSearchText` agree.
 */
import type { Migration } from './index';

/** [from, to] pairs; '' drops the character. Frozen copy of shared/textNormalize.ts (v3). */
const FOLDS: readonly (readonly [string, string])[] = [
  ['\u0623', '\u0627'],
  ['\u0625', '\u0627'],
  ['\u0622', '\u0627'],
  ['\u0671', '\u0627'],
  ['\u0649', '\u064A'],
  ['\u06CC', '\u064A'],
  ['\u0629', '\u0647'],
  ['\u0624', '\u0648'],
  ['\u0626', '\u064A'],
  ['\u06A9', '\u0643'],
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x0660 + d), String(d)] as const),
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x06f0 + d), String(d)] as const),
  ...Array.from({ length: 0x0655 - 0x064b + 1 }, (_, i) => [String.fromCharCode(0x064b + i), ''] as const),
  ['\u0670', ''],
  ['\u0640', ''],
  ['\u200C', ''],
  ['\u200D', ''],
];

/** The same fold in JavaScript: registered as the SQL function casefile_fold (db/casefile.ts). */
export function foldText(text: string): string {
  return FOLDS.reduce((acc, [from, to]) => acc.split(from).join(to), text);
}

/** SQL that folds the text expression `expr` as the search index stores it. */
export function sqlFold(expr: string): string {
  return FOLDS.reduce((acc, [from, to]) => `replace(${acc}, '${from}', '${to}')`, expr);
}

/** The searchable fields of each kind of record, joined by newlines. `r` is the row's alias. */
export const joinFields = (r: string, cols: readonly string[], extra: string[] = []) =>
  `concat_ws(char(10), ${[...cols.map((c) => `${r}.${c}`), ...extra].join(', ')})`;

export const INCIDENT_SEARCH_COLUMNS = ['code', 'place_en', 'place_ar', 'district', 'governorate', 'summary', 'internal_notes'] as const;
export const SOURCE_SEARCH_COLUMNS = ['title', 'outlet', 'author', 'excerpt_original', 'excerpt_translation', 'credibility_notes'] as const;
export const VICTIM_SEARCH_COLUMNS = ['name_latin', 'name_local', 'family_group', 'notes'] as const;

const incidentDoc = (r: string) =>
  sqlFold(
    joinFields(r, INCIDENT_SEARCH_COLUMNS, [
      `(SELECT group_concat(c.code, ' ') FROM incident_codes c WHERE c.incident_id = ${r}.id)`,
    ]),
  );
const sourceDoc = (r: string) => sqlFold(joinFields(r, SOURCE_SEARCH_COLUMNS));
const victimDoc = (r: string) => sqlFold(joinFields(r, VICTIM_SEARCH_COLUMNS));

/** What one record's search text is: a view per kind, read by db/searchIndex.ts. */
const docView = (name: string, table: string, doc: (r: string) => string) =>
  `CREATE VIEW ${name} (entity_id, text) AS SELECT r.id, ${doc('r')} FROM ${table} r;`;

/** Mark a record as needing its search text rebuilt: cheap enough for a bulk import. */
const mark = (entity: string, id: string) => `INSERT OR IGNORE INTO search_dirty (entity, entity_id) VALUES ('${entity}', ${id});`;

function entityTriggers(entity: string, table: string, cols: readonly string[]): string {
  return `
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${mark(entity, 'NEW.id')} END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE OF id, ${cols.join(', ')} ON ${table} BEGIN
  ${mark(entity, 'OLD.id')} ${mark(entity, 'NEW.id')}
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN ${mark(entity, 'OLD.id')} END;`;
}

export const migration0003: Migration = {
  version: 3,
  name: 'workbench',
  sql: `
CREATE TABLE search_docs (
  doc_id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('incident', 'source', 'victim')),
  entity_id TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (entity_id, entity)
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
  text,
  content = 'search_docs',
  content_rowid = 'doc_id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, text) VALUES (NEW.doc_id, NEW.text);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', OLD.doc_id, OLD.text);
END;
CREATE TRIGGER search_docs_update AFTER UPDATE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', OLD.doc_id, OLD.text);
  INSERT INTO search_fts (rowid, text) VALUES (NEW.doc_id, NEW.text);
END;

-- Records written since the index was last brought up to date.
CREATE TABLE search_dirty (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;

${docView('search_incident_text', 'incidents', incidentDoc)}
${docView('search_source_text', 'sources', sourceDoc)}
${docView('search_victim_text', 'victims', victimDoc)}
${entityTriggers('incident', 'incidents', INCIDENT_SEARCH_COLUMNS)}
${entityTriggers('source', 'sources', SOURCE_SEARCH_COLUMNS)}
${entityTriggers('victim', 'victims', VICTIM_SEARCH_COLUMNS)}
-- An incident's earlier codes are searchable with it.
CREATE TRIGGER incident_codes_search_insert AFTER INSERT ON incident_codes BEGIN ${mark('incident', 'NEW.incident_id')} END;
CREATE TRIGGER incident_codes_search_update AFTER UPDATE ON incident_codes BEGIN
  ${mark('incident', 'OLD.incident_id')} ${mark('incident', 'NEW.incident_id')}
END;
CREATE TRIGGER incident_codes_search_delete AFTER DELETE ON incident_codes BEGIN ${mark('incident', 'OLD.incident_id')} END;

-- What the case file already holds is indexed now.
INSERT INTO search_docs (entity, entity_id, text) SELECT 'incident', entity_id, text FROM search_incident_text;
INSERT INTO search_docs (entity, entity_id, text) SELECT 'source', entity_id, text FROM search_source_text;
INSERT INTO search_docs (entity, entity_id, text) SELECT 'victim', entity_id, text FROM search_victim_text;

-- The incidents list: filters and sorts.
CREATE INDEX incidents_governorate ON incidents(governorate COLLATE NOCASE);
CREATE INDEX incidents_assignee ON incidents(assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX incidents_unlocated ON incidents(date_start) WHERE latitude IS NULL OR longitude IS NULL;
CREATE INDEX incidents_updated ON incidents(updated_at);

-- Duplicate detection: the same page logged twice, the same file captured twice.
CREATE INDEX sources_archive_url ON sources(archive_url);
CREATE INDEX source_incidents_source ON source_incidents(source_id);
`,
};
