/** Pure edits of a column mapping, as the mapping screen makes them (tested beside this file). */
import { KEY_FIELD, MAPPING_FIELDS, type ColumnMapping, type MappingTarget } from '../../../shared/mappingSchema';

/** What a column does: fill a field, stay with each record unnamed (keep), or be left out (skip). */
export type ColumnChoice = { field: string } | 'keep' | 'skip';

export const KEEP = '__keep';
export const SKIP = '__skip';

export function choiceOf(m: ColumnMapping, header: string): string {
  const spec = m.columns[header];
  if (spec === undefined) return KEEP;
  if (spec === null) return SKIP;
  return typeof spec === 'string' ? spec : spec.field;
}

/** Set what one column does; a field taken by another column moves to this one. */
export function setColumn(m: ColumnMapping, header: string, value: string): ColumnMapping {
  const columns = { ...m.columns };
  if (value === KEEP) delete columns[header];
  else if (value === SKIP) columns[header] = null;
  else {
    for (const [h, spec] of Object.entries(columns)) {
      const f = spec === null ? null : typeof spec === 'string' ? spec : spec.field;
      if (h !== header && f === value) delete columns[h];
    }
    columns[header] = value;
  }
  return { ...m, columns };
}

/** Change what the rows are; columns whose field the new target lacks go back to "keep". */
export function setTarget(m: ColumnMapping, target: MappingTarget): ColumnMapping {
  const fields = MAPPING_FIELDS[target];
  const columns: ColumnMapping['columns'] = {};
  for (const [h, spec] of Object.entries(m.columns)) {
    const f = spec === null ? null : typeof spec === 'string' ? spec : spec.field;
    if (f === null || f in fields) columns[h] = spec;
  }
  return { ...m, target, columns };
}

/** Why this mapping cannot be imported yet (null: it can). */
export function mappingProblem(m: ColumnMapping, headers: readonly string[]): string | null {
  const key = KEY_FIELD[m.target];
  const keyed = Object.entries(m.columns).some(([h, s]) => headers.includes(h) && s !== null && (typeof s === 'string' ? s : s.field) === key);
  return keyed ? null : `Choose the column that holds the ${MAPPING_FIELDS[m.target][key]!.label.toLowerCase()}: every row is matched by it.`;
}

/** A saved mapping applied to a file: its columns this file has, plus the file's own guesses for the rest. */
export function applySaved(saved: ColumnMapping, guessed: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const columns: ColumnMapping['columns'] = {};
  for (const h of headers) {
    if (h in saved.columns) columns[h] = saved.columns[h]!;
  }
  let m: ColumnMapping = { ...saved, columns };
  if (saved.target === guessed.target) {
    for (const h of headers) if (!(h in columns) && h in guessed.columns) m = setColumn(m, h, choiceOfSpec(guessed.columns[h]!));
    // A guess never takes a field the saved mapping already fills.
    m = { ...m, columns: { ...m.columns, ...columns } };
  }
  return m;
}

function choiceOfSpec(spec: ColumnMapping['columns'][string]): string {
  return spec === null ? SKIP : typeof spec === 'string' ? spec : spec.field;
}
