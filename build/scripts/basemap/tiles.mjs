/**
 * The basemap as vector tiles, cut at build time so that MapLibre does not have to tile GeoJSON
 * in its worker every time the map opens. Everything the map draws is in one packed file,
 * basemap.pack (read by renderer/features/map/basemapPack.ts):
 *
 *   u32 (little-endian)  byte length of the JSON header that follows
 *   JSON header           { version, sources: {name: {minzoom, maxzoom}}, tiles: {"source/z/x/y": [offset, length]},
 *                           glyphs: {"fontstack/range": [offset, length]} }
 *   data                  tile PBFs (Mapbox Vector Tile 2) and glyph PBFs; offsets count from here
 *
 * Two tile sources:
 *   basemap  zooms 0–WORLD_ZOOM - 1: the whole world (Natural Earth 1:10m in Syria, Iraq and
 *            their borders, 1:50m in the Middle East around them, 1:110m beyond) with
 *            governorate lines, country, governorate and place labels; zooms WORLD_ZOOM to
 *            BASEMAP_MAXZOOM: the Middle East only. MapLibre over-zooms the deepest tiles.
 *   world    zoom WORLD_ZOOM only: the 1:110m land and borders beyond the Middle East, which
 *            the map over-zooms when zoomed in out there. The map opens on Syria and Iraq with
 *            one tile source for its land, not two.
 * A tile with nothing in it is not stored (the map reads a missing tile as empty); tiles with
 * the same bytes (open land, say) are stored once.
 */
import { createHash } from 'node:crypto';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

export const BASEMAP_MAXZOOM = 8;
export const WORLD_ZOOM = 6;
export const PACK_VERSION = 1;
const EXTENT = 4096;

/** Source layers of each source: the `k` of the features that go into it. */
export const SOURCE_LAYERS = {
  basemap: ['land', 'border', 'govline', 'country-label', 'gov-label', 'place'],
  world: ['land', 'border'],
};

/** Properties the style or the Arabic labels read, per source layer; everything else is dropped. */
const KEEP = {
  land: [],
  border: [],
  govline: [],
  'country-label': ['en', 'ar'],
  'gov-label': ['en', 'ar'],
  place: ['en', 'ar', 't', 'pop'],
};

function tileRange(z, [w, s, e, n]) {
  const size = 2 ** z;
  const x = (lon) => Math.min(size - 1, Math.max(0, Math.floor(((lon + 180) / 360) * size)));
  const y = (lat) => {
    const r = (lat * Math.PI) / 180;
    return Math.min(size - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * size)));
  };
  return { x0: x(w), x1: x(e), y0: y(n), y1: y(s) };
}

function slim(feature) {
  const keep = KEEP[feature.properties.k];
  const properties = {};
  for (const key of keep) if (feature.properties[key] !== undefined && feature.properties[key] !== '') properties[key] = feature.properties[key];
  return { type: 'Feature', properties: { k: feature.properties.k, ...properties }, geometry: feature.geometry };
}

/** PBF of one tile, one layer per source layer that has features there; null when empty. */
function encodeTile(index, layers, z, x, y) {
  const tile = index.getTile(z, x, y);
  if (!tile || tile.features.length === 0) return null;
  const byLayer = {};
  for (const name of layers) {
    const features = tile.features.filter((f) => f.tags.k === name).map((f) => ({ ...f, tags: Object.fromEntries(Object.entries(f.tags).filter(([key]) => key !== 'k')) }));
    if (features.length) byLayer[name] = { ...tile, features };
  }
  return Object.keys(byLayer).length ? fromGeojsonVt(byLayer, { version: 2, extent: EXTENT }) : null;
}

/**
 * Cut `features` (GeoJSON with `k` saying the source layer) into tiles of zooms minzoom–maxzoom
 * inside `bounds` [west, south, east, north]; returns { "z/x/y": Uint8Array }.
 */
export function cutTiles(features, { layers, minzoom = 0, maxzoom, bounds }) {
  const index = new GeoJSONVT(
    { type: 'FeatureCollection', features: features.filter((f) => layers.includes(f.properties.k)).map(slim) },
    { maxZoom: maxzoom, indexMaxZoom: 0, tolerance: 3, extent: EXTENT, buffer: 64 },
  );
  const out = {};
  for (let z = minzoom; z <= maxzoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, bounds);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const pbf = encodeTile(index, layers, z, x, y);
        if (pbf) out[`${z}/${x}/${y}`] = pbf;
      }
    }
  }
  return out;
}

/** Pack tiles of several sources and glyph ranges into one file (see the top of this file). */
export function packBasemap({ sources, glyphs }) {
  const chunks = [];
  const byHash = new Map();
  let offset = 0;
  const put = (bytes) => {
    const hash = createHash('sha1').update(bytes).digest('hex');
    const had = byHash.get(hash);
    if (had) return had;
    const at = [offset, bytes.length];
    chunks.push(bytes);
    offset += bytes.length;
    byHash.set(hash, at);
    return at;
  };
  const header = { version: PACK_VERSION, sources: {}, tiles: {}, glyphs: {} };
  for (const [name, { minzoom, maxzoom, bounds, tiles }] of Object.entries(sources)) {
    header.sources[name] = { minzoom, maxzoom, bounds };
    for (const [key, bytes] of Object.entries(tiles)) header.tiles[`${name}/${key}`] = put(bytes);
  }
  for (const [key, bytes] of Object.entries(glyphs)) header.glyphs[key] = put(bytes);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return {
    bytes: Buffer.concat([length, json, ...chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))]),
    tiles: Object.keys(header.tiles).length,
    stored: byHash.size,
  };
}
