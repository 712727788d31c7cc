import { describe, expect, it } from 'vitest';
import { change } from '../../db/audit';
import { call } from '../../db/handlers';
import { sqlFold } from '../../db/migrations/0003-workbench';
import { migrate } from '../../db/casefile';
import { MIGRATIONS } from '../../db/migrations/index';
import { refreshSearchIndex, searchIndexStale } from '../../db/searchIndex';
import Database from 'better-sqlite3';
import { normalizeSearchText } from '../../shared/textNormalize';
import { incidentInput, tempCaseFile } from '../helpers/caseFiles';
import { victimInput } from '../helpers/workbench';
import type { CaseFile } from '../../db/casefile';

function seed(cf: CaseFile) {
  const raqqa = call(cf, 'incidents:create', {
    incident: incidentInput({ code: 'CS1001', placeEn: 'Raqqa', placeAr: 'الرَّقَّة', governorate: 'Raqqa', summary: 'Airstrike on a bakery in Raqqa.' }),
  });
  const mosul = call(cf, 'incidents:create', {
    incident: incidentInput({ code: 'CS1002', placeEn: 'Mosul al-Jadida', placeAr: 'الموصل الجديدة', summary: 'Strike near a school.', internalNotes: 'Check the Ḥalab witness.' }),
  });
  call(cf, 'victims:save', {
    incidentId: raqqa.id,
    victims: [victimInput({ nameLatin: 'Ahmad Mustafa', nameLocal: 'أحمد مصطفى' }), victimInput({ nameLocal: 'فاطمة الزهراء' })],
  });
  const source = call(cf, 'sources:create', {
    source: {
      kind: 'local_media', outlet: 'Raqqa is Being Slaughtered Silently', author: null, url: 'https://example.org/raqqa/1',
      archiveUrl: null, language: 'Arabic', publishedDate: '2017-03-17', accessedDate: null, title: 'مجزرة في الرقة',
      excerptOriginal: 'قُتِلَ مُحَمَّد وعائلته في غارة', excerptTranslation: 'Muhammad and his family were killed in a raid',
      credibilityNotes: null, sensitivePersonal: false, sensitiveGraphic: false,
    },
    incidentIds: [raqqa.id],
  });
  return { raqqa, mosul, source };
}

const found = (cf: CaseFile, query: string, kinds?: ('incident' | 'source' | 'victim')[]) =>
  call(cf, 'search:query', { query, ...(kinds ? { kinds } : {}) });

describe('the search index folds text exactly as the query is folded', () => {
  it('for every character of the Arabic block', () => {
    const cf = tempCaseFile();
    const fold = cf.db.prepare(`SELECT ${sqlFold('?')} AS f`);
    for (let c = 0x0600; c <= 0x06ff; c++) {
      const ch = String.fromCharCode(c);
      expect((fold.get(ch) as { f: string }).f, `U+${c.toString(16)}`).toBe(normalizeSearchText(ch));
    }
    for (const ch of ['\u0640', '\u200C', '\u200D']) expect((fold.get(`a${ch}b`) as { f: string }).f).toBe('ab');
  });
});

describe('search:query', () => {
  it.each([
    ['الرقة', 'written as stored but without tashkeel'],
    ['الرقه', 'with haa for taa marbuta'],
    ['رقة', 'without the article'],
    ['الرَّقَّـة', 'with tashkeel and tatweel'],
    ['RAQQA', 'in capitals'],
  ])('finds the incident whatever the spelling: %s (%s)', (query) => {
    const cf = tempCaseFile();
    const { raqqa } = seed(cf);
    const r = found(cf, query, ['incident']);
    expect(r.results.map((x) => x.id)).toContain(raqqa.id);
  });

  it('says which field matched and highlights the words as they were written', () => {
    const cf = tempCaseFile();
    const { raqqa } = seed(cf);
    const hit = found(cf, 'رقه', ['incident']).results.find((x) => x.id === raqqa.id)!;
    const field = hit.matches.find((m) => m.field === 'place_ar')!;
    expect(field.label).toBe('Place (Arabic)');
    const [a, b] = field.snippet.highlights[0]!;
    expect(field.snippet.text.slice(a, b)).toBe('الرَّقَّة');
    expect(hit.matches.map((m) => m.field)).not.toContain('summary'); // the summary has "Raqqa", not "رقه"
  });

  it('finds victims by name in either script, with their incident', () => {
    const cf = tempCaseFile();
    const { raqqa } = seed(cf);
    for (const q of ['احمد مصطفي', 'أحمد', 'ahmad', 'فاطمه']) {
      const r = found(cf, q, ['victim']);
      expect(r.results.length, q).toBe(1);
      expect(r.results[0]!.incidents.map((i) => i.code)).toEqual([raqqa.code]);
    }
    expect(found(cf, 'ahmad', ['victim']).results[0]!.matches[0]!.field).toBe('name_latin');
  });

  it('finds sources by title, excerpt or translation, with the incidents they support', () => {
    const cf = tempCaseFile();
    const { source } = seed(cf);
    const byExcerpt = found(cf, 'محمد عايلته', ['source']);
    expect(byExcerpt.results.map((x) => x.id)).toEqual([source.id]);
    expect(byExcerpt.results[0]!.matches.map((m) => m.field)).toEqual(['excerpt_original']);
    expect(byExcerpt.results[0]!.incidents.map((i) => i.code)).toEqual(['CS1001']);
    expect(found(cf, 'family killed', ['source']).results[0]!.matches[0]!.label).toBe('Excerpt (translation)');
  });

  it('needs every word, in any field of the record', () => {
    const cf = tempCaseFile();
    const { raqqa } = seed(cf);
    expect(found(cf, 'bakery CS1001').results.map((x) => x.id)).toEqual([raqqa.id]);
    expect(found(cf, 'bakery school').results).toEqual([]);
  });

  it('counts matches by kind and returns only the kinds asked for', () => {
    const cf = tempCaseFile();
    seed(cf);
    const r = found(cf, 'raqqa');
    expect(r.counts).toEqual({ incident: 1, source: 1, victim: 0 });
    expect(found(cf, 'raqqa', ['source']).results.every((x) => x.kind === 'source')).toBe(true);
  });

  it('searches internal notes with Latin accents folded', () => {
    const cf = tempCaseFile();
    const { mosul } = seed(cf);
    const r = found(cf, 'halab');
    expect(r.results.map((x) => x.id)).toEqual([mosul.id]);
    expect(r.results[0]!.matches[0]).toMatchObject({ field: 'internal_notes', label: 'Internal notes' });
  });

  it('puts the incident whose code is the query first, and finds earlier codes', () => {
    const cf = tempCaseFile();
    const { mosul } = seed(cf);
    call(cf, 'incidents:update', { id: mosul.id, incident: incidentInput({ code: 'CS1002', summary: 'Same event as cs1001 in some reports' }) });
    expect(found(cf, 'cs1001').results[0]!.title).toMatch(/^CS1001/);
    change(cf, 'recode', (w) => w.insert('incident_codes', { code: 'OLD-77', incident_id: mosul.id, kind: 'previous' }));
    const r = found(cf, 'OLD-77');
    expect(r.results[0]!.id).toBe(mosul.id);
    expect(r.results[0]!.matches.map((m) => m.field)).toContain('previous_codes');
  });

  it('stays correct through edits, removals and cascades, and passes the index integrity check', () => {
    const cf = tempCaseFile();
    const { raqqa, source } = seed(cf);
    call(cf, 'incidents:update', { id: raqqa.id, incident: incidentInput({ code: 'CS1001', placeEn: 'Tabqa', placeAr: 'الطبقة', governorate: 'Raqqa' }) });
    expect(found(cf, 'bakery').results).toEqual([]);
    expect(found(cf, 'طبقه').results.map((x) => x.id)).toEqual([raqqa.id]);
    call(cf, 'victims:save', { incidentId: raqqa.id, victims: [] });
    expect(found(cf, 'فاطمة').results).toEqual([]);
    change(cf, 'remove', (w) => w.remove('sources', { id: source.id }));
    expect(found(cf, 'مجزرة').results).toEqual([]);
    cf.db.exec(`DELETE FROM incidents WHERE id = '${raqqa.id}'`); // a cascade, outside change(): the index follows too
    expect(found(cf, 'طبقه').results).toEqual([]);
    expect((cf.db.prepare("SELECT count(*) AS n FROM search_docs WHERE entity_id = ?").get(raqqa.id) as { n: number }).n).toBe(0);
    expect(() => cf.db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('indexes rows written in bulk, as an import writes them', () => {
    const cf = tempCaseFile();
    change(cf, 'import', (w) =>
      w.insertRecord('rec1', [
        { table: 'incidents', columns: ['id', 'code', 'place_ar', 'created_at', 'updated_at'], rows: [['i1', 'IMP1', 'دير الزور', 'x', 'x']] },
        { table: 'victims', columns: ['id', 'incident_id', 'ord', 'name_local'], rows: [['v1', 'i1', 0, 'عائشة']] },
      ]),
    );
    expect(found(cf, 'الزور').results.map((x) => x.id)).toEqual(['i1']);
    expect(found(cf, 'عايشه').results.map((x) => x.id)).toEqual(['v1']);
  });

  it('treats FTS5 syntax in a query as plain words', () => {
    const cf = tempCaseFile();
    seed(cf);
    for (const q of ['"', 'raqqa OR', 'NEAR(', '*', 'col:raqqa', '-raqqa', '^raqqa']) {
      expect(() => found(cf, q), q).not.toThrow();
    }
    expect(found(cf, '-raqqa').counts.incident).toBe(1);
  });
});

describe('keeping the search index up to date', () => {
  it('notes every write in the writer’s own transaction, and catches up before a search', () => {
    const cf = tempCaseFile();
    const { raqqa } = seed(cf);
    expect(searchIndexStale(cf.db)).toBe(true);
    expect(refreshSearchIndex(cf.db)).toBeGreaterThan(0);
    expect(searchIndexStale(cf.db)).toBe(false);
    expect(refreshSearchIndex(cf.db)).toBe(0);
    // A failed write leaves nothing to catch up on.
    expect(() => change(cf, 'x', (w) => {
      w.update('incidents', { id: raqqa.id }, { place_en: 'Somewhere else' });
      throw new Error('changed my mind');
    })).toThrow();
    expect(searchIndexStale(cf.db)).toBe(false);
    // A write to a field that is not searched does not either.
    change(cf, 'x', (w) => w.update('incidents', { id: raqqa.id }, { killed_min: 3 }));
    expect(searchIndexStale(cf.db)).toBe(false);
    change(cf, 'x', (w) => w.update('incidents', { id: raqqa.id }, { place_en: 'Tabqa' }));
    expect(found(cf, 'tabqa').results.map((x) => x.id)).toEqual([raqqa.id]);
    expect(searchIndexStale(cf.db)).toBe(false);
  });

  it('indexes what a case file already held when it is migrated to version 3', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO incidents (id, code, place_ar, created_at, updated_at) VALUES ('old', 'OLD1', 'الرَّقَّة', 'x', 'x')").run();
    migrate(db, MIGRATIONS.slice(0, 3));
    const hit = db.prepare("SELECT d.entity_id FROM search_fts f JOIN search_docs d ON d.doc_id = f.rowid WHERE search_fts MATCH '\"الرقه\"'").all();
    expect(hit).toEqual([{ entity_id: 'old' }]);
    expect(searchIndexStale(db)).toBe(false);
    db.close();
  });

  it('rebuilds only the records written, looking each up by its key', () => {
    const cf = tempCaseFile();
    const plan = (sql: string) => (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const [entity, view, key] of [['incident', 'search_incident_text', 'incidents'], ['source', 'search_source_text', 'sources'], ['victim', 'search_victim_text', 'victims']]) {
      const p = plan(`SELECT v.entity_id, v.text FROM search_dirty x JOIN ${view} v ON v.entity_id = x.entity_id WHERE x.entity = '${entity}'`);
      expect(p, view).toMatch(new RegExp(`SEARCH r USING INDEX sqlite_autoindex_${key}_1 \\(id=\\?\\)`));
      expect(p, view).not.toMatch(/SCAN r/);
    }
  });
});
