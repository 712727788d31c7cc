import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { urlKey } from '../../db/duplicates';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';
import { sourceInput } from '../helpers/workbench';
import type { CaseFile } from '../../db/casefile';

function twoIncidents(cf: CaseFile) {
  const a = call(cf, 'incidents:create', { incident: incidentInput({ code: 'CS1' }) });
  const b = call(cf, 'incidents:create', { incident: incidentInput({ code: 'CS2' }) });
  return { a, b };
}

describe('urlKey', () => {
  it('treats cosmetic differences of an address as the same page', () => {
    const key = urlKey('https://www.Example.org/news/item/?b=2&a=1&utm_source=tw#top');
    for (const same of ['http://example.org/news/item?a=1&b=2', 'https://example.org/news/item/?a=1&b=2&fbclid=zzz', 'HTTPS://WWW.EXAMPLE.ORG/news/item?b=2&a=1']) {
      expect(urlKey(same), same).toBe(key);
    }
    expect(urlKey('https://example.org/news/other?a=1&b=2')).not.toBe(key);
    expect(urlKey('https://example.org/News/item?a=1&b=2')).not.toBe(key); // paths keep their case
    expect(urlKey('not a url')).toBeNull();
    expect(urlKey('ftp://example.org/x')).toBeNull();
  });
});

describe('sources', () => {
  it('are logged with every field, supporting several incidents, and read back as entered', () => {
    const cf = tempCaseFile();
    const { a, b } = twoIncidents(cf);
    const s = call(cf, 'sources:create', { source: sourceInput({ credibilityNotes: '  Local network, reliable before  ' }), incidentIds: [a.id, b.id] });
    expect(s).toMatchObject({
      kind: 'social_media', author: '@raqqa_sl', title: 'غارة على الرقة', excerptTranslation: 'Five civilians were killed',
      accessedDate: '2017-03-18', credibilityNotes: 'Local network, reliable before', sensitiveGraphic: true, sensitivePersonal: false,
    });
    expect(s.incidents.map((i) => i.code)).toEqual(['CS1', 'CS2']);
    expect(call(cf, 'sources:list', { incidentId: b.id }).sources.map((x) => x.id)).toEqual([s.id]);
    expect(call(cf, 'incidents:get', { id: a.id }).sources.map((x) => x.id)).toEqual([s.id]);
    const audit = call(cf, 'audit:list', { entityId: s.id });
    expect(audit.entries.map((e) => `${e.entity} ${e.action}`)).toContain('sources insert');
  });

  it('say where an address already is before logging it twice, and log it again only on purpose', () => {
    const cf = tempCaseFile();
    const { a, b } = twoIncidents(cf);
    const first = call(cf, 'sources:create', { source: sourceInput(), incidentIds: [a.id] });
    const again = sourceInput({ url: 'http://www.x.com/raqqa_sl/status/1/?utm_medium=share' });
    expect(call(cf, 'sources:findDuplicates', { url: again.url })).toEqual({
      matches: [expect.objectContaining({ reason: 'url', sourceId: first.id, matched: first.url, incidents: [expect.objectContaining({ code: 'CS1' })] })],
    });
    const before = snapshot(cf);
    const r = dispatch(cf, 'sources:create', { source: again, incidentIds: [b.id] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    expect(r.error.message).toMatch(/already in the case as “غارة على الرقة” \(CS1\)/);
    expect(r.error.issues?.[0]?.path).toBe('source.url');
    expect(snapshot(cf)).toEqual(before);
    expect(call(cf, 'sources:create', { source: again, incidentIds: [b.id], allowDuplicate: true }).id).not.toBe(first.id);
  });

  it('find an archive address logged as another source’s address, and never the source itself', () => {
    const cf = tempCaseFile();
    const s = call(cf, 'sources:create', { source: sourceInput({ archiveUrl: 'https://archive.ph/abc12' }) });
    expect(call(cf, 'sources:findDuplicates', { url: 'https://archive.ph/abc12' }).matches).toEqual([
      expect.objectContaining({ reason: 'archive_url', sourceId: s.id }),
    ]);
    expect(call(cf, 'sources:findDuplicates', { url: s.url, excludeSourceId: s.id }).matches).toEqual([]);
    // Editing a source does not find it a duplicate of itself.
    expect(call(cf, 'sources:update', { id: s.id, source: sourceInput({ title: 'Edited', archiveUrl: 'https://archive.ph/abc12' }) }).title).toBe('Edited');
  });

  it('link to another incident and unlink, each audited; linking twice changes nothing', () => {
    const cf = tempCaseFile();
    const { a, b } = twoIncidents(cf);
    const s = call(cf, 'sources:create', { source: sourceInput(), incidentIds: [a.id] });
    expect(call(cf, 'sources:link', { sourceId: s.id, incidentId: b.id }).incidents.map((i) => i.code)).toEqual(['CS1', 'CS2']);
    const before = snapshot(cf);
    call(cf, 'sources:link', { sourceId: s.id, incidentId: b.id });
    expect(snapshot(cf)).toEqual(before);
    expect(call(cf, 'sources:unlink', { sourceId: s.id, incidentId: a.id }).incidents.map((i) => i.code)).toEqual(['CS2']);
    const r = dispatch(cf, 'sources:unlink', { sourceId: s.id, incidentId: a.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuse an edit made from an outdated copy, saving nothing', () => {
    let tick = 0;
    const cf = tempCaseFile({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, tick++)).toISOString() });
    const s = call(cf, 'sources:create', { source: sourceInput() });
    call(cf, 'sources:update', { id: s.id, source: sourceInput({ title: 'First edit' }) });
    const before = snapshot(cf);
    const r = dispatch(cf, 'sources:update', { id: s.id, source: sourceInput({ title: 'Second' }), expectedUpdatedAt: s.updatedAt });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(snapshot(cf)).toEqual(before);
    expect(call(cf, 'sources:get', { id: s.id }).title).toBe('First edit');
  });

  it('refuse bad input with the field named, writing nothing', () => {
    const cf = tempCaseFile();
    const { a } = twoIncidents(cf);
    const before = snapshot(cf);
    const cases: [unknown, string][] = [
      [{ source: sourceInput({ url: 'www.example.org/x' }) }, 'source.url'],
      [{ source: sourceInput({ archiveUrl: 'file:///etc/passwd' }) }, 'source.archiveUrl'],
      [{ source: sourceInput({ publishedDate: '2017-02-30' }) }, 'source.publishedDate'],
      [{ source: sourceInput({ excerptOriginal: '', excerptTranslation: 'Only the translation' }) }, 'source.excerptOriginal'],
      [{ source: sourceInput(), incidentIds: [a.id, 'no-such-incident'] }, 'incidentIds.1'],
    ];
    for (const [input, path] of cases) {
      const r = dispatch(cf, 'sources:create', input);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.issues?.map((i) => i.path), path).toContain(path);
    }
    expect(snapshot(cf)).toEqual(before);
  });
});
