/**
 * The one place that loads maplibre-gl (a lint rule keeps it so). MapLibre's worker is a
 * separate module file that vite copies into the build; MapLibre cannot find it by itself when
 * the UI is served from casefile://app/ (only from http), so it is named here. Served from the
 * app's own origin, it runs under the CSP's `worker-src 'self'`.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MAPLIBRE_WORKER_URL, withEarlyWorker } from './maplibreWorkerStart';

setWorkerUrl(MAPLIBRE_WORKER_URL);
// Start the worker now, while the page fetches its data, rather than when the first map opens;
// when the page opened on the map, the worker started at boot is the one (maplibreWorkerStart.ts).
withEarlyWorker(prewarm);

export {
  addProtocol,
  LngLat,
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  ScaleControl,
  AttributionControl,
  type GeoJSONSource,
  type VectorTileSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type StyleSpecification,
  type SourceSpecification,
  type LayerSpecification,
  type ExpressionSpecification,
} from 'maplibre-gl';
