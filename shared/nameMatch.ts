/**
 * Personal names compared across spellings and scripts, for victim reconciliation.
 *
 * Every name is folded with the search normalisation (shared/textNormalize.ts: alef and hamza
 * forms, taa marbuta, alef maqsura, diacritics, Latin accents and case), then cut into tokens:
 *   - connectors are dropped: Arabic بن ابن بنت, Latin bin ibn ben bn bint;
 *   - the article is dropped: Arabic ال in front of a word, Latin al/el/ul as a word or
 *     al-/el-/ar-/as-/ad-/… (the sun-letter forms) in front of one;
 *   - compounds are one token: عبد/abd/abdul/abdel… and ابو/abu/abou/abo with the word after
 *     (so "Abd al-Rahman", "Abdulrahman" and "Abdel Rahman" are one name, and "Abu Ahmed" is
 *     not "Ahmed").
 * Each token then has two comparable forms:
 *   - `canon`, a Latin transliteration key: digraphs folded (kh→x, sh/ch→S, gh→G, dh→d, th→t,
 *     ph→f, dj→j), q→k, c→k, g→j, doubled letters collapsed, each run of vowels reduced to its
 *     class (u if it holds o or u, else a), a final h after a vowel dropped. Mohammed,
 *     Muhammad, Mohamed and Mohamad all give "muhamad"; Mahmoud gives "mahmud".
 *     For Arabic tokens `canon` is the folded Arabic itself.
 *   - `skel`, a consonant skeleton both scripts reach: vowels (and w/y inside a word) dropped,
 *     an initial vowel (or ا/ع) kept as "a", a final h dropped, Arabic letters mapped to the
 *     Latin consonants they are usually written with (محمد → mhmd, Mohammed → mhmd). It is
 *     coarser than `canon` (Mahmoud and Mohammed share "mhmd") and used for blocking and for
 *     comparing a name in one script with a name in the other.
 */
import { normalizeSearchText } from './textNormalize';

export interface NameToken {
  canon: string;
  skel: string;
  arabic: boolean;
}

const ARABIC = /[\u0600-\u06FF]/;
const LATIN_CONNECTORS = new Set(['bin', 'ibn', 'ben', 'bn', 'bint', 'binti', 'walad', 'ould']);
const ARABIC_CONNECTORS = new Set(['بن', 'ابن', 'بنت']);
const LATIN_ARTICLES = new Set(['al', 'el', 'ul', 'il']);
/** English words of descriptions ("daughter of …", "a mother from the family of …"). */
const ENGLISH_STOPWORDS = new Set(['of', 'the', 'a', 'an', 'and', 'from', 'his', 'her', 'their', 'in', 'with', 'via', 'to']);
/** Names longer than this are descriptions; only their first words are used for blocking. */
const BLOCKING_TOKENS = 6;
const ARTICLE_PREFIX = /^(al|el|ul|il|ar|er|as|es|ad|ed|at|et|an|en|az|ez|ash|esh|adh|ath)-/;
const ABD = /^abd(ul|el|al|ol|il|u|e|o)?$/;
const ABD_PREFIX = /^abd(ul|el|al|ol|il|ur|ar|er|us|as|un|an|u)?(?=[^aeiou])/;
const ABU = new Set(['abu', 'abou', 'abo', 'aboo', 'abi']);
const ARABIC_ARTICLE = 'ال';

/** Arabic letters (after folding) to the Latin consonant they are usually written with. */
const ARABIC_TO_LATIN: Record<string, string> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'x', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'S',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'G', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  و: 'w', ي: 'y', ا: 'a', ع: 'a', ء: 'a',
};

const collapse = (s: string) => s.replace(/(.)\1+/g, '$1');

function latinCanon(word: string): string {
  let w = word
    .replace(/kh/g, 'x')
    .replace(/sh|ch/g, 'S')
    .replace(/gh/g, 'G')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/dj/g, 'j')
    .replace(/q/g, 'k')
    .replace(/c/g, 'k')
    .replace(/g/g, 'j')
    .replace(/v/g, 'w');
  w = collapse(w);
  // y is a consonant at the start (Yusuf) and between vowels (Ziyad, Layan), else a vowel
  // (Husayn, Zaynab).
  w = [...w].map((ch, i) => (ch === 'y' && i > 0 && !(/[aeiou]/.test(w[i - 1]!) && /[aeiou]/.test(w[i + 1] ?? '')) ? 'i' : ch)).join('');
  w = w.replace(/[aeiou]+/g, (run) => (/[ou]/.test(run) ? 'u' : 'a'));
  if (w.length > 2 && /[au]h$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The consonant skeleton of a Latin canon form. */
function latinSkel(canon: string): string {
  const first = /^[au]/.test(canon) ? 'a' : canon.charAt(0);
  let rest = canon.slice(1).replace(/[auwy]/g, '');
  if (rest.endsWith('h')) rest = rest.slice(0, -1);
  return collapse(first + rest);
}

function arabicSkel(word: string): string {
  const letters = [...word].map((ch) => ARABIC_TO_LATIN[ch] ?? '');
  const first = letters[0] ?? '';
  let rest = letters
    .slice(1)
    .filter((l) => !['a', 'w', 'y'].includes(l))
    .join('');
  if (rest.endsWith('h')) rest = rest.slice(0, -1);
  return collapse(first + rest);
}

function stripArabicArticle(w: string): string {
  return w.startsWith(ARABIC_ARTICLE) && w.length > ARABIC_ARTICLE.length + 1 ? w.slice(ARABIC_ARTICLE.length) : w;
}

/** Raw words of a name, folded, with connectors and articles gone and compounds joined. */
export function nameWords(name: string | null | undefined): string[] {
  if (!name) return [];
  // ASCII folds to its lower case (the search normalisation does nothing else to it).
  const folded = (/^[ -~]*$/.test(name) ? name.toLowerCase() : normalizeSearchText(name)).replace(/['’ʿʾ`´‘]/g, '');
  const raw = folded.match(/[\p{L}\p{N}-]+/gu) ?? [];
  const words: string[] = [];
  for (const r of raw) {
    for (const part of r.replace(ARTICLE_PREFIX, '').split('-')) {
      if (!part) continue;
      if (ARABIC.test(part)) {
        // "بنت …" at the start is what the record says of her (daughter of …), not a connector.
        if (ARABIC_CONNECTORS.has(part) && words.length > 0) continue;
        words.push(part === 'عبد' || part === 'ابو' || part === 'ابي' ? part : stripArabicArticle(part));
      } else {
        if ((LATIN_CONNECTORS.has(part) && words.length > 0) || LATIN_ARTICLES.has(part) || ENGLISH_STOPWORDS.has(part)) continue;
        words.push(part);
      }
    }
  }
  // Join عبد / abd… and ابو / abu… with the word after.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && (w === 'عبد' || w === 'ابو' || w === 'ابي')) {
      out.push(w + next);
      i++;
    } else if (next !== undefined && ABD.test(w)) {
      out.push(`abd${next}`);
      i++;
    } else if (next !== undefined && ABU.has(w)) {
      out.push(`abu${next}`);
      i++;
    } else {
      out.push(w.replace(ABD_PREFIX, 'abd'));
    }
  }
  return out;
}

export function nameTokens(name: string | null | undefined): NameToken[] {
  return nameWords(name).map((w) => {
    if (ARABIC.test(w)) {
      const canon = w.replace(/^عبدال/, 'عبد');
      return { canon, skel: arabicSkel(canon), arabic: true };
    }
    const canon = latinCanon(w);
    return { canon, skel: latinSkel(canon), arabic: false };
  });
}

export type TokenMatch = 'exact' | 'spelling' | 'script';

/** How two tokens match: same canonical form, same skeleton in one script, or across scripts. */
export function tokenMatch(a: NameToken, b: NameToken): TokenMatch | null {
  if (a.arabic === b.arabic) {
    if (a.canon === b.canon) return 'exact';
    return a.skel === b.skel && a.skel.length >= 3 ? 'spelling' : null;
  }
  return a.skel === b.skel && a.skel.length >= 2 ? 'script' : null;
}

const WEIGHT: Record<TokenMatch, number> = { exact: 1, spelling: 0.6, script: 0.8 };
/**
 * The given name says most about who someone is: two siblings share every name but the first,
 * and Zaid and Ziyad (زيد, زياد) share a skeleton. A given name matched only loosely lowers
 * the whole score.
 */
const GIVEN_NAME_FACTOR: Record<TokenMatch, number> = { exact: 1, script: 0.9, spelling: 0.75 };

export interface NameComparison {
  /** 0–1: weighted matched tokens over the tokens of both names (Dice). */
  score: number;
  matched: number;
  /** Every token of the shorter name found in the longer. */
  contained: boolean;
  /**
   * The first words (the given names) match. Arabic names run given name, father's name,
   * grandfather's, family: "Ahmed Mohammed Ali" contains "Mohammed Ali", who is his father.
   */
  firstMatches: boolean;
  kinds: TokenMatch[];
}

/** Compare two token lists, order-insensitive, each token used once. */
export function compareNames(a: NameToken[], b: NameToken[]): NameComparison {
  if (a.length === 0 || b.length === 0) return { score: 0, matched: 0, contained: false, firstMatches: false, kinds: [] };
  const used = new Set<number>();
  const kinds: TokenMatch[] = [];
  let weight = 0;
  for (const ta of a) {
    let best: { j: number; kind: TokenMatch } | null = null;
    b.forEach((tb, j) => {
      if (used.has(j)) return;
      const kind = tokenMatch(ta, tb);
      if (kind && (!best || WEIGHT[kind] > WEIGHT[best.kind])) best = { j, kind };
    });
    if (best) {
      const { j, kind } = best as { j: number; kind: TokenMatch };
      used.add(j);
      kinds.push(kind);
      weight += WEIGHT[kind];
    }
  }
  const matched = kinds.length;
  const given = tokenMatch(a[0]!, b[0]!);
  return {
    score: ((2 * weight) / (a.length + b.length)) * (given ? GIVEN_NAME_FACTOR[given] : 1),
    matched,
    contained: matched === Math.min(a.length, b.length),
    firstMatches: given !== null,
    kinds,
  };
}

/**
 * Blocking keys of a name: each unordered pair of its tokens' skeletons. Two names that share
 * two matching tokens share a key, so only records with a key in common are ever compared.
 */
export function blockingKeys(tokens: NameToken[]): string[] {
  const skels = [...new Set(tokens.slice(0, BLOCKING_TOKENS).map((t) => t.skel).filter((s) => s.length >= 2))].sort();
  const keys: string[] = [];
  for (let i = 0; i < skels.length; i++) for (let j = i + 1; j < skels.length; j++) keys.push(`${skels[i]} ${skels[j]}`);
  return keys;
}
