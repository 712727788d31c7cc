/** Vite's `?url` import: the built URL of a file copied as is (see maplibre.ts). */
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' {
  const url: string;
  export default url;
}
