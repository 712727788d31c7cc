import { describe, expect, it } from 'vitest';
import { filterSearch, filterToParams, listInput, parseFilter, parseOffset, parseSort } from './filters';

describe('URL filters', () => {
  it('reads every filter field from the search params', () => {
    const p = new URLSearchParams(
      'grade=confirmed&grade=ungraded&status=draft,published&belligerent=Coalition&country=Syria&code=CS&from=2017-01-01&to=2017-12-31',
    );
    expect(parseFilter(p)).toEqual({
      grade: ['confirmed', 'ungraded'],
      status: ['draft', 'published'],
      belligerent: 'Coalition',
      country: 'Syria',
      codePrefix: 'CS',
      from: '2017-01-01',
      to: '2017-12-31',
    });
  });

  it('reads and writes the data-problems filter', () => {
    expect(parseFilter(new URLSearchParams('problems=yes'))).toEqual({ hasProblems: true });
    expect(parseFilter(new URLSearchParams('problems=no'))).toEqual({ hasProblems: false });
    expect(parseFilter(new URLSearchParams('problems=perhaps'))).toEqual({});
    expect(filterToParams({ hasProblems: true }).toString()).toBe('problems=yes');
  });

  it('reads and writes the workbench filters: governorate, located or not, assigned to me', () => {
    const p = new URLSearchParams('governorate=Raqqa&located=no&assigned=me');
    expect(parseFilter(p)).toEqual({ governorate: 'Raqqa', hasCoordinates: false, assignedTo: 'me' });
    expect(parseFilter(new URLSearchParams('located=maybe'))).toEqual({});
    const filter = { governorate: 'Idlib', hasCoordinates: true, assignedTo: 'me' };
    expect(filterToParams(filter).toString()).toBe('governorate=Idlib&located=yes&assigned=me');
    expect(parseFilter(filterToParams(filter))).toEqual(filter);
  });

  it('drops unknown grades and statuses, duplicates and blank text', () => {
    const p = new URLSearchParams('grade=Fair&grade=fair&grade=bogus&status=nope&country=%20%20&code=');
    expect(parseFilter(p)).toEqual({ grade: ['fair'] });
  });

  it('round-trips a filter through the URL, keeping the params that are not filters', () => {
    const filter = { grade: ['weak' as const], status: ['in_review' as const], belligerent: 'Russia', from: '2016-01-01' };
    const params = filterToParams(filter, new URLSearchParams('sort=killed&dir=desc&grade=fair'));
    expect(params.get('sort')).toBe('killed');
    expect(params.getAll('grade')).toEqual(['weak']);
    expect(parseFilter(params)).toEqual(filter);
  });

  it('carries only the filter between pages', () => {
    expect(filterSearch(new URLSearchParams('grade=fair&sort=code&dir=asc&offset=200'))).toBe('?grade=fair');
    expect(filterSearch(new URLSearchParams('offset=100'))).toBe('');
  });

  it('reads sort and paging, falling back to newest first on the first page', () => {
    expect(parseSort(new URLSearchParams('sort=killed&dir=desc'))).toEqual({ column: 'killed', direction: 'desc' });
    expect(parseSort(new URLSearchParams('sort=nonsense&dir=asc'))).toEqual({ column: 'date', direction: 'desc' });
    expect(parseOffset(new URLSearchParams('offset=-5'))).toBe(0);
    expect(parseOffset(new URLSearchParams('offset=1.5'))).toBe(0);
    expect(listInput(new URLSearchParams('offset=100&country=Iraq'))).toEqual({
      filter: { country: 'Iraq' },
      sort: { column: 'date', direction: 'desc' },
      offset: 100,
      limit: 100,
    });
  });
});
