/**
 * The drawn area (the filter's bbox) on the map: a faint fill and a dashed outline. Its source
 * and layers exist only once there is an area, so a map without one loads one source fewer.
 */
import type { Bbox } from './boxSelect';
import type { GeoJSONSource, LayerSpecification, MapLibreMap, StyleSpecification } from './maplibre';

export const AREA_SOURCE = 'area';

export const areaGeojson = (b: Bbox | undefined) => ({
  type: 'FeatureCollection' as const,
  features: b
    ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]] } }]
    : [],
});

export const AREA_LAYERS: LayerSpecification[] = [
  { id: 'area-fill', type: 'fill', source: AREA_SOURCE, paint: { 'fill-color': '#0b5cad', 'fill-opacity': 0.05 } },
  { id: 'area-line', type: 'line', source: AREA_SOURCE, paint: { 'line-color': '#0b5cad', 'line-width': 2, 'line-dasharray': [4, 2] } },
];

/** Put the area into a style about to be created, below the layer `before`. */
export function addAreaToStyle(style: StyleSpecification, area: Bbox | undefined, before: string): void {
  if (!area) return;
  style.sources[AREA_SOURCE] = { type: 'geojson', data: areaGeojson(area) };
  style.layers.splice(style.layers.findIndex((l) => l.id === before), 0, ...AREA_LAYERS);
}

/** Show `area` (or none) on a loaded map; the source and layers are added the first time. */
export function showArea(map: MapLibreMap, area: Bbox | undefined, before: string): void {
  const source = map.getSource<GeoJSONSource>(AREA_SOURCE);
  if (source) {
    source.setData(areaGeojson(area));
    return;
  }
  if (!area) return;
  map.addSource(AREA_SOURCE, { type: 'geojson', data: areaGeojson(area) });
  for (const layer of AREA_LAYERS) map.addLayer(layer, before);
}
