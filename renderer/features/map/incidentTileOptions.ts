/** How the incident tiles are cut (incidentIndex.ts) and read (incidentLayers.ts, MapCanvas.tsx). */

/** The one layer of the incident tiles. */
export const INCIDENT_SOURCE_LAYER = 'incidents';
/** Clustering as the map's GeoJSON source had it: radius in pixels, deepest zoom with clusters. */
export const CLUSTER_RADIUS_PX = 42;
export const CLUSTER_MAX_ZOOM = 11;
/** Deepest tiles cut; MapLibre over-zooms them beyond (1 px of error at zoom 18). */
export const INCIDENT_TILE_MAXZOOM = 14;
