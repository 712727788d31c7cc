import { describe, expect, it } from 'vitest';
import {
  findMatches,
  ftsQuery,
  makeSnippet,
  normalizeSearchText,
  normalizeWithMap,
  searchTerms,
  termVariants,
} from '../../shared/textNormalize';

describe('normalizeSearchText: Arabic as investigators type it', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['مصطفى', 'مصطفي'],
    ['فاطمة', 'فاطمه'],
    ['مؤمن', 'مومن'],
    ['هيئة', 'هييه'],
    ['عائشة', 'عايشه'],
    ['مُحَمَّد', 'محمد'],
    ['سـوريـا', 'سوريا'],
    ['الرَّقَّة', 'الرقه'],
    ['قرآن', 'قران'],
    ['٢٠١٧', '2017'],
    ['۱۳۹۶', '1396'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('gives every spelling of one name the same form', () => {
    const spellings = ['مُحَمَّد', 'محمد', 'محـمـد', 'مُحمّد'];
    expect(new Set(spellings.map(normalizeSearchText)).size).toBe(1);
    const raqqa = ['الرقة', 'الرقه', 'الرَّقَّة', 'الرقـة'];
    expect(new Set(raqqa.map(normalizeSearchText)).size).toBe(1);
  });

  it('folds Latin case and accents, composed or not', () => {
    expect(normalizeSearchText('Ḥalab ÉCOLE Deir ez-Zōr')).toBe('halab ecole deir ez-zor');
    expect(normalizeSearchText('Cafe\u0301')).toBe(normalizeSearchText('Café'));
    expect(normalizeSearchText('ﬁle')).toBe('file');
  });

  it('keeps a map from the normalised text back to the original', () => {
    const text = 'قُتل مُحَمَّد';
    const { normalized, map } = normalizeWithMap(text);
    expect(normalized).toBe('قتل محمد');
    const start = normalized.indexOf('محمد');
    expect(text.slice(map[start]!, map[start + 4])).toBe('مُحَمَّد');
    expect(text.slice(map[0]!, map[3])).toBe('قُتل');
    expect(map[normalized.length]).toBe(text.length);
  });
});

describe('queries', () => {
  it('splits a query into normalised words, once each', () => {
    expect(searchTerms('  Raqqa, الرَّقَّة raqqa!! ')).toEqual(['raqqa', 'الرقه']);
    expect(searchTerms('— … ')).toEqual([]);
  });

  it('stands an Arabic word for itself with and without the article and the joined particles', () => {
    expect(termVariants('موصل')).toEqual(expect.arrayContaining(['موصل', 'الموصل', 'والموصل', 'بالموصل', 'للموصل', 'وموصل']));
    expect(termVariants('الموصل')).toEqual(expect.arrayContaining(['الموصل', 'موصل', 'والموصل']));
    expect(termVariants('الموصل')[0]).toBe('الموصل');
    expect(termVariants('mosul')).toEqual(['mosul']);
  });

  it('builds an FTS5 expression that needs every word, as prefixes, quoting what FTS5 would read as syntax', () => {
    expect(ftsQuery('mosul strike')).toBe('"mosul"* AND "strike"*');
    expect(ftsQuery('الموصل')).toMatch(/^\("الموصل"\* OR "موصل"\* OR .*"والموصل"\*.*\)$/);
    expect(ftsQuery('NEAR AND OR')).toBe('"near"* AND "and"* AND "or"*');
    expect(ftsQuery('"*:^')).toBeNull();
  });
});

describe('matches and snippets', () => {
  it('finds word prefixes in the original text, whatever its spelling', () => {
    const text = 'Airstrike on الرَّقَّة, near al-Mashlab';
    const ranges = findMatches(text, searchTerms('رقة mash'));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['الرَّقَّة', 'Mash']);
  });

  it('does not match inside a word', () => {
    expect(findMatches('Kobani', ['ban'])).toEqual([]);
  });

  it('cuts a long text around the first match and keeps highlights aligned', () => {
    const text = `${'word '.repeat(100)}Raqqa ${'more '.repeat(100)}`;
    const snippet = makeSnippet(text, findMatches(text, ['raqqa']), 80);
    expect(snippet.text.length).toBeLessThanOrEqual(80);
    expect(snippet.cutStart && snippet.cutEnd).toBe(true);
    const [a, b] = snippet.highlights[0]!;
    expect(snippet.text.slice(a, b)).toBe('Raqqa');
  });
});
