/**
 * Reading one strike-log line's fields: which column is which (guessed from the header when not
 * given), and dates as belligerents write them. Pure helpers of db/crossref/strikeCsv.ts.
 */
import { STRIKE_CSV_FIELDS, type StrikeCsvField } from '../../shared/strikeSchemas';

/** Header words that name each field, tried in this order (the first column that fits wins). */
const GUESSES: Record<StrikeCsvField, RegExp> = {
  mgrs: /\b(mgrs|grid)/i,
  latitude: /^(lat|latitude)\b|\blatitude\b/i,
  longitude: /^(lon|lng|long|longitude)\b|\blongitude\b/i,
  date: /\b(date|day|when)\b/i,
  placeText: /\b(place|location|near|town|city|site|area|village)\b/i,
  target: /\btarget/i,
  url: /\b(url|link|address|href)\b/i,
  belligerent: /\b(belligerent|actor|force|forces|party|military|country)\b/i,
  text: /\b(text|description|report|summary|details|statement|narrative)\b/i,
};

const norm = (h: string) => h.replace(/[_\-.]+/g, ' ').trim();

/** The column of each field: the mapping given, completed by guesses from the header. */
export function guessMapping(header: string[], given: Partial<Record<StrikeCsvField, string>> = {}): Partial<Record<StrikeCsvField, string>> {
  const out: Partial<Record<StrikeCsvField, string>> = { ...given };
  const taken = new Set(Object.values(given));
  const order: StrikeCsvField[] = ['mgrs', 'latitude', 'longitude', 'date', 'target', 'url', 'belligerent', 'placeText', 'text'];
  for (const field of order) {
    if (out[field]) continue;
    const exact = header.find((h) => !taken.has(h) && norm(h).toLowerCase() === field.toLowerCase());
    const col = exact ?? header.find((h) => !taken.has(h) && GUESSES[field].test(norm(h)));
    if (col !== undefined) {
      out[field] = col;
      taken.add(col);
    }
  }
  return out;
}

export function unknownFields(mapping: Record<string, string>): string[] {
  return Object.keys(mapping).filter((k) => !(STRIKE_CSV_FIELDS as readonly string[]).includes(k));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const month = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};

/**
 * A date as strike logs write it: 2017-03-21 (a time after it is ignored), 2017/03/21,
 * 21 March 2017, March 21, 2017, Mar. 21 2017. Numeric day/month orders (03/04/2017) are
 * ambiguous and refused with a message saying how to write them.
 */
export function parseLogDate(raw: string): { ok: true; date: string } | { ok: false; message: string } {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ok: true, date: d } : { ok: false, message: `"${s}" is not a real date` };
  }
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m && month(m[2]!)) {
    const d = iso(Number(m[3]), month(m[2]!)!, Number(m[1]));
    return d ? { ok: true, date: d } : { ok: false, message: `"${s}" is not a real date` };
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && month(m[1]!)) {
    const d = iso(Number(m[3]), month(m[1]!)!, Number(m[2]));
    return d ? { ok: true, date: d } : { ok: false, message: `"${s}" is not a real date` };
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(s)) {
    return { ok: false, message: `"${s}" could be day/month or month/day: write it YYYY-MM-DD` };
  }
  return { ok: false, message: `"${s}" is not a date this import reads: write it YYYY-MM-DD (or e.g. 21 March 2017)` };
}
