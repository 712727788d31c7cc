/**
 * The map's incident worker: holds the clustered incidents (incidentIndex.ts) of the latest
 * `load` and answers tile, cluster-leaves and expansion-zoom requests for them. Messages are
 * answered in order; a tile asked for an older load is answered empty (the map has moved on).
 */
import { IncidentIndex, type IncidentColumns } from './incidentIndex';

export type IncidentRequest =
  | { id: number; type: 'load'; version: number; columns: IncidentColumns }
  | { id: number; type: 'tile'; version: number; z: number; x: number; y: number }
  | { id: number; type: 'leaves'; clusterId: number; limit: number }
  | { id: number; type: 'expansionZoom'; clusterId: number };

export type IncidentReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let index: IncidentIndex | null = null;
let version = -1;

function answer(m: IncidentRequest): { value: unknown; transfer?: Transferable[] } {
  if (m.type === 'load') {
    index = new IncidentIndex(m.columns);
    version = m.version;
    return { value: null };
  }
  if (!index) throw new Error('No incidents loaded yet.');
  if (m.type === 'tile') {
    const bytes = m.version === version ? index.tile(m.z, m.x, m.y) : null;
    const buffer = bytes ? bytes.slice().buffer : new ArrayBuffer(0);
    return { value: buffer, transfer: [buffer] };
  }
  if (m.type === 'leaves') return { value: index.leaves(m.clusterId, m.limit) };
  return { value: index.expansionZoom(m.clusterId) };
}

self.onmessage = (e: MessageEvent<IncidentRequest>) => {
  const m = e.data;
  try {
    const { value, transfer } = answer(m);
    self.postMessage({ id: m.id, ok: true, value } satisfies IncidentReply, { transfer: transfer ?? [] });
  } catch (err) {
    self.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies IncidentReply);
  }
};
