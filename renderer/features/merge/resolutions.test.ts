import { describe, expect, it } from 'vitest';
import type { MergeConflictView } from '../../../shared/contracts/merge';
import { countResolved, isResolved, takeAll } from './resolutions';

const fields: MergeConflictView = {
  id: 'incidents/1',
  table: 'incidents',
  key: '1',
  label: 'incident X',
  kind: 'fields',
  fields: [
    { column: 'summary', base: 'a', mine: 'b', theirs: 'c' },
    { column: 'killed_min', base: 1, mine: 2, theirs: 3 },
  ],
};
const deleted: MergeConflictView = { ...fields, id: 'victims/2', kind: 'deleted_theirs', fields: [] };

describe('merge resolutions', () => {
  it('needs every conflicting field, or a whole-record choice', () => {
    expect(isResolved(fields, undefined)).toBe(false);
    expect(isResolved(fields, { fields: { summary: { pick: 'mine' } } })).toBe(false);
    expect(isResolved(fields, { fields: { summary: { pick: 'mine' }, killed_min: { pick: 'edit', value: '4' } } })).toBe(true);
    expect(isResolved(deleted, { fields: {} })).toBe(false);
    expect(isResolved(deleted, { record: 'theirs' })).toBe(true);
  });

  it('takes one side for everything', () => {
    const all = takeAll([fields, deleted], 'theirs');
    expect(countResolved([fields, deleted], all)).toBe(2);
    expect(all['incidents/1']!.fields!.killed_min).toEqual({ pick: 'theirs' });
    expect(all['victims/2']).toEqual({ record: 'theirs' });
  });
});
