/**
 * Place-name matching: the same key however a place's name was spelled or transliterated.
 * Built on the search normalisation (shared/textNormalize.ts: Arabic letter variants, tashkeel,
 * tatweel; Latin accents and case), then:
 *  - punctuation, apostrophes (’ ‘ ` ʿ ʾ), hyphens and direction marks become spaces;
 *  - a leading article goes: Arabic ال (الباغوز → باغوز), Latin al/el/ar/as/ash/… (Al-Baghuz → baghuz);
 *  - the skeleton drops Latin vowels, doubled letters, spaces and word-final h, so that
 *    Baghouz, Baghuz and al-Baghuz, or Khan Sheikhoun and Khān Shaykhūn, agree.
 */
import { normalizeSearchText } from './textNormalize';

const LATIN_ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ash', 'ad', 'adh', 'az', 'at', 'ath', 'an', 'a']);
const ARABIC_ARTICLE = '\u0627\u0644';
const ARABIC = /[\u0600-\u06FF]/;

/** The words of a place name, normalised, with articles removed. */
export function placeWords(name: string): string[] {
  const words = normalizeSearchText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    const more = words.length > 1;
    if (more && LATIN_ARTICLES.has(w) && i < words.length - 1) continue;
    if (ARABIC.test(w) && w.startsWith(ARABIC_ARTICLE) && w.length > ARABIC_ARTICLE.length + 1) {
      out.push(w.slice(ARABIC_ARTICLE.length));
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The comparable form of a place name: its words, articles dropped, joined by single spaces. */
export function placeKey(name: string): string {
  return placeWords(name).join(' ');
}

/**
 * A looser form for transliterations: no spaces, Latin vowels (and y, w) dropped, q read as k,
 * dj as j, word-final h after a vowel dropped, doubled letters once.
 * Arabic keeps its letters (spaces dropped): كفر نبل and كفرنبل agree.
 */
export function placeSkeleton(name: string): string {
  return placeWords(name)
    .map((w) => {
      if (ARABIC.test(w)) return w;
      let s = w.replace(/dj/g, 'j').replace(/q/g, 'k');
      s = s.replace(/([aeiou])h$/, '$1');
      return s.replace(/[aeiouyw]/g, '').replace(/(.)\1+/g, '$1');
    })
    .join('');
}
