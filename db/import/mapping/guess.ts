/**
 * Sensible first guesses for a column mapping, from the headers alone: each header is compared,
 * lower-cased and stripped of everything but letters and digits, with the names a field is
 * commonly given (the Airwars archive's among them). A header matches one field at most, a
 * field takes the first header that matches it; the rest are kept with each record.
 */
import { MAPPING_TARGETS, type ColumnMapping, type MappingTarget } from '../../../shared/mappingSchema';

const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, '');

const casualty = (field: string, ...names: string[]) => ({
  [field]: names,
  [`${field}.min`]: names.flatMap((n) => [`${n}min`, `min${n}`, `${n}minimum`]),
  [`${field}.max`]: names.flatMap((n) => [`${n}max`, `max${n}`, `${n}maximum`]),
});

const SYNONYMS: Record<MappingTarget, Record<string, string[]>> = {
  incidents: {
    code: ['code', 'incidentcode', 'id', 'incidentid', 'ref', 'reference', 'referencecode', 'uniquereferencecode'],
    dateStart: ['date', 'incidentdate', 'datestart', 'startdate', 'day', 'when'],
    dateEnd: ['dateend', 'enddate', 'incidentdateend', 'until'],
    localTime: ['localtime', 'localtimeoriginal', 'time'],
    placeEn: ['place', 'placeen', 'placename', 'location', 'locationen', 'locationname', 'village', 'town', 'city', 'locality', 'site'],
    placeAr: ['placear', 'locationar', 'placearabic', 'locationarabic', 'arabicname'],
    district: ['district', 'districtoriginal'],
    governorate: ['governorate', 'governorateoriginal', 'province', 'region'],
    country: ['country'],
    latitude: ['latitude', 'lat'],
    longitude: ['longitude', 'lon', 'lng', 'long'],
    geoPrecision: ['geoprecision', 'precision', 'geolocationaccuracy', 'geolocationprecision', 'accuracy'],
    strikeType: ['striketype', 'striketypeoriginal', 'typeofstrike', 'weapon'],
    strikeStatus: ['strikestatus', 'strikestatusoriginal'],
    grade: ['grade', 'civilianharmstatus', 'civilianharmstatusoriginal', 'grading', 'assessment'],
    ...casualty('killed', 'killed', 'civilianskilled', 'deaths', 'dead', 'fatalities', 'civiliandeaths'),
    ...casualty('injured', 'injured', 'civiliansinjured', 'wounded', 'injuries'),
    ...casualty('childrenKilled', 'childrenkilled', 'children'),
    ...casualty('childrenInjured', 'childreninjured'),
    ...casualty('womenKilled', 'womenkilled', 'women'),
    ...casualty('womenInjured', 'womeninjured'),
    ...casualty('menKilled', 'menkilled', 'men'),
    ...casualty('menInjured', 'meninjured'),
    causeOfDeath: ['causeofdeath', 'causeofdeathoriginal', 'cause'],
    infrastructure: ['infrastructure', 'infrastructureoriginal'],
    summary: ['summary', 'description', 'narrative', 'details'],
    internalNotes: ['internalnotes', 'notes', 'comments', 'comment'],
    belligerent: ['belligerent', 'belligerents', 'belligerentsoriginal', 'perpetrator', 'attacker', 'party'],
    previousCodes: ['previouscodes', 'oldcodes', 'previouscode', 'previousreferencecodes'],
    status: ['status', 'workflowstatus'],
  },
  sources: {
    incidentCode: ['incidentcode', 'code', 'incident', 'incidentid'],
    order: ['order', 'sourceorder', 'no', 'number'],
    kind: ['kind', 'sourcekind', 'sourcetype', 'type'],
    outlet: ['outlet', 'source', 'sourcename', 'sourcenameoriginal', 'publisher', 'media'],
    author: ['author', 'account', 'sourceauthor', 'sourceauthororiginal'],
    url: ['url', 'link', 'sourceurl'],
    archiveUrl: ['archiveurl', 'archive', 'archivelink'],
    language: ['language', 'languageoriginal', 'lang'],
    publishedDate: ['publisheddate', 'published', 'date', 'sourcedate'],
    title: ['title', 'headline'],
    excerptOriginal: ['excerpt', 'excerptoriginal', 'quote', 'text'],
    excerptTranslation: ['translation', 'excerpttranslation'],
  },
  victims: {
    incidentCode: ['incidentcode', 'code', 'incident', 'incidentid'],
    order: ['order', 'victimorder', 'no', 'number'],
    nameLatin: ['name', 'namelatin', 'nameen', 'nameoriginal', 'englishname'],
    nameLocal: ['namelocal', 'namear', 'namearabic', 'arabicname', 'localname'],
    gender: ['gender', 'genderoriginal', 'sex'],
    age: ['age'],
    ageGroup: ['agegroup', 'agegrouporiginal'],
    harm: ['harm', 'status', 'statusoriginal', 'killedorinjured', 'outcome'],
    familyGroup: ['familygroup', 'family'],
    civilianStatusContested: ['civilianstatuscontested', 'civilianstatuscontestedoriginal', 'contested'],
    notes: ['notes', 'additionalnotes', 'note'],
  },
};

/** A first mapping for these headers; the person reviews it before anything is imported. */
export function guessMapping(headers: readonly string[], target: MappingTarget = guessTarget(headers)): ColumnMapping {
  const byName = new Map<string, string>();
  for (const [field, names] of Object.entries(SYNONYMS[target])) for (const n of names) if (!byName.has(n)) byName.set(n, field);
  const taken = new Set<string>();
  const columns: ColumnMapping['columns'] = {};
  for (const h of headers) {
    const field = byName.get(key(h));
    if (field && !taken.has(field)) {
      taken.add(field);
      columns[h] = field;
    }
  }
  return {
    target,
    columns,
    rangeFormat: { unknownWords: ['unknown', 'not known', '?', 'n/a', 'na', '-', '—', '–'], single: 'exact', unknownAs: 'blank' },
    dateFormat: 'YYYY-MM-DD',
    defaults: {},
  };
}

/** Which kind of records the headers describe: the target whose names match the most headers. */
export function guessTarget(headers: readonly string[]): MappingTarget {
  const score = (t: MappingTarget) => {
    const names = new Set(Object.values(SYNONYMS[t]).flat());
    return headers.filter((h) => names.has(key(h))).length;
  };
  const victimHints = headers.some((h) => /victim|name/i.test(h)) ? 2 : 0;
  const sourceHints = headers.some((h) => /source|outlet|archive/i.test(h)) ? 2 : 0;
  const scores: Record<MappingTarget, number> = { incidents: score('incidents'), sources: score('sources') + sourceHints, victims: score('victims') + victimHints };
  return MAPPING_TARGETS.reduce((best, t) => (scores[t] > scores[best] ? t : best), 'incidents' as MappingTarget);
}
