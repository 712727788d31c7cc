/**
 * A dry frame: run a render with the WebGL context's draw and clear calls left out, so that
 * everything a frame prepares (shader programs compiled and linked, buffers and textures
 * uploaded, state set) is done and nothing reaches the canvas. firstPaint.ts uses it to have the
 * first complete frame's programs compiled while the map still waits for its tiles.
 */

/** The calls that write to the drawing buffer. */
const DRAWS = [
  'clear',
  'clearBufferfv',
  'clearBufferiv',
  'clearBufferuiv',
  'clearBufferfi',
  'drawArrays',
  'drawElements',
  'drawArraysInstanced',
  'drawElementsInstanced',
  'drawRangeElements',
] as const;

export function renderDry(gl: object, render: () => void): void {
  const calls = gl as Record<string, unknown>;
  // Own properties shadow the context's methods for the length of the render, then go (or,
  // where the object had its own, are put back).
  const own = DRAWS.map((name) => Object.getOwnPropertyDescriptor(gl, name));
  for (const name of DRAWS) calls[name] = () => undefined;
  try {
    render();
  } finally {
    DRAWS.forEach((name, i) => {
      const had = own[i];
      if (had) Object.defineProperty(gl, name, had);
      else delete calls[name];
    });
  }
}
