/**
 * How incidents are drawn: coloured by grade (the colours of the grade badges), sized by the
 * civilians killed, clustered when dense, and each with its geolocation precision in view:
 *   pinpoint (exact, within 100 m)        solid dot, white outline, no ring
 *   near (street, landmark, neighbourhood) thin solid ring at the true uncertainty radius
 *   place (village, town, city)            dashed ring at the true radius, lighter dot
 *   area (subdistrict, governorate)        large faint disc, faint dot
 *   unknown                                 faded dot
 */
import type { ExpressionSpecification, LayerSpecification, MapLibreMap } from './maplibre';
import { MAP_GRADES, UNGRADED_CODE } from '../../../shared/contracts/map';
import { precisionCodes } from './incidentData';
import { INCIDENT_SOURCE_LAYER } from './incidentTileOptions';

export const INCIDENT_SOURCE = 'incidents';
export const POINT_LAYER = 'inc-points';
export const CLUSTER_LAYER = 'inc-clusters';
export const INCIDENT_LAYERS = ['inc-area', 'inc-place-ring', 'inc-near-ring', CLUSTER_LAYER, 'inc-cluster-count', POINT_LAYER, 'inc-killed'] as const;

const FALLBACK: Record<(typeof MAP_GRADES)[number], string> = {
  confirmed: '#8e1b1b',
  fair: '#b54708',
  weak: '#7a6a00',
  contested: '#5b3a9b',
  discounted: '#4b5563',
  ungraded: '#6b7280',
};

/** The grade colours of the app's stylesheet (--grade-*), in MAP_GRADES order. */
export function gradeColors(): string[] {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  return MAP_GRADES.map((g) => style?.getPropertyValue(`--grade-${g}`).trim() || FALLBACK[g]);
}

const RING_ICON_PX = 256;
const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
const inCodes = (codes: number[]): ExpressionSpecification => ['in', ['get', 'p'], ['literal', codes]];
const byGrade = (colors: string[]): ExpressionSpecification =>
  ['match', ['get', 'g'], ...colors.slice(0, UNGRADED_CODE).flatMap((c, i) => [i, c]), colors[UNGRADED_CODE]!] as unknown as ExpressionSpecification;
/**
 * The uncertainty radius in pixels at the current zoom: `r` doubles with every zoom level, up
 * to `maxZoom` (MapLibre caps icon sizes; by zoom 16 every ring is wider than the screen).
 */
const ringRadius = (scale = 1, maxZoom = 22): ExpressionSpecification => [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  0,
  ['*', ['get', 'r'], scale],
  maxZoom,
  ['*', ['get', 'r'], scale * 2 ** maxZoom],
];

/** A dashed ring image per grade, drawn once on a canvas (no image files, nothing fetched). */
export function addRingImages(map: MapLibreMap, colors: string[]): void {
  colors.forEach((color, g) => {
    const id = `ring-dashed-${g}`;
    if (map.hasImage(id)) return;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = RING_ICON_PX;
    // Read back at once (getImageData): a canvas kept in memory, not on the GPU.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.strokeStyle = color;
    ctx.lineWidth = 4;
    ctx.setLineDash([16, 11]);
    ctx.beginPath();
    ctx.arc(RING_ICON_PX / 2, RING_ICON_PX / 2, RING_ICON_PX / 2 - 3, 0, Math.PI * 2);
    ctx.stroke();
    map.addImage(id, ctx.getImageData(0, 0, RING_ICON_PX, RING_ICON_PX));
  });
}

export function incidentLayers(colors: string[]): LayerSpecification[] {
  const pinpoint = precisionCodes('pinpoint');
  const near = precisionCodes('near');
  const place = precisionCodes('place');
  const area = precisionCodes('area');
  const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
  return [
    {
      id: 'inc-area',
      type: 'circle',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      filter: ['all', notCluster, inCodes(area)],
      paint: {
        'circle-radius': ringRadius(),
        'circle-color': byGrade(colors),
        'circle-opacity': 0.07,
        'circle-stroke-width': 1,
        'circle-stroke-color': byGrade(colors),
        'circle-stroke-opacity': 0.35,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: 'inc-place-ring',
      type: 'symbol',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      // Below this a village's ring is a few pixels wide: not worth drawing.
      minzoom: 8,
      filter: ['all', notCluster, inCodes(place)],
      layout: {
        'icon-image': ['concat', 'ring-dashed-', ['to-string', ['get', 'g']]],
        'icon-size': ringRadius(2 / (RING_ICON_PX - 6), 15),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-pitch-alignment': 'map',
      },
      paint: { 'icon-opacity': 0.75 },
    },
    {
      id: 'inc-near-ring',
      type: 'circle',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      minzoom: 10,
      filter: ['all', notCluster, inCodes(near)],
      paint: {
        'circle-radius': ringRadius(),
        'circle-opacity': 0,
        'circle-stroke-width': 1,
        'circle-stroke-color': byGrade(colors),
        'circle-stroke-opacity': 0.8,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#33414e',
        'circle-opacity': 0.82,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 100, 22, 1000, 28],
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    },
    {
      id: 'inc-cluster-count',
      type: 'symbol',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['noto-sans'],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      filter: notCluster,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['max', ['get', 'k'], 0], 0, 4, 1, 5, 10, 8, 50, 12, 200, 17],
        'circle-color': byGrade(colors),
        'circle-opacity': ['case', inCodes(pinpoint), 1, inCodes(near), 0.9, inCodes(place), 0.75, inCodes(area), 0.5, 0.4],
        'circle-stroke-width': ['case', selected, 3, inCodes(pinpoint), 2, 1],
        'circle-stroke-color': ['case', selected, '#111111', inCodes(pinpoint), '#ffffff', byGrade(colors)],
        'circle-stroke-opacity': ['case', selected, 1, inCodes(pinpoint), 1, 0.9],
      },
    },
    {
      id: 'inc-killed',
      type: 'symbol',
      source: INCIDENT_SOURCE,
      'source-layer': INCIDENT_SOURCE_LAYER,
      minzoom: 8,
      filter: ['all', notCluster, ['>', ['get', 'k'], 0]],
      layout: {
        'text-field': ['to-string', ['get', 'k']],
        'text-font': ['noto-sans'],
        'text-size': 11,
        'text-offset': [0.9, -0.9],
        'text-anchor': 'left',
        'text-allow-overlap': false,
      },
      paint: { 'text-color': '#1d2125', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}
