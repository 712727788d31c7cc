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

  it('leaves a map without the expected painter alone', () => {
    const map = { loaded: () => false, triggerRepaint: () => undefined } as unknown as MapLibreMap;
    expect(() => drawFirstFrameComplete(map, 1000)).not.toThrow();
  });
});
