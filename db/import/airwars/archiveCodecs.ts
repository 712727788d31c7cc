/**
 * The Airwars archive's own codecs: its grade, dates, location, country, Arabic source dates,
 * and "platform + language" cells. Built from the primitives of codecs.ts.
 */
import { isValidIsoDate } from '../../../shared/schemas';
import { one, type Codec, type Flag } from './codecs';
import { ARABIC_MONTHS, COUNTRY_NAMES, DATE_TYPE_WORDS, GEO_WORDS, GEO_WRITE, GRADE_WORDS, invert, SOCIAL_PLATFORMS } from './vocab';

const DECIMAL = /^-?\d+(\.\d+)?$/;

const GRADE_BACK = invert(GRADE_WORDS);

/**
 * The Airwars grade. A value listing several grades ("Contested, Discounted") is kept as written
 * and flagged; it counts as its FIRST listed grade (the rule stats and tests share).
 */
export function grade(column: string): Codec {
  return one(
    column,
    'grade',
    (r, flags) => {
      if (r === '') return null;
      const g = GRADE_WORDS[r];
      if (g) return g;
      const listed = r.split(/[,;/]/).map((s) => s.trim()).filter((s) => s !== '');
      const known = listed.map((s) => GRADE_WORDS[s]).filter((x) => x !== undefined);
      if (known.length > 0) {
        flags.push({
          kind: 'several_grades',
          field: column,
          value: r,
          reason: `the grade is written as ${listed.length} grades; kept as written and counted as its first listed grade, ${GRADE_BACK[known[0]!]}`,
        });
        return known[0]!;
      }
      flags.push({ kind: 'unknown_value', field: column, value: r, reason: `"${r}" is not a grade; the incident counts as ungraded` });
      return null;
    },
    (v) => (v === null ? '' : (GRADE_BACK[v as keyof typeof GRADE_BACK] ?? '')),
  );
}

/** Epoch day and other stand-ins for "no date". */
const PLACEHOLDER_DATES = new Set(['1970-01-01', '1900-01-01', '0000-00-00']);

/** incident_date, incident_date_end, incident_date_type_original → date_start, date_end, date_precision. */
export function incidentDate(startCol: string, endCol: string, typeCol: string): Codec {
  return {
    columns: [startCol, endCol, typeCol],
    fields: ['date_start', 'date_end', 'date_precision'],
    read(raw, flags) {
      const [s, e, t] = raw as [string, string, string];
      const date = (col: string, v: string) => {
        if (v === '') return null;
        if (isValidIsoDate(v)) return v;
        flags.push({ kind: 'invalid_date', field: col, value: v, reason: `${col} "${v}" is not a real date written YYYY-MM-DD; kept as written` });
        return null;
      };
      const start = date(startCol, s);
      const end = date(endCol, e);
      if (s === '') flags.push({ kind: 'missing_date', field: startCol, value: '', reason: 'the incident has no date' });
      if (start && PLACEHOLDER_DATES.has(start)) {
        flags.push({ kind: 'placeholder_date', field: startCol, value: s, reason: `${s} is a placeholder, not a real incident date; kept as it stands` });
      }
      if (start && end && end < start) flags.push({ kind: 'end_before_start', field: endCol, value: e, reason: `the end date ${e} is before the start date ${s}` });
      let precision: string;
      if (t === '') precision = start ? 'day' : 'unknown';
      else {
        const p = DATE_TYPE_WORDS[t as keyof typeof DATE_TYPE_WORDS];
        if (!p) flags.push({ kind: 'unknown_value', field: typeCol, value: t, reason: `date type "${t}" is not known; kept as written` });
        precision = p ?? (start ? 'day' : 'unknown');
      }
      if (precision === 'range' && !end) flags.push({ kind: 'range_without_end', field: endCol, value: e, reason: 'a date range without an end date' });
      return [start, end, precision];
    },
    write([start, end, precision]) {
      const t = precision === 'day' ? 'date' : precision === 'range' ? 'date_range' : '';
      return [start === null || start === undefined ? '' : String(start), end === null || end === undefined ? '' : String(end), t];
    },
  };
}

function coordinate(col: string, v: string, limit: number, flags: Flag[]): number | null {
  if (v === '') return null;
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (Number.isNaN(n) || Math.abs(n) > limit) {
    flags.push({ kind: 'invalid_coordinate', field: col, value: v, reason: `${col} "${v}" is not a coordinate between -${limit} and ${limit}; kept as written` });
    return null;
  }
  return n;
}

/** latitude, longitude, geolocation_accuracy → latitude, longitude, geo_precision. */
export function location(latCol: string, lonCol: string, accuracyCol: string): Codec {
  return {
    columns: [latCol, lonCol, accuracyCol],
    fields: ['latitude', 'longitude', 'geo_precision'],
    read(raw, flags) {
      const [la, lo, acc] = raw as [string, string, string];
      const lat = coordinate(latCol, la, 90, flags);
      const lon = coordinate(lonCol, lo, 180, flags);
      if ((lat === null) !== (lon === null)) {
        flags.push({ kind: 'half_coordinate', field: lat === null ? latCol : lonCol, value: lat === null ? la : lo, reason: 'only one of latitude and longitude is given' });
      }
      let precision: string | null = lat !== null || lon !== null ? 'unknown' : null;
      if (acc !== '') {
        const p = GEO_WORDS[acc];
        if (!p) flags.push({ kind: 'unknown_value', field: accuracyCol, value: acc, reason: `geolocation accuracy "${acc}" is not known; read as unknown` });
        precision = p ?? 'unknown';
      }
      return [lat, lon, precision];
    },
    write([lat, lon, p]) {
      return [lat === null ? '' : String(lat), lon === null ? '' : String(lon), p === null ? '' : (GEO_WRITE[p as keyof typeof GEO_WRITE] ?? '')];
    },
  };
}

const COUNTRY_BACK = invert(COUNTRY_NAMES);

export function country(column: string): Codec {
  return one(column, 'country', (r) => (r === '' ? null : (COUNTRY_NAMES[r] ?? r)), (v) => (v === null ? '' : (COUNTRY_BACK[String(v)] ?? String(v))));
}

/** "2 مارس 2026" (or 2026-03-02) → 2026-03-02. */
export function arabicDate(column: string, field: string): Codec {
  return one(
    column,
    field,
    (r, flags) => {
      if (r === '') return null;
      if (isValidIsoDate(r)) return r;
      const m = /^(\d{1,2}) (\S+) (\d{4})$/.exec(r);
      const month = m ? ARABIC_MONTHS.indexOf(m[2] as (typeof ARABIC_MONTHS)[number]) : -1;
      const iso = m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
      if (iso && isValidIsoDate(iso)) return iso;
      flags.push({ kind: 'invalid_date', field: column, value: r, reason: `${column} "${r}" is not a date; kept as written` });
      return null;
    },
    (v) => {
      if (v === null) return '';
      const s = String(v);
      if (!isValidIsoDate(s)) return s;
      return `${Number(s.slice(8, 10))} ${ARABIC_MONTHS[Number(s.slice(5, 7)) - 1]} ${s.slice(0, 4)}`;
    },
  );
}

const PLATFORM = new RegExp(`^(?:${SOCIAL_PLATFORMS.join('|')})(?:\\s+|$)`);

/** "Twitter\nArabic" → Arabic (the platform decides the source kind, see sourceKind). */
export function language(column: string, field: string): Codec {
  return one(
    column,
    field,
    (r) => {
      const lang = r.replace(PLATFORM, '').trim();
      return lang === '' || /^[-—–]+$/.test(lang) ? null : lang;
    },
    (v) => (v === null ? '' : String(v)),
  );
}

const SOCIAL_HOSTS = /(^|\.)(twitter\.com|x\.com|facebook\.com|fb\.com|t\.me|telegram\.me|youtube\.com|youtu\.be|instagram\.com|tiktok\.com)$/i;

/** A guess at the kind of a source from its platform and address; a person may correct it. */
export function sourceKind(languageRaw: string, url: string | null): 'social_media' | 'local_media' {
  if (PLATFORM.test(languageRaw)) return 'social_media';
  const host = /^[a-z]+:\/\/([^/?#:]+)/i.exec(url ?? '')?.[1];
  return host && SOCIAL_HOSTS.test(host) ? 'social_media' : 'local_media';
}
