/**
 * Spreadsheet rows → drafts, as a column mapping reads them: each mapped column into its model
 * column(s), unmapped columns kept with the record, flags for what the editor would refuse.
 * Rows without an incident code, and second rows for the same record, are left out.
 */
import { casualtyProblems, CASUALTY_FIELDS, type Casualties, type CasualtyField } from '../../../shared/casualty';
import type { ImportProblem } from '../../../shared/importSchemas';
import { KEY_FIELD, MAPPING_FIELDS, type ColumnMapping, type MappingRead } from '../../../shared/mappingSchema';
import { CASUALTY_COLUMNS } from '../../incidentRows';
import type { Cell, Flag } from '../airwars/codecs';
import type { CsvTable } from '../csv';
import { readDate, readNumber, readRange, readWord } from './values';

/** Plain fields: mapping field → model column. */
export const FIELD_COLUMN: Record<string, string> = {
  code: 'code', dateStart: 'date_start', dateEnd: 'date_end', localTime: 'local_time', placeEn: 'place_en', placeAr: 'place_ar',
  district: 'district', governorate: 'governorate', country: 'country', latitude: 'latitude', longitude: 'longitude',
  geoPrecision: 'geo_precision', strikeType: 'strike_type', strikeStatus: 'strike_status', grade: 'grade',
  causeOfDeath: 'cause_of_death', infrastructure: 'infrastructure', summary: 'summary', internalNotes: 'internal_notes', status: 'status',
  kind: 'kind', outlet: 'outlet', author: 'author', url: 'url', archiveUrl: 'archive_url', language: 'language',
  publishedDate: 'published_date', title: 'title', excerptOriginal: 'excerpt_original', excerptTranslation: 'excerpt_translation',
  nameLatin: 'name_latin', nameLocal: 'name_local', gender: 'gender', age: 'age', ageGroup: 'age_group', harm: 'harm',
  familyGroup: 'family_group', civilianStatusContested: 'civilian_status_contested', notes: 'notes',
};

export interface MappedDraft {
  line: number;
  /** The incident code (the row's own for incidents, its incident's for sources and victims). */
  code: string;
  /** Model columns the mapping fills. */
  values: Record<string, Cell>;
  extra: Record<string, string> | null;
  flags: Flag[];
  belligerent: string | null;
  previousCodes: string[];
  /** Order within the incident as written (sources, victims), or the row's position for that code. */
  orderKey: string;
}

export interface MappedRows {
  drafts: MappedDraft[];
  leftOut: ImportProblem[];
  /** Columns kept with each record because the mapping does not name them. */
  keptColumns: string[];
  /** Model columns the mapping fills (for updates: only these are compared). */
  filled: string[];
}

function specOf(mapping: ColumnMapping, header: string): { field: string; read: MappingRead } | null {
  const spec = mapping.columns[header];
  if (spec === undefined || spec === null) return null;
  const field = typeof spec === 'string' ? spec : spec.field;
  const def = MAPPING_FIELDS[mapping.target][field];
  if (!def) return null;
  return { field, read: (typeof spec === 'string' ? undefined : spec.read) ?? def.read };
}

export function mapRows(table: CsvTable, mapping: ColumnMapping, file: string): MappedRows {
  const specs = table.header.map((h) => specOf(mapping, h));
  const keptColumns = table.header.filter((h) => h !== '' && !(h in mapping.columns));
  const filled = new Set<string>();
  const leftOut: ImportProblem[] = [];
  const drafts: MappedDraft[] = [];
  const seen = new Map<string, number>();
  const perCode = new Map<string, number>();
  const issues = new Map<number, string[]>();
  for (const i of table.issues) issues.set(i.row, [...(issues.get(i.row) ?? []), i.line === i.row ? i.message : `line ${i.line}: ${i.message}`]);
  const keyField = KEY_FIELD[mapping.target];

  for (const r of table.rows) {
    const flags: Flag[] = (issues.get(r.line) ?? []).map((m) => ({ kind: m.includes('fields where the header') ? 'ragged_row' : 'csv_syntax', field: '', value: null, reason: m }));
    const values: Record<string, Cell> = {};
    let extra: Record<string, string> | null = null;
    let code = '';
    let belligerent: string | null = null;
    let previousCodes: string[] = [];
    let order: number | null = null;
    table.header.forEach((h, i) => {
      const raw = r.fields[i] ?? '';
      const spec = specs[i];
      if (!spec) {
        if (raw !== '' && keptColumns.includes(h)) (extra ??= {})[h] = raw;
        return;
      }
      const before = flags.length;
      const { field, read } = spec;
      const text = raw.trim();
      if (field === keyField) code = text;
      else if (field === 'belligerent') belligerent = text || null;
      else if (field === 'previousCodes') previousCodes = text.split(/[,;]/).map((c) => c.trim()).filter(Boolean);
      else if (field === 'order') order = readNumber(raw, h, flags, { integer: true, min: 0 });
      else if ((CASUALTY_FIELDS as readonly string[]).includes(field.split('.')[0]!)) {
        const [base, bound] = field.split('.') as [CasualtyField, 'min' | 'max' | undefined];
        const col = CASUALTY_COLUMNS[base];
        const range = read === 'number' ? { min: readNumber(raw, h, flags, { integer: true, min: 0 }), max: null as number | null } : readRange(raw, mapping.rangeFormat, h, flags);
        if (read === 'number' && !bound) range.max = range.min;
        if (bound) values[`${col}_${bound}`] = bound === 'min' || read === 'number' ? range.min : range.max;
        else {
          values[`${col}_min`] = range.min;
          values[`${col}_max`] = range.max;
        }
      } else {
        const column = FIELD_COLUMN[field]!;
        if (read === 'number') {
          const bounds = field === 'latitude' ? { min: -90, max: 90 } : field === 'longitude' ? { min: -180, max: 180 } : field === 'age' ? { integer: true, min: 0, max: 130 } : {};
          values[column] = readNumber(raw, h, flags, bounds);
        } else if (read === 'date') values[column] = readDate(raw, mapping.dateFormat, h, flags);
        else if (read === 'word') values[column] = readWord(raw, field, h, flags);
        else values[column] = text === '' ? null : text;
      }
      if (flags.length > before && raw !== '') (extra ??= {})[h] = raw;
    });
    for (const c of Object.keys(values)) filled.add(c);
    if (code === '') {
      leftOut.push({ file, line: r.line, field: keyField, value: '', reason: `the row has no ${keyField}; it cannot be matched to a record, so it was left out`, kind: 'missing_code', code: null, leftOut: true });
      continue;
    }
    const n = (perCode.get(code) ?? 0) + 1;
    perCode.set(code, n);
    const orderKey = mapping.target === 'incidents' ? '' : order !== null ? String(order) : `#${n}`;
    const identity = `${code}\u001f${orderKey}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      const what = mapping.target === 'incidents' ? `code ${code}` : `${mapping.target.slice(0, -1)} ${orderKey} of incident ${code}`;
      leftOut.push({ file, line: r.line, field: keyField, value: code, reason: `${what} is already given by line ${first}; this row was left out`, kind: mapping.target === 'incidents' ? 'duplicate_code' : 'duplicate_order', code, leftOut: true });
      continue;
    }
    seen.set(identity, r.line);
    if (mapping.target === 'incidents') {
      values.code = code;
      checkIncident(values, flags, mapping);
    }
    drafts.push({ line: r.line, code, values, extra, flags, belligerent, previousCodes, orderKey });
  }
  return { drafts, leftOut, keptColumns, filled: [...filled] };
}

/** Cross-field rules of an incident: date order, category minimums within total maximums. */
function checkIncident(v: Record<string, Cell>, flags: Flag[], mapping: ColumnMapping): void {
  const find = (field: string) => Object.entries(mapping.columns).find(([, s]) => s === field || (s && typeof s === 'object' && s.field === field))?.[0];
  const header = (field: string) => find(field) ?? field;
  if (typeof v.date_start === 'string' && typeof v.date_end === 'string' && v.date_end < v.date_start) {
    flags.push({ kind: 'end_before_start', field: header('dateEnd'), value: v.date_end, reason: `the end date ${v.date_end} is before the start date ${v.date_start}` });
  }
  const c = Object.fromEntries(
    CASUALTY_FIELDS.map((f) => [f, { min: (v[`${CASUALTY_COLUMNS[f]}_min`] ?? null) as number | null, max: (v[`${CASUALTY_COLUMNS[f]}_max`] ?? null) as number | null }]),
  ) as Casualties;
  const mapped = (field: string) => find(field) !== undefined;
  for (const p of casualtyProblems(c)) {
    if (p.message.includes('exceeds')) {
      const field = mapped(p.field) ? header(p.field) : header(`${p.field}.min`);
      flags.push({ kind: 'category_above_total', field, value: null, reason: `${p.message}; kept as it stands` });
    } else if (p.message.includes('below minimum') && mapped(`${p.field}.max`)) {
      // A range from one column was flagged as it was read; this one came from two columns.
      flags.push({ kind: 'min_above_max', field: header(`${p.field}.max`), value: null, reason: `${p.message}; kept as it stands` });
    }
  }
}
