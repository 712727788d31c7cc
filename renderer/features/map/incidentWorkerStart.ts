/**
 * The incident worker (incidentWorker.ts), started as soon as the page opens on the map
 * (prefetchCode.ts, from boot.ts), so that its code is loaded and evaluated while the app's and
 * MapLibre's are, not after the map is created. The first map takes it; later maps start their
 * own. Light on purpose (no MapLibre): it is in the app's entry chunk.
 */
let spare: Worker | null = null;

const create = () => new Worker(new URL('./incidentWorker.ts', import.meta.url), { type: 'module' });

/** Start a worker for the map about to open, unless one is waiting already. */
export function startIncidentWorker(): void {
  spare ??= create();
}

/** The worker started early, if one is waiting; else a new one. */
export function takeIncidentWorker(): Worker {
  const worker = spare ?? create();
  spare = null;
  return worker;
}
