/**
 * The incidents as clustered vector tiles, built in a worker of the map's own
 * (incidentWorker.ts) from `map:points`' columns in typed arrays. MapLibre's GeoJSON source
 * would copy 100,000 feature objects field by field to its worker and back through its own
 * serializer on every filter; here the columns cross once, as transferred buffers, and
 * MapLibre reads ordinary vector tiles. Pure code (tested in Node).
 *
 * The clustering is MapLibre's own (the Supercluster of @maplibre/geojson-vt) with the options
 * its GeoJSON source would pass: the same clusters, counts, cluster ids and expansion zooms.
 */
import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PX, INCIDENT_SOURCE_LAYER } from './incidentTileOptions';

/** Tile extent and size as MapLibre's GeoJSON sources use them. */
const EXTENT = 8192;
const TILE_SIZE = 512;

/** One array per feature property (see incidentData.ts), index = feature id. */
export interface IncidentColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** g: grade code; p: precision code. */
  grade: Uint8Array;
  precision: Uint8Array;
  /** k: civilians killed, -1 when unknown. */
  killed: Int32Array;
  /** r: uncertainty radius in pixels at zoom 0. */
  radius: Float64Array;
}

interface Props {
  g: number;
  k: number;
  p: number;
  r: number;
}

export class IncidentIndex {
  private readonly index: Supercluster;

  constructor(c: IncidentColumns) {
    const n = c.lon.length;
    const features = new Array(n);
    for (let i = 0; i < n; i++) {
      features[i] = {
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [c.lon[i], c.lat[i]] },
        properties: { g: c.grade[i], k: c.killed[i], p: c.precision[i], r: c.radius[i] },
      };
    }
    this.index = new Supercluster({
      radius: CLUSTER_RADIUS_PX * (EXTENT / TILE_SIZE),
      extent: EXTENT,
      maxZoom: CLUSTER_MAX_ZOOM,
      minPoints: 2,
      // A cluster's k: the civilians killed in it, unknowns counted as none.
      map: (p) => ({ k: Math.max((p as unknown as Props).k, 0) }),
      reduce: (acc, p) => {
        acc.k = (acc.k as number) + (p.k as number);
      },
    });
    this.index.load(features);
  }

  /** The tile as a vector tile (one layer, INCIDENT_SOURCE_LAYER), or null when nothing is in it. */
  tile(z: number, x: number, y: number): Uint8Array | null {
    const tile = this.index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return fromGeojsonVt({ [INCIDENT_SOURCE_LAYER]: tile }, { version: 2, extent: EXTENT });
  }

  /** Feature ids (column indexes) of up to `limit` incidents in a cluster. */
  leaves(clusterId: number, limit: number): number[] {
    return this.index.getLeaves(clusterId, limit, 0).map((f: { id?: unknown }) => f.id as number);
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
