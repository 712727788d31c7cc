/**
 * The Airwars archive's vocabularies, each mapped to the model of DESIGN.md. A value missing
 * from a map is kept as written (in extra_json) and flagged; see codecs.ts.
 */
import type { GeoPrecision, Grade, StrikeStatus } from '../../../shared/domain';

export const GRADE_WORDS: Record<string, Grade> = {
  Confirmed: 'confirmed',
  Fair: 'fair',
  Weak: 'weak',
  Contested: 'contested',
  Discounted: 'discounted',
};

export const STRIKE_STATUS_WORDS: Record<string, StrikeStatus> = {
  'Declared strike': 'declared',
  'Likely strike': 'likely',
  'Contested strike': 'contested',
  'Single source claim': 'single_source',
};

/**
 * `geolocation_accuracy` → precision. Several archive words fold into one precision; the archive
 * word is then kept in extra_json. "district" (larger than a subdistrict) reads as the next
 * coarser precision, governorate: a precision is never claimed finer than the archive's.
 */
export const GEO_WORDS: Record<string, GeoPrecision> = {
  exact_location: 'exact',
  exact_location_other: 'exact',
  exact_location_coalition: 'exact',
  within_1m: 'exact',
  within_100m: 'within_100m',
  street: 'street',
  nearby_landmark: 'landmark',
  neighbourhood_area: 'neighbourhood',
  village: 'village',
  town: 'town',
  city: 'city',
  subdistrict: 'subdistrict',
  district: 'governorate',
  province_governorate: 'governorate',
};

/** How each precision is written back (the archive's main word for it). */
export const GEO_WRITE: Record<GeoPrecision, string> = {
  exact: 'exact_location',
  within_100m: 'within_100m',
  street: 'street',
  landmark: 'nearby_landmark',
  neighbourhood: 'neighbourhood_area',
  village: 'village',
  town: 'town',
  city: 'city',
  subdistrict: 'subdistrict',
  governorate: 'province_governorate',
  unknown: '',
};

export const DATE_TYPE_WORDS = { date: 'day', date_range: 'range' } as const;

export const INVOLVEMENT_WORDS = { known: 'known', suspected: 'suspected' } as const;

export const POSITION_WORDS = {
  not_yet_assessed: 'not_yet_assessed',
  non_credible: 'non_credible',
  credible: 'credible',
  duplicate: 'duplicate',
  open_incident: 'open',
} as const;

export const GENDER_WORDS = { male: 'male', female: 'female' } as const;
export const AGE_GROUP_WORDS = { adult: 'adult', child: 'child' } as const;
export const HARM_WORDS = { killed: 'killed', injured: 'injured' } as const;

/** The archive's belligerent keys, shown by name; an unlisted key is shown as written. */
export const BELLIGERENT_NAMES: Record<string, string> = {
  coalition: 'U.S.-led Coalition',
  russian_forces: 'Russian forces',
  russia: 'Russia',
  syrian_regime: 'Syrian regime',
  unknown: 'Unknown',
  turkey: 'Turkey',
  syrian_democratic_forces: 'Syrian Democratic Forces',
  ypg_forces: 'YPG forces',
  israeli_forces: 'Israeli forces',
  iranian_forces: 'Iranian forces',
  free_syrian_army: 'Free Syrian Army',
  isis: 'ISIS',
  united_states: 'United States',
  iraq_government_forces: 'Iraqi government forces',
  kurdish_forces: 'Kurdish forces',
  united_kingdom: 'United Kingdom',
  rebel_forces: 'Rebel forces',
  iraq: 'Iraq',
  iraq_irregular_forces: 'Iraqi irregular forces',
  jordan: 'Jordan',
};

/** `country_ar` → the English name the app filters on; an unlisted name is kept as written. */
export const COUNTRY_NAMES: Record<string, string> = {
  'سوريا': 'Syria',
  'العراق': 'Iraq',
  'ليبيا': 'Libya',
  'اليمن': 'Yemen',
  'الصومال': 'Somalia',
  'لبنان': 'Lebanon',
  'فلسطين': 'Palestine',
  'إيران': 'Iran',
  'إسرائيل': 'Israel',
  'تركيا': 'Turkey',
};

/** Arabic month names of `source_date` ("2 مارس 2026"). */
export const ARABIC_MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
] as const;

/** Platforms named in `language_original` ("Twitter\nArabic"): a post on one is social media. */
export const SOCIAL_PLATFORMS = ['Twitter', 'Facebook', 'Telegram', 'Video', 'YouTube', 'Instagram', 'TikTok'] as const;

/** Reverse of a map whose values are unique: model value → archive word. */
export function invert<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
  const out = {} as Record<V, K>;
  for (const [k, v] of Object.entries(map) as [K, V][]) if (!(v in out)) out[v] = k;
  return out;
}
