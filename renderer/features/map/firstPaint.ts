/**
 * The map's first picture is drawn once, complete: until the basemap and the incidents of the
 * first view are loaded and their labels placed, MapLibre's frames load tiles and place labels
 * but draw nothing. In software WebGL (and on slow machines) every frame drawn costs 150–500 ms
 * of CPU, and opening the map drew five to seven of them, most of them half empty, each one
 * delaying the tiles still to come. If the tiles take longer than `maxWaitMs`, the map draws
 * what it has. After the first complete frame nothing is held: moving the map and changing the
 * filter draw progressively as before.
 */
import type { MapLibreMap } from './maplibre';

/** What this reaches inside MapLibre (6.x): the painter that draws a frame. */
interface Internals {
  painter?: { render?: (...args: unknown[]) => void };
  /** Set just before the painter runs when the labels' placement is not finished yet. */
  _placementDirty?: boolean;
}

export function drawFirstFrameComplete(map: MapLibreMap, maxWaitMs: number): void {
  const internals = map as unknown as Internals;
  const painter = internals.painter;
  const render = painter?.render;
  if (!painter || typeof render !== 'function') return; // another MapLibre: draw as it likes
  const since = performance.now();
  let holding = true;
  painter.render = function (this: unknown, ...args: unknown[]) {
    if (holding && (!map.loaded() || internals._placementDirty === true) && performance.now() - since < maxWaitMs) return;
    holding = false;
    painter.render = render;
    render.apply(this, args);
  };
  // Past the wait, draw what there is even if no tile arrives to ask for a frame.
  setTimeout(() => {
    if (holding) map.triggerRepaint();
  }, maxWaitMs + 10);
}
