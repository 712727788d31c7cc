/**
 * The map's first picture is drawn once, complete: until the basemap and the incidents of the
 * first view are loaded and their labels placed, MapLibre's frames load tiles and place labels
 * but draw nothing. In software WebGL (and on slow machines) every frame drawn costs 150–500 ms
 * of CPU, and opening the map drew five to seven of them, most of them half empty, each one
 * delaying the tiles still to come. If the tiles take longer than `maxWaitMs`, the map draws
 * what it has. After the first complete frame nothing is held: moving the map and changing the
 * filter draw progressively as before.
 *
 * While it waits, each time tiles of the sources in `warmUpSources` have come, a frame is
 * rendered dry (dryFrame.ts; a few at most): MapLibre compiles the shader programs that frame
 * needs and uploads the tiles it has, but draws nothing. Compiling a program waits on the GPU process (in software WebGL
 * about 10 ms each, 100 ms or more for the first frame), and the main thread has time for it
 * while MapLibre's worker is still cutting the rest of the tiles; the complete frame then finds
 * its programs ready.
 */
import { renderDry } from './dryFrame';
import type { MapLibreMap } from './maplibre';

/** What this reaches inside MapLibre (6.x): the painter that draws a frame. */
interface Internals {
  painter?: { render?: (...args: unknown[]) => void; context?: { gl?: object } };
  /** Set just before the painter runs when the labels' placement is not finished yet. */
  _placementDirty?: boolean;
}

/** At most this many dry frames before the first complete one. */
const MAX_DRY_FRAMES = 3;

export function drawFirstFrameComplete(map: MapLibreMap, maxWaitMs: number, warmUpSources: readonly string[] = []): void {
  const internals = map as unknown as Internals;
  const painter = internals.painter;
  const render = painter?.render;
  if (!painter || typeof render !== 'function') return; // another MapLibre: draw as it likes
  const since = performance.now();
  let holding = true;
  // Dry frames while it waits: each time tiles of `warmUpSources` have come since the last one
  // (a tile brings the programs of the layers it has features for), up to MAX_DRY_FRAMES.
  const sources = new Set(warmUpSources);
  let fresh = false;
  let dryFrames = sources.size > 0 && painter.context?.gl ? 0 : MAX_DRY_FRAMES;
  const onData = (e: { sourceId?: string; tile?: unknown }) => {
    if (e.tile && e.sourceId && sources.has(e.sourceId)) fresh = true;
  };
  let listening = dryFrames < MAX_DRY_FRAMES;
  if (listening) map.on('sourcedata', onData);
  const stopListening = () => {
    if (listening) map.off('sourcedata', onData);
    listening = false;
  };
  painter.render = function (this: unknown, ...args: unknown[]) {
    if (holding && (!map.loaded() || internals._placementDirty === true) && performance.now() - since < maxWaitMs) {
      if (fresh && dryFrames < MAX_DRY_FRAMES) {
        fresh = false;
        if (++dryFrames === MAX_DRY_FRAMES) stopListening();
        try {
          renderDry(painter.context!.gl!, () => render.apply(this, args));
        } catch {
          // Only a head start: the complete frame compiles whatever this one did not.
        }
        if (dryFrames === 1) performance.mark('casefile:map-dry-frame'); // in the map benchmark's timeline
      }
      return;
    }
    holding = false;
    stopListening();
    painter.render = render;
    render.apply(this, args);
  };
  // Past the wait, draw what there is even if no tile arrives to ask for a frame.
  setTimeout(() => {
    if (holding) map.triggerRepaint();
  }, maxWaitMs + 10);
}
