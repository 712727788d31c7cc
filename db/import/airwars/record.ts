/**
 * One archive row ⇄ one record's typed values plus the raw text that must be kept with it.
 *
 * Reading: every codec reads its columns; where writing the typed values back would not give
 * the same text (a grade written as two grades, "01", an unknown word), the raw text is kept in
 * extra_json under its column name. Columns without a home are kept there when not blank.
 * Writing: each codec writes the record's current values, but gives back the kept raw text
 * whenever that text still reads as the current values, i.e. unless a person changed them.
 * An `*_ar` twin of an English column that was changed is written blank rather than stale.
 */
import type { Cell, Codec, Flag } from './codecs';
import { fieldsOf, twinOf, type FileLayout } from './layout';
import { NAMESPACE } from './tables';

export type Values = Record<string, Cell>;
export type Extra = Record<string, string>;

interface BoundCodec {
  codec: Codec;
  /** Each column's index in the file's header (-1: the file lacks it). */
  idx: number[];
  /** Each field's position in the row being read. */
  pos: number[];
  /** Each column's JSON key prefix in extra_json. */
  key: string[];
  /** Index of each column's `*_ar` twin in the file (-1: none): such raw text is always kept. */
  twin: number[];
}

export interface BoundLayout {
  layout: FileLayout;
  /** The fields a row is read into (the table's columns, then virtual fields). */
  fields: readonly string[];
  codecs: BoundCodec[];
  /** Columns kept as they are: in layout order, then the file's unknown columns. */
  kept: { column: string; idx: number; key: string }[];
  /** Layout columns the file lacks (read as blank). */
  missing: string[];
  /** File columns the layout does not know (kept in extra_json; export writes the layout only). */
  unknown: string[];
  /** Index of each column of the file's header. */
  index: ReadonlyMap<string, number>;
  extraPos: number;
}

const jsonKey = (column: string) => `${JSON.stringify(column)}:`;

export function bindLayout(layout: FileLayout, header: readonly string[], skip: readonly string[] = []): BoundLayout {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const at = (c: string) => index.get(c) ?? -1;
  const fields = fieldsOf(layout);
  const homed = new Set(layout.codecs.flatMap((c) => c.columns));
  const known = new Set(layout.header);
  const kept = [...layout.header.filter((c) => !homed.has(c) && !skip.includes(c)), ...header.filter((h) => !known.has(h) && h !== '')]
    .filter((column, i, all) => at(column) >= 0 && all.indexOf(column) === i)
    .map((column) => ({ column, idx: at(column), key: jsonKey(column) }));
  const twins = new Map<string, number>();
  for (const { column, idx } of kept) {
    const english = twinOf(layout, column);
    if (english) twins.set(english, idx);
  }
  return {
    layout,
    fields,
    codecs: layout.codecs.map((codec) => ({
      codec,
      idx: codec.columns.map(at),
      pos: codec.fields.map((f) => {
        const p = fields.indexOf(f);
        if (p < 0) throw new Error(`${layout.file}: field ${f} is not a column of ${layout.table}`);
        return p;
      }),
      key: codec.columns.map(jsonKey),
      twin: codec.columns.map((c) => twins.get(c) ?? -1),
    })),
    kept,
    missing: layout.header.filter((c) => !index.has(c)),
    unknown: header.filter((h) => !known.has(h) && h !== ''),
    index,
    extraPos: fields.indexOf('extra_json'),
  };
}

/**
 * Read one row into `row` (positions of `bound.fields`), its extra_json included; `prefix` holds
 * JSON members (`"key":value`) to put first in extra_json. Flags are pushed to `flags`.
 */
export function readRow(bound: BoundLayout, fields: readonly string[], flags: Flag[], row: Cell[], prefix: string[] = []): void {
  // Members joined once at the end: a flat string, not a deep chain of concatenations.
  const json = prefix;
  for (const c of bound.codecs) {
    const one = c.codec.one;
    if (one) {
      const i = c.idx[0]!;
      const raw = i >= 0 ? (fields[i] ?? '') : '';
      const v = one.read(raw, flags);
      row[c.pos[0]!] = v;
      const t = c.twin[0]!;
      if (i >= 0 && ((t >= 0 && (raw !== '' || (fields[t] ?? '') !== '')) || one.write(v) !== raw)) json.push(c.key[0] + JSON.stringify(raw));
      continue;
    }
    const raw = c.idx.map((i) => (i >= 0 ? (fields[i] ?? '') : ''));
    const typed = c.codec.read(raw, flags);
    for (let f = 0; f < c.pos.length; f++) row[c.pos[f]!] = typed[f] ?? null;
    const back = c.codec.write(typed);
    for (let k = 0; k < raw.length; k++) {
      if (c.idx[k]! < 0) continue;
      const t = c.twin[k]!;
      if ((t >= 0 && (raw[k] !== '' || (fields[t] ?? '') !== '')) || back[k] !== raw[k]) json.push(c.key[k] + JSON.stringify(raw[k]));
    }
  }
  for (const k of bound.kept) {
    const v = fields[k.idx] ?? '';
    if (v !== '') json.push(k.key + JSON.stringify(v));
  }
  if (bound.extraPos >= 0) row[bound.extraPos] = `{"${NAMESPACE}":{${json.join(',')}}}`;
}

/** The raw text an imported row keeps, from its extra_json (empty for rows made in the app). */
export function extraOf(extraJson: unknown): Extra {
  if (typeof extraJson !== 'string') return {};
  try {
    const inner = (JSON.parse(extraJson) as Record<string, unknown> | null)?.[NAMESPACE];
    return inner && typeof inner === 'object' ? (inner as Extra) : {};
  } catch {
    return {};
  }
}

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

interface WritePlan {
  /** Per header column: [codec index, column index within it], or -1 for a kept column. */
  slots: ([number, number] | -1)[];
  /** Per header column: the header index of the English column it translates, or -1. */
  twins: number[];
}
const plans = new WeakMap<FileLayout, WritePlan>();

function planOf(layout: FileLayout): WritePlan {
  let plan = plans.get(layout);
  if (!plan) {
    const slot = new Map<string, [number, number]>();
    layout.codecs.forEach((codec, i) => codec.columns.forEach((c, k) => slot.set(c, [i, k])));
    plan = {
      slots: layout.header.map((c) => slot.get(c) ?? -1),
      twins: layout.header.map((c) => {
        const twin = slot.has(c) ? null : twinOf(layout, c);
        return twin ? layout.header.indexOf(twin) : -1;
      }),
    };
    plans.set(layout, plan);
  }
  return plan;
}

/** Write a record back as one archive row, in the layout's column order. */
export function writeRow(layout: FileLayout, values: Values, extra: Extra, parent: Extra = {}): string[] {
  const plan = planOf(layout);
  const cells: string[][] = [];
  const edited: boolean[] = [];
  layout.codecs.forEach((codec, i) => {
    const current = codec.fields.map((f) => values[f] ?? null);
    const written = codec.write(current);
    let out = written;
    let changed = false;
    if (codec.columns.some((c) => extra[c] !== undefined)) {
      const raw = codec.columns.map((c, k) => extra[c] ?? written[k]!);
      if (sameCells(codec.read(raw, []), current)) out = raw;
      else changed = true;
    }
    cells[i] = out;
    edited[i] = changed;
  });
  const header = layout.header;
  const row = new Array<string>(header.length);
  for (let h = 0; h < header.length; h++) {
    const slot = plan.slots[h]!;
    if (slot !== -1) {
      row[h] = cells[slot[0]]![slot[1]]!;
      continue;
    }
    const twin = plan.twins[h]!;
    const twinSlot = twin >= 0 ? plan.slots[twin]! : -1;
    const col = header[h]!;
    row[h] = twinSlot !== -1 && edited[twinSlot[0]] ? '' : (extra[col] ?? parent[col] ?? '');
  }
  return row;
}
