/**
 * Reading spreadsheet cells as the mapping says: ranges ("4", "1 – 2", "1-2", "Unknown"),
 * numbers, dates in a chosen order, and words from the model's vocabularies. A cell that cannot
 * be read gives null and a flag; the importer keeps its text with the record.
 */
import { isValidIsoDate } from '../../../shared/schemas';
import { AGE_GROUPS, GENDERS, GEO_PRECISIONS, GRADES, HARMS, SOURCE_KINDS, STRIKE_STATUSES, WORKFLOW_STATUSES, WORKFLOW_LABELS } from '../../../shared/domain';
import type { ColumnMapping, RangeFormat } from '../../../shared/mappingSchema';
import { GEO_WORDS, STRIKE_STATUS_WORDS } from '../airwars/vocab';
import type { Cell, Flag } from '../airwars/codecs';

export interface RangeValue {
  min: number | null;
  max: number | null;
}

const UINT = /^\d+$/;

export function readRange(text: string, fmt: RangeFormat, field: string, flags: Flag[]): RangeValue {
  const t = text.trim();
  const unknown: RangeValue = fmt.unknownAs === 'zero' ? { min: 0, max: 0 } : { min: null, max: null };
  if (t === '' || fmt.unknownWords.some((w) => w.toLowerCase() === t.toLowerCase())) return unknown;
  if (UINT.test(t)) return fmt.single === 'exact' ? { min: Number(t), max: Number(t) } : { min: Number(t), max: null };
  let m = /^(\d+)\s*(?:-|–|—|to)\s*(\d+)$/i.exec(t);
  if (m) {
    const r = { min: Number(m[1]), max: Number(m[2]) };
    if (r.min > r.max) flags.push({ kind: 'min_above_max', field, value: text, reason: `maximum (${r.max}) is below minimum (${r.min}); kept as it stands` });
    return r;
  }
  if ((m = /^(?:at least|more than|over|>=|≥)\s*(\d+)$/i.exec(t) ?? /^(\d+)\s*\+$/.exec(t))) return { min: Number(m[1]), max: null };
  if ((m = /^(?:up to|at most|<=|≤)\s*(\d+)$/i.exec(t))) return { min: null, max: Number(m[1]) };
  flags.push({ kind: 'not_a_range', field, value: text, reason: `"${text}" is not a range such as 4, 1–2 or Unknown; kept as written` });
  return { min: null, max: null };
}

export function readNumber(text: string, field: string, flags: Flag[], opts: { integer?: boolean; min?: number; max?: number } = {}): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(n) || (opts.integer && !Number.isInteger(n))) {
    flags.push({ kind: 'not_a_number', field, value: text, reason: `"${text}" is not ${opts.integer ? 'a whole number' : 'a number'}; kept as written` });
    return null;
  }
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    flags.push({ kind: 'out_of_range', field, value: text, reason: `${text} is outside ${opts.min ?? '…'}–${opts.max ?? '…'}; kept as written` });
    return null;
  }
  return n;
}

export function readDate(text: string, format: ColumnMapping['dateFormat'], field: string, flags: Flag[]): string | null {
  const t = text.trim();
  if (t === '') return null;
  let iso: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m && format !== 'YYYY-MM-DD') {
      const [d, mo] = format === 'DD/MM/YYYY' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      iso = `${m[3]}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    }
  }
  if (!iso || !isValidIsoDate(iso)) {
    flags.push({ kind: 'invalid_date', field, value: text, reason: `"${text}" is not a date written ${format}; kept as written` });
    return null;
  }
  if (iso === '1970-01-01') flags.push({ kind: 'placeholder_date', field, value: text, reason: `${text} is a placeholder, not a real date; kept as it stands` });
  return iso;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');
const words = (list: readonly string[], more: Record<string, string> = {}) => ({ ...Object.fromEntries(list.map((w) => [w, w])), ...more });

/** Vocabularies by field: normalised word → model value. */
const VOCABULARIES: Record<string, Record<string, string>> = {
  grade: words(GRADES),
  strikeStatus: words(STRIKE_STATUSES, { ...Object.fromEntries(Object.entries(STRIKE_STATUS_WORDS).map(([k, v]) => [norm(k), v])), single_source_claim: 'single_source' }),
  geoPrecision: words(GEO_PRECISIONS, GEO_WORDS),
  status: words(WORKFLOW_STATUSES, Object.fromEntries(Object.entries(WORKFLOW_LABELS).map(([k, v]) => [norm(v), k]))),
  gender: words(GENDERS, { m: 'male', f: 'female', man: 'male', woman: 'female', boy: 'male', girl: 'female' }),
  ageGroup: words(AGE_GROUPS, { children: 'child', minor: 'child', adults: 'adult', elder: 'elderly' }),
  harm: words(HARMS, { dead: 'killed', died: 'killed', wounded: 'injured' }),
  kind: words(SOURCE_KINDS, { social: 'social_media', media: 'local_media', ngo: 'ngo_report', statement: 'belligerent_statement', witness: 'witness_interview', interview: 'witness_interview' }),
  civilianStatusContested: { yes: '1', true: '1', '1': '1', y: '1', no: '0', false: '0', '0': '0', n: '0' },
};

export function readWord(text: string, field: string, column: string, flags: Flag[]): Cell {
  const t = text.trim();
  if (t === '') return field === 'civilianStatusContested' ? 0 : null;
  const vocab = VOCABULARIES[field] ?? {};
  const v = vocab[norm(t)];
  if (v !== undefined) return field === 'civilianStatusContested' ? Number(v) : v;
  if (field === 'grade') {
    const listed = t.split(/[,;/]/).map((s) => vocab[norm(s)]).filter((x): x is string => x !== undefined);
    if (listed.length > 0) {
      flags.push({ kind: 'several_grades', field: column, value: text, reason: `the grade is written as several grades; kept as written and counted as its first listed grade, ${listed[0]}` });
      return listed[0]!;
    }
  }
  flags.push({ kind: 'unknown_value', field: column, value: text, reason: `"${text}" is not a known ${field}; kept as written` });
  return field === 'civilianStatusContested' ? 0 : null;
}
