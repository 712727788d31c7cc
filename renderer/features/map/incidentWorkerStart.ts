/**
 * The incident worker (incidentWorker.ts), started as soon as the page opens on the map
 * (prefetchCode.ts, from boot.ts), so that its code is loaded and evaluated while the app's and
 * MapLibre's are, not after the map is created. The first map takes it; later maps start their
 * own. Light on purpose (no MapLibre, no zod): it is in the app's entry chunk.
 *
 * The incidents the map opens with can be loaded into it before the map exists (preload, from
 * incidentPreload.ts once they have come): the worker clusters them while the app renders,
 * instead of afterwards, side by side with MapLibre's worker cutting the basemap.
 */
import type { IncidentReply, IncidentRequest } from './incidentWorker';

/** The id of the preload's `load` message; the map's own messages count from 1. */
export const PRELOAD_ID = 0;

/** A `load` of version 1 sent to a worker before the map took it. */
export interface Preload {
  /** The `map:points` answer it loaded (compared by identity with the map's first). */
  points: unknown;
  /** Settles when the worker has clustered them. */
  loaded: Promise<void>;
  /** Settle `loaded` with the worker's reply to PRELOAD_ID. */
  settle(reply: IncidentReply): void;
}

let spare: { worker: Worker; preload: Preload | null } | null = null;

const create = () => new Worker(new URL('./incidentWorker.ts', import.meta.url), { type: 'module' });

/** Start a worker for the map about to open, unless one is waiting already. */
export function startIncidentWorker(): void {
  spare ??= { worker: create(), preload: null };
}

/**
 * Load the first incidents (as incidentData.ts's columns) into the waiting worker as version 1,
 * unless it has some already or no worker is waiting. The map's first load of the same `points`
 * takes this one instead of sending them again.
 */
export function preloadIncidents(points: unknown, columns: Record<string, { buffer: ArrayBufferLike }>): void {
  if (!spare || spare.preload) return;
  let settle!: (reply: IncidentReply) => void;
  const loaded = new Promise<void>((resolve, reject) => {
    settle = (reply) => (reply.ok ? resolve() : reject(new Error(`The map could not cluster the incidents: ${reply.error}`)));
  });
  loaded.catch(() => undefined); // the map's first load reports it
  const preload: Preload = { points, loaded, settle };
  spare.preload = preload;
  // Until a map takes the worker, its answer comes here (the map's handler forwards it after).
  spare.worker.onmessage = (e: MessageEvent<IncidentReply>) => {
    if (e.data.id === PRELOAD_ID) preload.settle(e.data);
  };
  spare.worker.onerror = (e) => preload.settle({ id: PRELOAD_ID, ok: false, error: e.message || 'the worker could not be started' });
  const request: IncidentRequest = { id: PRELOAD_ID, type: 'load', version: 1, columns: columns as never };
  spare.worker.postMessage(request, Object.values(columns).map((c) => c.buffer as ArrayBuffer));
}

/** The worker started early (with its preload, if any), if one is waiting; else a new one. */
export function takeIncidentWorker(): { worker: Worker; preload: Preload | null } {
  const taken = spare ?? { worker: create(), preload: null };
  spare = null;
  return taken;
}
