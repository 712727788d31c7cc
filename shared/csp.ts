/**
 * The Content-Security-Policy of the UI, from `default-src 'none'` adding only what it needs:
 * its own scripts and styles (inline styles for React), images from blob:/data: and workers
 * from the app itself or blob: (MapLibre's worker is a file of the app: renderer/features/map/
 * maplibre.ts), and calls back to its own origin.
 */
const BASE = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  'child-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

export const APP_CSP = BASE.join('; ');
