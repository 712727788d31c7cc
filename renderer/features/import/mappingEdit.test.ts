import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../../shared/mappingSchema';
import { applySaved, choiceOf, KEEP, mappingProblem, setColumn, setTarget, SKIP } from './mappingEdit';

const m = (columns: Record<string, string | null>, target: 'incidents' | 'victims' = 'incidents') => columnMappingSchema.parse({ target, columns: { Ref: 'code', ...columns } });

describe('editing a column mapping', () => {
  it('moves a field from the column that had it to the one chosen', () => {
    const next = setColumn(m({ Date: 'dateStart' }), 'When', 'dateStart');
    expect(next.columns).toEqual({ Ref: 'code', When: 'dateStart' });
    expect(choiceOf(next, 'Date')).toBe(KEEP);
  });

  it('keeps or leaves out a column', () => {
    const next = setColumn(setColumn(m({ Date: 'dateStart' }), 'Date', SKIP), 'Notes', KEEP);
    expect(next.columns).toEqual({ Ref: 'code', Date: null });
    expect(choiceOf(next, 'Date')).toBe(SKIP);
  });

  it('drops fields the new target lacks when the target changes', () => {
    const next = setTarget(m({ Place: 'placeEn', Age: null }), 'victims');
    expect(next.columns).toEqual({ Age: null });
    expect(mappingProblem(next, ['Ref', 'Place', 'Age'])).toMatch(/incident code/);
    expect(mappingProblem(setColumn(next, 'Ref', 'incidentCode'), ['Ref'])).toBeNull();
  });

  it('applies a saved mapping to another file: its columns, then guesses for the rest', () => {
    const saved = m({ Killed: 'killed' });
    const guessed = m({ Date: 'dateStart', Killed: 'injured' });
    expect(applySaved(saved, guessed, ['Ref', 'Date', 'Killed']).columns).toEqual({ Ref: 'code', Date: 'dateStart', Killed: 'killed' });
  });
});
