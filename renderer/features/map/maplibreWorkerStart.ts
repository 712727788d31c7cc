/**
 * MapLibre's worker (its own 520 KB module), started at boot when the page opens on the map
 * (prefetchCode.ts, from the entry chunk), and handed to MapLibre when maplibre.ts starts its
 * worker pool. MapLibre creates its worker only once its own code (1 MB) has been fetched and
 * evaluated, just before the map is made; the worker's code then still had to be fetched,
 * compiled and run, and on a busy machine the map's tiles waited for it. Started here, that
 * happens while the app's code loads. Light on purpose: only the worker's URL, no MapLibre.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** The URL maplibre.ts gives MapLibre (setWorkerUrl), so that the worker started here matches. */
export const MAPLIBRE_WORKER_URL: string = workerUrl;

let spare: Worker | null = null;

/** Start MapLibre's worker now, unless one is waiting already. */
export function startMapLibreWorker(): void {
  // MapLibre starts its worker from a data: URL on a page with an opaque origin: not this one.
  if (spare || globalThis.origin === 'null') return;
  try {
    spare = new Worker(MAPLIBRE_WORKER_URL, { type: 'module' });
  } catch {
    spare = null; // MapLibre starts its own
  }
}

/**
 * Run `startPool` (MapLibre's prewarm, which creates its worker at once) so that the worker it
 * asks for at MAPLIBRE_WORKER_URL is the one started at boot, if there is one. Any other worker
 * it asks for is made as usual; a worker started here and not taken is stopped.
 */
export function withEarlyWorker(startPool: () => void): void {
  const early = spare;
  spare = null;
  if (!early) return startPool();
  const Native = globalThis.Worker;
  let taken = false;
  function Early(url: string | URL, options?: WorkerOptions): Worker {
    if (!taken && String(url) === MAPLIBRE_WORKER_URL && options?.type === 'module') {
      taken = true;
      return early!;
    }
    return new Native(url, options);
  }
  globalThis.Worker = Early as unknown as typeof Worker;
  try {
    startPool();
  } finally {
    globalThis.Worker = Native;
  }
  if (!taken) early.terminate();
}
