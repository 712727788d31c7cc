import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawFirstFrameComplete } from './firstPaint';
import type { MapLibreMap } from './maplibre';

/** A stand-in for the few MapLibre internals drawFirstFrameComplete reaches. */
function fakeMap() {
  const drawn: number[] = [];
  const state = { loaded: false, repaints: 0 };
  const map = {
    _placementDirty: false,
    painter: { render: (frame: number) => void drawn.push(frame) },
    loaded: () => state.loaded,
    triggerRepaint: () => void state.repaints++,
  };
  return { map, drawn, state, asMap: map as unknown as MapLibreMap };
}

afterEach(() => vi.useRealTimers());

describe('drawFirstFrameComplete', () => {
  it('draws nothing until the tiles are loaded and the labels placed, then draws every frame', () => {
    const { map, drawn, state, asMap } = fakeMap();
    drawFirstFrameComplete(asMap, 10_000);
    map.painter.render(1);
    state.loaded = true;
    map._placementDirty = true;
    map.painter.render(2);
    map._placementDirty = false;
    map.painter.render(3);
    state.loaded = false; // later loads (panning) are drawn progressively
    map.painter.render(4);
    expect(drawn).toEqual([3, 4]);
  });

  it('draws what it has once the wait is over, and asks for a frame then', () => {
    vi.useFakeTimers();
    const { map, drawn, state, asMap } = fakeMap();
    drawFirstFrameComplete(asMap, 1000);
    map.painter.render(1);
    vi.advanceTimersByTime(1020);
    expect(state.repaints).toBe(1);
    map.painter.render(2);
    expect(drawn).toEqual([2]);
  });

  it('renders a frame dry each time tiles of the named sources have come, a few at most: programs made, nothing drawn', () => {
    const log: string[] = [];
    const handlers = new Set<(e: { sourceId?: string; tile?: unknown }) => void>();
    const gl = {
      clear: () => void log.push('clear'),
      drawElements: () => void log.push('draw'),
      linkProgram: () => void log.push('link'),
    };
    const state = { loaded: false };
    const map = {
      _placementDirty: false,
      painter: {
        context: { gl },
        render: (frame: number) => {
          gl.linkProgram();
          gl.clear();
          gl.drawElements();
          log.push(`frame ${frame}`);
        },
      },
      loaded: () => state.loaded,
      triggerRepaint: () => undefined,
      on: (_: string, h: (e: { sourceId?: string; tile?: unknown }) => void) => void handlers.add(h),
      off: (_: string, h: (e: { sourceId?: string; tile?: unknown }) => void) => void handlers.delete(h),
    };
    drawFirstFrameComplete(map as unknown as MapLibreMap, 10_000, ['basemap', 'incidents']);
    const tile = (sourceId: string) => handlers.forEach((h) => h({ sourceId, tile: {} }));
    map.painter.render(1); // no tile yet: nothing
    tile('other');
    map.painter.render(2); // not a named source: nothing
    expect(log).toEqual([]);
    tile('basemap');
    tile('basemap');
    map.painter.render(3); // dry: the program is linked, the canvas neither cleared nor drawn on
    map.painter.render(4); // nothing new since: nothing
    expect(log).toEqual(['link', 'frame 3']);
    tile('incidents');
    map.painter.render(5);
    tile('basemap');
    map.painter.render(6); // the third and last dry frame
    expect(handlers.size).toBe(0);
    tile('basemap');
    map.painter.render(7);
    expect(log).toEqual(['link', 'frame 3', 'link', 'frame 5', 'link', 'frame 6']);
    state.loaded = true;
    map.painter.render(8); // the complete frame draws, with the context's own calls again
    expect(log.slice(6)).toEqual(['link', 'clear', 'draw', 'frame 8']);
    expect(Object.keys(gl)).toEqual(['clear', 'drawElements', 'linkProgram']);
  });

  it('leaves a map without the expected painter alone', () => {
    const map = { loaded: () => false, triggerRepaint: () => undefined } as unknown as MapLibreMap;
    expect(() => drawFirstFrameComplete(map, 1000)).not.toThrow();
  });
});
