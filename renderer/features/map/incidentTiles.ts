/**
 * The page's side of the incident worker (incidentWorker.ts): loads `map:points` into it and
 * answers the map's `casefile-incidents://<map>/<version>/<z>/<x>/<y>` tile URLs from it. Each
 * load is a new version (a new tile URL), so the map never mixes tiles of two filters.
 */
import type { MapPoints } from '../../../shared/contracts/map';
import { pointsToColumns } from './incidentData';
import type { IncidentReply, IncidentRequest } from './incidentWorker';
import { takeIncidentWorker } from './incidentWorkerStart';
import { addProtocol } from './maplibre';

export const INCIDENT_PROTOCOL = 'casefile-incidents';

type Request = IncidentRequest extends infer R ? (R extends IncidentRequest ? Omit<R, 'id'> : never) : never;

const live = new Map<string, IncidentTiles>();
let instances = 0;

export class IncidentTiles {
  private readonly worker = takeIncidentWorker();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private readonly key = String(++instances);
  /** Settles when the latest load has; before the first load, when it has. */
  private ready: Promise<unknown>;
  private firstLoaded!: (loaded: Promise<unknown>) => void;
  /** The version of the latest load (0: none yet). */
  version = 0;

  constructor() {
    this.ready = new Promise((resolve) => (this.firstLoaded = resolve));
    live.set(this.key, this);
    this.worker.onmessage = (e: MessageEvent<IncidentReply>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (e.data.ok) p?.resolve(e.data.value);
      else p?.reject(new Error(`The map could not cluster the incidents: ${e.data.error}`));
    };
    this.worker.onerror = (e) => this.failAll(`The map's incident worker stopped: ${e.message || 'it could not be started'}.`);
  }

  private call<T>(request: Request, transfer: Transferable[] = []): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  /** Load the incidents; resolves once their tiles can be cut. */
  load(points: MapPoints): Promise<void> {
    const columns = pointsToColumns(points);
    const version = ++this.version;
    const loaded = this.call({ type: 'load', version, columns }, Object.values(columns).map((a) => a.buffer));
    if (version === 1) this.firstLoaded(loaded);
    this.ready = loaded;
    return loaded.then(() => undefined);
  }

  /** The tile URL template of the latest load (before any, of the first). */
  tileUrl(): string {
    return `${INCIDENT_PROTOCOL}://${this.key}/${Math.max(this.version, 1)}/{z}/{x}/{y}`;
  }

  async tile(version: number, z: number, x: number, y: number): Promise<ArrayBuffer> {
    await this.ready.catch(() => undefined);
    return this.call<ArrayBuffer>({ type: 'tile', version, z, x, y });
  }

  leaves(clusterId: number, limit: number): Promise<number[]> {
    return this.call({ type: 'leaves', clusterId, limit });
  }

  expansionZoom(clusterId: number): Promise<number> {
    return this.call({ type: 'expansionZoom', clusterId });
  }

  destroy(): void {
    live.delete(this.key);
    this.worker.terminate();
    this.failAll('The map was closed.');
  }
}

let registered = false;

/** Answer `casefile-incidents://` URLs from the live IncidentTiles they name (once per page). */
export function registerIncidentProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol(INCIDENT_PROTOCOL, async (params) => {
    const m = /^casefile-incidents:\/\/(\d+)\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    if (!m) throw new Error(`The map asked for ${params.url}, which is not an incident tile.`);
    const [key, version, z, x, y] = m.slice(1).map((v, i) => (i === 0 ? v : Number(v))) as [string, number, number, number, number];
    const tiles = live.get(key);
    // A map already closed, or tiles of an older filter: nothing to draw.
    if (!tiles) return { data: new ArrayBuffer(0) };
    return { data: await tiles.tile(version, z, x, y) };
  });
}
