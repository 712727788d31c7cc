/**
 * Codecs: how archive columns become model fields and back. A codec reads the raw text of its
 * columns into typed values (flagging what the editor would refuse) and writes typed values back
 * as the archive spells them. The importer keeps a column's raw text with the record only when
 * writing back would not reproduce it, so every value round-trips exactly (see record.ts).
 */
import { BELLIGERENT_NAMES, invert } from './vocab';

export type Cell = string | number | null;

/** A problem with one value of a row, before it is placed in a file and line. */
export interface Flag {
  kind: string;
  field: string;
  value: string | null;
  reason: string;
}

export interface Codec {
  /** Archive columns read, in this order. */
  columns: readonly string[];
  /** Model fields set, in this order. */
  fields: readonly string[];
  /** Typed values for `fields`; pushes a flag for each value the editor would refuse. */
  read(raw: readonly string[], flags: Flag[]): Cell[];
  /** Archive text for `columns`. */
  write(values: readonly Cell[]): string[];
  /** The same for a one-column codec, without arrays (the import's hot path). */
  one?: { read(raw: string, flags: Flag[]): Cell; write(value: Cell): string };
}

const INT = /^-?\d+$/;
export const one = (c: string, f: string, read: (raw: string, flags: Flag[]) => Cell, write: (v: Cell) => string): Codec => ({
  columns: [c],
  fields: [f],
  read: (raw, flags) => [read(raw[0]!, flags)],
  write: (v) => [write(v[0] ?? null)],
  one: { read, write },
});

export function text(column: string, field: string): Codec {
  return one(column, field, (r) => (r === '' ? null : r), (v) => (v === null ? '' : String(v)));
}

/** Text that may not be null in the model: blank stays '' and is flagged. */
export function requiredText(column: string, field: string, map: Record<string, string> = {}): Codec {
  const back = invert(map);
  return one(
    column,
    field,
    (r, flags) => {
      if (r === '') flags.push({ kind: 'missing_value', field: column, value: r, reason: `${column} is blank` });
      return map[r] ?? r;
    },
    (v) => (v === null ? '' : (back[String(v)] ?? String(v))),
  );
}

export function belligerentName(column: string, field: string): Codec {
  return requiredText(column, field, BELLIGERENT_NAMES);
}

export function integer(column: string, field: string, bounds: { min?: number; max?: number } = {}): Codec {
  return one(
    column,
    field,
    (r, flags) => {
      if (r === '') return null;
      if (!INT.test(r)) {
        flags.push({ kind: 'not_a_number', field: column, value: r, reason: `${column} is not a whole number; kept as written` });
        return null;
      }
      const n = Number(r);
      if ((bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max)) {
        flags.push({ kind: 'out_of_range', field: column, value: r, reason: `${column} is outside ${bounds.min ?? '…'}–${bounds.max ?? '…'}; kept as written` });
        return null;
      }
      return n;
    },
    (v) => (v === null ? '' : String(v)),
  );
}

/** A min/max pair; a minimum above its maximum is kept and flagged. */
export function range(minColumn: string, maxColumn: string, field: string): Codec {
  const lo = integer(minColumn, `${field}_min`);
  const hi = integer(maxColumn, `${field}_max`);
  return {
    columns: [minColumn, maxColumn],
    fields: [`${field}_min`, `${field}_max`],
    read(raw, flags) {
      const [min] = lo.read([raw[0]!], flags);
      const [max] = hi.read([raw[1]!], flags);
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        flags.push({ kind: 'min_above_max', field: maxColumn, value: raw[1]!, reason: `maximum (${max}) is below minimum (${min}); kept as it stands` });
      }
      return [min ?? null, max ?? null];
    },
    write: (v) => [...lo.write([v[0] ?? null]), ...hi.write([v[1] ?? null])],
  };
}

/** A word from a vocabulary; blank reads as `blank`, an unknown word as `unknown` (flagged). */
export function vocabulary(column: string, field: string, words: Record<string, string>, opts: { blank?: Cell; unknown?: Cell } = {}): Codec {
  const back = invert(words);
  return one(
    column,
    field,
    (r, flags) => {
      if (r === '') {
        if (opts.blank !== undefined && opts.blank !== null) flags.push({ kind: 'missing_value', field: column, value: r, reason: `${column} is blank; read as ${opts.blank}` });
        return opts.blank ?? null;
      }
      const v = words[r];
      if (v !== undefined) return v;
      flags.push({ kind: 'unknown_value', field: column, value: r, reason: `${column} "${r}" is not a known value; kept as written` });
      return opts.unknown ?? null;
    },
    (v) => (v === null ? '' : (back[String(v)] ?? '')),
  );
}

/** "True" or blank. */
export function flag(column: string, field: string): Codec {
  return one(
    column,
    field,
    (r, flags) => {
      if (r === 'True') return 1;
      if (r !== '' && r !== 'False') flags.push({ kind: 'unknown_value', field: column, value: r, reason: `${column} "${r}" is neither True nor blank; read as no` });
      return 0;
    },
    (v) => (v === 1 ? 'True' : ''),
  );
}

