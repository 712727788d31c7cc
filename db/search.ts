/**
 * Search across incidents, sources and victims with the FTS5 index of migration 0003.
 * The query is normalised like the index (shared/textNormalize.ts); every word must occur in
 * the record, as a word prefix. Each result says which of its fields matched, with the words
 * highlighted in the text as it was written.
 */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { findMatches, ftsQuery, makeSnippet, searchTerms } from '../shared/textNormalize';
import { SEARCH_KINDS, type IncidentRef, type SearchKind, type SearchResult } from '../shared/workbenchSchemas';
import type { Row } from './audit';
import type { CaseFile } from './casefile';
import { refreshSearchIndex } from './searchIndex';
import { writesLocked } from './writeLock';
import { rowToIncidentRef } from './sourceRows';

type Output = ChannelOutput<'search:query'>;

/** The searchable fields of each kind, with the label a person reads. */
export const SEARCH_FIELDS: Record<SearchKind, readonly (readonly [column: string, label: string])[]> = {
  incident: [
    ['code', 'Code'],
    ['previous_codes', 'Earlier code'],
    ['place_en', 'Place'],
    ['place_ar', 'Place (Arabic)'],
    ['district', 'District'],
    ['governorate', 'Governorate'],
    ['summary', 'Summary'],
    ['internal_notes', 'Internal notes'],
  ],
  source: [
    ['title', 'Title'],
    ['outlet', 'Outlet'],
    ['author', 'Author or account'],
    ['excerpt_original', 'Excerpt (original)'],
    ['excerpt_translation', 'Excerpt (translation)'],
    ['credibility_notes', 'Credibility notes'],
  ],
  victim: [
    ['name_latin', 'Name'],
    ['name_local', 'Name (local script)'],
    ['family_group', 'Family'],
    ['notes', 'Notes'],
  ],
};

/** The SQL that reads the records of one kind by id (a JSON array of ids as the parameter). */
export const RECORD_SQL: Record<SearchKind, string> = {
  incident: `SELECT i.*,
      (SELECT group_concat(c.code, ' ') FROM incident_codes c WHERE c.incident_id = i.id) AS previous_codes
    FROM incidents i WHERE i.id IN (SELECT value FROM json_each(?))`,
  source: `SELECT s.*, (SELECT json_group_array(json_array(i.id, i.code, i.place_en, i.place_ar, i.date_start))
      FROM source_incidents si JOIN incidents i ON i.id = si.incident_id WHERE si.source_id = s.id) AS incident_refs
    FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`,
  victim: `SELECT v.*, i.code AS incident_code, i.place_en AS incident_place_en, i.place_ar AS incident_place_ar,
      i.date_start AS incident_date_start
    FROM victims v JOIN incidents i ON i.id = v.incident_id WHERE v.id IN (SELECT value FROM json_each(?))`,
};

export const COUNT_SQL = `SELECT d.entity AS entity, count(*) AS n FROM search_fts f JOIN search_docs d ON d.doc_id = f.rowid
  WHERE search_fts MATCH ? GROUP BY d.entity`;

export const HITS_SQL = `SELECT d.entity AS entity, d.entity_id AS id FROM search_fts f JOIN search_docs d ON d.doc_id = f.rowid
  WHERE search_fts MATCH @match AND d.entity IN (SELECT value FROM json_each(@kinds)) ORDER BY f.rank LIMIT @limit`;

/** Incidents whose code, or an earlier code, is exactly the query: they come first. */
export const CODE_SQL = `SELECT id FROM incidents WHERE code = @code COLLATE NOCASE
  UNION SELECT incident_id FROM incident_codes WHERE code = @code COLLATE NOCASE`;

function incidentRefsOf(kind: SearchKind, r: Row): IncidentRef[] {
  if (kind === 'incident') return [rowToIncidentRef(r)];
  if (kind === 'victim') {
    return [
      rowToIncidentRef({
        id: r.incident_id,
        code: r.incident_code,
        place_en: r.incident_place_en,
        place_ar: r.incident_place_ar,
        date_start: r.incident_date_start,
      }),
    ];
  }
  const refs = JSON.parse(String(r.incident_refs ?? '[]')) as [string, string, string | null, string | null, string | null][];
  return refs
    .map(([id, code, placeEn, placeAr, dateStart]) => ({ id, code, placeEn, placeAr, dateStart }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function titleOf(kind: SearchKind, r: Row): string {
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  if (kind === 'incident') return [s(r.code), s(r.place_en) ?? s(r.place_ar)].filter(Boolean).join(' · ');
  if (kind === 'source') return s(r.title) ?? s(r.outlet) ?? s(r.url) ?? 'Untitled source';
  return [s(r.name_latin), s(r.name_local)].filter(Boolean).join(' · ') || 'Unnamed victim';
}

function matchesOf(kind: SearchKind, r: Row, terms: string[]): SearchResult['matches'] {
  const out: SearchResult['matches'] = [];
  for (const [column, label] of SEARCH_FIELDS[kind]) {
    const text = r[column];
    if (typeof text !== 'string' || !text) continue;
    const ranges = findMatches(text, terms);
    if (ranges.length > 0) out.push({ field: column, label, snippet: makeSnippet(text, ranges) });
  }
  return out;
}

export function search(cf: CaseFile, input: ChannelParsedInput<'search:query'>): Output {
  try {
    // While an import holds the file's writes, search what is indexed rather than wait on it.
    if (!writesLocked(cf)) refreshSearchIndex(cf.db);
  } catch {
    // A read-only handle cannot catch up: search what is indexed.
  }
  const terms = searchTerms(input.query);
  const match = ftsQuery(input.query);
  const counts = { incident: 0, source: 0, victim: 0 };
  if (!match) return { query: input.query, terms, counts, results: [] };
  const kinds = input.kinds ?? [...SEARCH_KINDS];

  for (const r of cf.db.prepare(COUNT_SQL).all(match) as { entity: SearchKind; n: number }[]) counts[r.entity] = r.n;

  const hits: { entity: SearchKind; id: string }[] = [];
  if (kinds.includes('incident') && terms.length === 1) {
    for (const r of cf.db.prepare(CODE_SQL).all({ code: input.query.trim() }) as { id: string }[]) {
      hits.push({ entity: 'incident', id: r.id });
    }
  }
  const ranked = cf.db
    .prepare(HITS_SQL)
    .all({ match, kinds: JSON.stringify(kinds), limit: input.limit }) as { entity: SearchKind; id: string }[];
  for (const h of ranked) if (!hits.some((x) => x.entity === h.entity && x.id === h.id)) hits.push(h);
  hits.splice(input.limit);

  const records = new Map<string, Row>();
  for (const kind of SEARCH_KINDS) {
    const ids = hits.filter((h) => h.entity === kind).map((h) => h.id);
    if (ids.length === 0) continue;
    for (const r of cf.db.prepare(RECORD_SQL[kind]).all(JSON.stringify(ids)) as Row[]) records.set(`${kind}:${String(r.id)}`, r);
  }

  const results: SearchResult[] = [];
  for (const h of hits) {
    const r = records.get(`${h.entity}:${h.id}`);
    if (!r) continue;
    results.push({
      kind: h.entity,
      id: h.id,
      title: titleOf(h.entity, r),
      incidents: incidentRefsOf(h.entity, r),
      matches: matchesOf(h.entity, r, terms),
    });
  }
  return { query: input.query, terms, counts, results };
}
