import { describe, expect, it } from 'vitest';
import { draftKey, readDraft, removeDraft, writeDraft } from './draftStore';
import { formPath, toEditorValues, toNumberOrNull, valuesKey } from './editorForm';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('drafts', () => {
  it('are kept per case file and incident, and read back as written', () => {
    const s = memoryStorage();
    const key = draftKey('case-1', 'inc-9');
    expect(key).not.toBe(draftKey('case-2', 'inc-9'));
    expect(draftKey('case-1', null)).toMatch(/:new$/);
    const draft = { values: { incident: { placeAr: 'الرقة' } }, savedAt: '2024-01-01T00:00:00Z', baseUpdatedAt: null };
    expect(writeDraft(key, draft, s)).toBe(true);
    expect(readDraft(key, s)).toEqual(draft);
    removeDraft(key, s);
    expect(readDraft(key, s)).toBeNull();
  });

  it('survive broken storage without throwing', () => {
    const s = memoryStorage();
    s.setItem('k', '{not json');
    expect(readDraft('k', s)).toBeNull();
    const full = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } } as Storage;
    expect(writeDraft('k', { values: 1, savedAt: '', baseUpdatedAt: null }, full)).toBe(false);
  });
});

describe('editor form helpers', () => {
  it('put server issue paths on the form’s fields', () => {
    expect(formPath('incident', { path: 'code', message: 'taken' })).toBe('incident.code');
    expect(formPath('incident', { path: 'incident.casualties.killed.max', message: 'x' })).toBe('incident.casualties.killed.max');
    expect(formPath('victims', { path: 'victims.1.age', message: 'x' })).toBe('victims.1.age');
    expect(formPath('incident', { path: '', message: 'x' })).toBeNull();
  });

  it('read numbers as typed, blank as unknown', () => {
    expect(toNumberOrNull('')).toBeNull();
    expect(toNumberOrNull(' 12 ')).toBe(12);
    expect(Number.isNaN(toNumberOrNull('twelve'))).toBe(true);
  });

  it('see no change between blank and unknown', () => {
    const v = toEditorValues(null);
    expect(valuesKey(v)).toBe(valuesKey({ ...v, incident: { ...v.incident, placeEn: '' } }));
    expect(valuesKey(v)).not.toBe(valuesKey({ ...v, incident: { ...v.incident, placeEn: 'x' } }));
  });
});
