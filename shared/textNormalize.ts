/**
 * Search normalisation: the same text whatever the spelling habits of the person who typed it.
 *
 * Arabic: أ إ آ ٱ → ا, ى ی → ي, ة → ه, ؤ → و, ئ → ي, ک → ك; tashkeel (U+064B–U+0652, U+0670),
 * combining maddah/hamza (U+0653–U+0655) and tatweel (U+0640) are dropped; Arabic-Indic and
 * Persian digits become 0–9. Latin: NFKD, combining marks stripped, lower case.
 *
 * Applied to the query here, and to the indexed text by the SQL of migration 0003 (which folds
 * the Arabic part with the same table; SQLite's unicode61 tokenizer folds case and Latin
 * accents). A test keeps the two in step.
 */

/** Characters replaced one for one (Arabic letter variants and digits). */
export const CHAR_FOLDS: readonly (readonly [from: string, to: string])[] = [
  ['\u0623', '\u0627'], // أ → ا
  ['\u0625', '\u0627'], // إ → ا
  ['\u0622', '\u0627'], // آ → ا
  ['\u0671', '\u0627'], // ٱ → ا
  ['\u0649', '\u064A'], // ى → ي
  ['\u06CC', '\u064A'], // ی (Persian yeh) → ي
  ['\u0629', '\u0647'], // ة → ه
  ['\u0624', '\u0648'], // ؤ → و
  ['\u0626', '\u064A'], // ئ → ي
  ['\u06A9', '\u0643'], // ک (Persian kaf) → ك
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x0660 + d), String(d)] as const),
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x06f0 + d), String(d)] as const),
];

/** Characters dropped: tashkeel, superscript alef, combining maddah and hamzas, tatweel, joiners. */
export const DROPPED_CHARS: readonly string[] = [
  ...Array.from({ length: 0x0655 - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)),
  '\u0670',
  '\u0640',
  '\u200C',
  '\u200D',
];

const FOLD_MAP = new Map<string, string>(CHAR_FOLDS.map(([a, b]) => [a, b]));
const DROP_SET = new Set(DROPPED_CHARS);
const COMBINING = /\p{M}/u;
const ARABIC_BLOCK = /^[\u0600-\u06FF]$/;

/** Normalise one character (a code point); '' when it is dropped. */
function foldChar(ch: string): string {
  if (DROP_SET.has(ch)) return '';
  const folded = FOLD_MAP.get(ch);
  if (folded !== undefined) return folded;
  // The Arabic block is folded by the table alone, exactly as the index's SQL does.
  if (ARABIC_BLOCK.test(ch)) return ch;
  let out = '';
  for (const part of ch.normalize('NFKD')) {
    if (!COMBINING.test(part)) out += part;
  }
  return out.toLowerCase();
}

/** The searchable form of `text`. */
export function normalizeSearchText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * The searchable form of `text` with, for each of its UTF-16 units, the index in `text` of the
 * character it came from (plus a final entry for the end), so that a match found in the
 * normalised form can be shown in the original.
 */
export function normalizeWithMap(text: string): { normalized: string; map: number[] } {
  let normalized = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) map.push(i);
    normalized += folded;
    i += ch.length;
  }
  map.push(text.length);
  return { normalized, map };
}

const TERM = /[\p{L}\p{N}]+/gu;
const ARABIC = /[\u0600-\u06FF]/;
const ARTICLE = '\u0627\u0644'; // ال after normalisation

/** The words of a query, normalised, in order, without repeats. */
export function searchTerms(query: string): string[] {
  return [...new Set(normalizeSearchText(query).match(TERM) ?? [])];
}

export function isArabicTerm(term: string): boolean {
  return ARABIC.test(term);
}

/** Words Arabic writes joined to the next word: and, so, with/in, for, like. */
const PROCLITICS = ['', '\u0648', '\u0641', '\u0628', '\u0644', '\u0643'];

/**
 * The spellings one query word stands for: itself, and for an Arabic word the same word with
 * or without the definite article ال and the joined particles و ف ب ل ك in front, since
 * people type "موصل" for "الموصل" and "عائلته" for "وعائلته".
 */
export function termVariants(term: string): string[] {
  if (!isArabicTerm(term)) return [term];
  const base = term.startsWith(ARTICLE) && term.length > ARTICLE.length + 1 ? term.slice(ARTICLE.length) : term;
  const out = new Set<string>([term]);
  for (const p of PROCLITICS) {
    out.add(p + base);
    // ل + ال is written لل.
    out.add(p === '\u0644' ? `\u0644\u0644${base}` : p + ARTICLE + base);
  }
  return [...out];
}

/**
 * An FTS5 MATCH expression for the query: every word must appear (any field of the record),
 * each as a word prefix, each in any of its spellings. Null when the query has no word.
 */
export function ftsQuery(query: string): string | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      const alts = termVariants(t).map((v) => `"${v.replace(/"/g, '""')}"*`);
      return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
    })
    .join(' AND ');
}

export interface TextMatch {
  /** Ranges [start, end) in the original text that matched a query word. */
  ranges: [number, number][];
}

/**
 * Where the query's words occur in `text`, as word prefixes, in the original text's positions.
 * Used to say which field of a record matched, and to highlight it.
 */
export function findMatches(text: string, terms: readonly string[]): [number, number][] {
  if (!text || terms.length === 0) return [];
  const { normalized, map } = normalizeWithMap(text);
  const variants = terms.flatMap(termVariants);
  const ranges: [number, number][] = [];
  for (const word of normalized.matchAll(TERM)) {
    const start = word.index;
    const w = word[0];
    let best = 0;
    for (const v of variants) if (v.length > best && w.startsWith(v)) best = v.length;
    if (best > 0) ranges.push([map[start]!, map[start + best] ?? text.length]);
  }
  return ranges;
}

export interface Snippet {
  text: string;
  /** Ranges [start, end) of `text` to highlight. */
  highlights: [number, number][];
  /** Whether text was cut before and after. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** A window of at most `width` characters around the first match, with its highlights. */
export function makeSnippet(text: string, ranges: readonly [number, number][], width = 180): Snippet {
  if (text.length <= width) return { text, highlights: [...ranges], cutStart: false, cutEnd: false };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  start = Math.max(0, end - width);
  // Do not cut a word in two where a space is near.
  const space = text.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && start - space < 15) start = space + 1;
  const highlights = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a - start, b - start]);
  return { text: text.slice(start, end), highlights, cutStart: start > 0, cutEnd: end < text.length };
}
