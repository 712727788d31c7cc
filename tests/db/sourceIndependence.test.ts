import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../db/casefile';
import { suggestionFor } from '../../db/gradeEvidence';
import { call } from '../../db/handlers';
import { jaccard, repeatSuggestions, shingles } from '../../db/repeatSuggestions';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';

const fields = {
  kind: 'local_media', outlet: null, author: null, url: null, archiveUrl: null, language: 'English',
  publishedDate: null, accessedDate: null, title: null, excerptOriginal: null, excerptTranslation: null,
  credibilityNotes: null, sensitivePersonal: false, sensitiveGraphic: false,
} as const;

type Text = 'outlet' | 'title' | 'url' | 'publishedDate' | 'excerptOriginal';
function source(cf: CaseFile, incidentId: string, v: Partial<Record<Text, string | null>>) {
  return call(cf, 'sources:create', { incidentIds: [incidentId], source: { ...fields, ...v }, allowDuplicate: true });
}

const EXCERPT =
  'Local activists said that warplanes struck the market in the village at noon, killing seven civilians including three children and wounding a dozen more, and that rescue teams were still searching the rubble.';

describe('grading counts independent sources only, and says so', () => {
  it('leaves a repeat out, resolves chains to the original, and explains the count', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', { incident: incidentInput({ strikeStatus: 'likely' }) });
    const halab = source(cf, inc.id, { outlet: 'Halab Today', title: 'Strike on the market', publishedDate: '2017-03-17' });
    const smart = source(cf, inc.id, { outlet: 'SMART News', title: 'Warplanes hit the market' });
    const repost = source(cf, inc.id, { outlet: 'Aleppo 24', title: 'Repost' });
    expect(suggestionFor(cf, inc.id).evidence.independentSources).toBe(3);

    call(cf, 'sources:markRepeat', { sourceId: repost.id, originalId: halab.id });
    let { evidence, suggestion } = suggestionFor(cf, inc.id);
    expect(evidence).toMatchObject({ independentSources: 2, sourcesLogged: 3 });
    expect(suggestion.grade).toBe('fair');
    expect(suggestion.reasons).toContain(
      '3 sources logged, 2 independent: 1 repeats Halab Today. A repeat (a repost or wire copy) counts only as the source it copies.',
    );

    // SMART News repeats the repost: the chain ends at Halab Today, one voice.
    call(cf, 'sources:markRepeat', { sourceId: smart.id, originalId: repost.id });
    ({ evidence, suggestion } = suggestionFor(cf, inc.id));
    expect(evidence.independentSources).toBe(1);
    expect(suggestion.grade).toBe('weak');
    expect(suggestion.reasons.join('\n')).toMatch(/3 sources logged, 1 independent: 2 repeat Halab Today/);

    call(cf, 'sources:unmarkRepeat', { sourceId: smart.id });
    call(cf, 'sources:unmarkRepeat', { sourceId: repost.id });
    ({ evidence, suggestion } = suggestionFor(cf, inc.id));
    expect(evidence.independentSources).toBe(3);
    expect(suggestion.reasons.join('\n')).not.toMatch(/logged/);
  });

  it('counts a repeat of a source logged elsewhere as that original, once', () => {
    const cf = tempCaseFile();
    const a = call(cf, 'incidents:create', { incident: incidentInput({ code: 'A' }) });
    const b = call(cf, 'incidents:create', { incident: incidentInput({ code: 'B' }) });
    const original = source(cf, a.id, { outlet: 'Step News' });
    const copy = source(cf, b.id, { outlet: 'Wire copy' });
    source(cf, b.id, { outlet: 'Other outlet' });
    call(cf, 'sources:markRepeat', { sourceId: copy.id, originalId: original.id });
    expect(suggestionFor(cf, b.id).evidence.independentSources).toBe(2);
  });

  it('audits marking and unmarking, and refuses a loop or a source repeating itself without writing', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', { incident: incidentInput() });
    const a = source(cf, inc.id, { outlet: 'A' });
    const b = source(cf, inc.id, { outlet: 'B' });
    const marked = call(cf, 'sources:markRepeat', { sourceId: b.id, originalId: a.id });
    expect(marked.repeats?.id).toBe(a.id);
    expect(marked.original?.id).toBe(a.id);
    expect(call(cf, 'sources:independence', { id: a.id }).repeatedBy.map((s) => s.id)).toEqual([b.id]);
    const entry = call(cf, 'audit:list', { entityId: b.id, limit: 1 }).entries[0]!;
    expect(entry).toMatchObject({ entity: 'sources', action: 'update', reason: 'Marked as repeating A' });
    const before = snapshot(cf);
    expect(() => call(cf, 'sources:markRepeat', { sourceId: a.id, originalId: b.id })).toThrow(/loop/);
    expect(() => call(cf, 'sources:markRepeat', { sourceId: a.id, originalId: a.id })).toThrow(/cannot repeat itself/);
    expect(snapshot(cf)).toEqual(before);
    call(cf, 'sources:unmarkRepeat', { sourceId: b.id });
    expect(call(cf, 'audit:list', { entityId: b.id, limit: 1 }).entries[0]!.reason).toBe('No longer marked as a repeat');
  });
});

describe('likely repeats', () => {
  it('suggests the same capture, the same address once normalised, and near-identical excerpts, with reasons', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', { incident: incidentInput() });
    const a = source(cf, inc.id, { outlet: 'A', url: 'https://www.example.org/news/1?utm_source=x', publishedDate: '2017-03-17' });
    const b = source(cf, inc.id, { outlet: 'B', url: 'http://example.org/news/1/', publishedDate: '2017-03-18' });
    const c = source(cf, inc.id, { outlet: 'C', excerptOriginal: EXCERPT, publishedDate: '2017-03-17' });
    const d = source(cf, inc.id, { outlet: 'D', excerptOriginal: `Reuters: ${EXCERPT} The report could not be verified.` });
    const e = source(cf, inc.id, {
      outlet: 'E',
      excerptOriginal: 'Residents told us the market was hit by two strikes in the afternoon; they named seven dead, among them children of one family.',
    });
    const f = source(cf, inc.id, { outlet: 'F' });
    const bytes = Buffer.from('the same screenshot').toString('base64');
    call(cf, 'captures:add', { sourceId: e.id, fileName: 'shot.png', mimeType: 'image/png', dataBase64: bytes });
    call(cf, 'captures:add', { sourceId: f.id, fileName: 'copy.png', mimeType: 'image/png', dataBase64: bytes });

    // A source's own suggestions (indexed look-ups) are the case-wide ones that involve it.
    const pairKey = (x: { repeat: { id: string }; original: { id: string }; reasons: { kind: string }[] }) =>
      `${x.repeat.id}>${x.original.id}:${x.reasons.map((r) => r.kind).join('+')}`;
    const caseWide = repeatSuggestions(cf);
    expect(caseWide).toHaveLength(3);
    for (const s of [a, b, c, d, e, f]) {
      const own = call(cf, 'sources:independence', { id: s.id }).suggestions.map(pairKey).sort();
      expect(own, s.outlet ?? s.id).toEqual(caseWide.filter((x) => x.repeat.id === s.id || x.original.id === s.id).map(pairKey).sort());
    }

    const forB = call(cf, 'sources:independence', { id: b.id }).suggestions;
    expect(forB).toHaveLength(1);
    expect(forB[0]).toMatchObject({ original: { id: a.id }, repeat: { id: b.id }, reasons: [{ kind: 'url' }] });

    const forD = call(cf, 'sources:independence', { id: d.id }).suggestions;
    expect(forD).toHaveLength(1);
    expect(forD[0]!.original.id).toBe(c.id);
    expect(forD[0]!.similarity).toBeGreaterThan(0.7);
    expect(forD[0]!.reasons[0]!.text).toMatch(/Near-identical excerpts/);
    // Another account of the same strike, in its own words, is not a repeat.
    expect(call(cf, 'sources:independence', { id: c.id }).suggestions.map((s) => s.repeat.id)).not.toContain(e.id);

    const forF = call(cf, 'sources:independence', { id: f.id }).suggestions;
    expect(forF.map((s) => s.reasons[0]!.kind)).toEqual(['capture']);

    // Marked: no longer suggested. Dismissed: not suggested again.
    call(cf, 'sources:markRepeat', { sourceId: b.id, originalId: a.id });
    expect(call(cf, 'sources:independence', { id: b.id }).suggestions).toEqual([]);
    call(cf, 'sources:dismissRepeat', { sourceId: f.id, otherId: e.id });
    expect(call(cf, 'sources:independence', { id: f.id }).suggestions).toEqual([]);
    expect(cf.db.prepare('SELECT count(*) AS n FROM repeat_dismissals').get()).toEqual({ n: 1 });
  });

  it('measures excerpt similarity on word 3-shingles of the normalised text', () => {
    expect(jaccard(shingles(EXCERPT), shingles(EXCERPT.toUpperCase()))).toBe(1);
    expect(shingles('too short to compare')).toEqual(new Set());
    const reworded = EXCERPT.replace('warplanes', 'aircraft').replace('dozen', 'score');
    const j = jaccard(shingles(EXCERPT), shingles(reworded));
    expect(j).toBeGreaterThan(0.5);
    expect(j).toBeLessThan(1);
  });

  it('finds an original by title, outlet or address', () => {
    const cf = tempCaseFile();
    const inc = call(cf, 'incidents:create', { incident: incidentInput() });
    const a = source(cf, inc.id, { outlet: 'Halab Today', title: 'Strike on the market' });
    const b = source(cf, inc.id, { outlet: 'Other' });
    expect(call(cf, 'sources:findOriginal', { query: 'halab', excludeId: b.id }).sources.map((s) => s.id)).toEqual([a.id]);
    expect(call(cf, 'sources:findOriginal', { query: 'halab', excludeId: a.id }).sources).toEqual([]);
    expect(call(cf, 'sources:findOriginal', { query: '100%' }).sources).toEqual([]);
  });
});
