/**
 * The incidents map: the bundled basemap, the incidents of the current filter (clustered), the
 * drawn area, Arabic labels, and the interactions (click, shift-drag / draw mode, keyboard).
 * Everything MapLibre-specific stays in here and the files it imports.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MapPoints } from '../../../shared/contracts/map';
import { ArabicLabels } from './arabicLabels';
import { addAreaToStyle, showArea } from './areaLayer';
import { basemapStyle, INCIDENTS_BEFORE } from './basemap';
import { loadBasemapPack } from './basemapPack';
import { registerBasemapProtocol } from './basemapProtocol';
import { attachBoxSelect, type Bbox } from './boxSelect';
import { pointsBounds } from './incidentData';
import { addRingImages, CLUSTER_LAYER, gradeColors, INCIDENT_LAYERS, INCIDENT_SOURCE, incidentLayers, POINT_LAYER } from './incidentLayers';
import { IncidentTiles, registerIncidentProtocol } from './incidentTiles';
import { INCIDENT_SOURCE_LAYER, INCIDENT_TILE_MAXZOOM } from './incidentTileOptions';
import { drawFirstFrameComplete } from './firstPaint';
import { AttributionControl, MapLibreMap, NavigationControl, ScaleControl, type VectorTileSource } from './maplibre';

export interface MapSelection {
  /** Indexes into the `map:points` columns. */
  indexes: number[];
  /** Set when a cluster was clicked: where it is and the zoom that splits it. */
  cluster?: { lngLat: [number, number]; expansionZoom: number; count: number };
}

export interface MapCanvasProps {
  points: MapPoints | null;
  area: Bbox | undefined;
  drawMode: boolean;
  onArea: (bbox: Bbox) => void;
  onSelect: (selection: MapSelection) => void;
  selected: readonly number[];
  arabic: boolean;
  debug: boolean;
  /** Change it to fit the view to the incidents again. */
  fitRequest: number;
  /** Move the view here (a new object each time). */
  focus: { center: [number, number]; zoom: number } | null;
  /** The view's bounds after every move. */
  onView: (bounds: Bbox) => void;
  onError: (message: string) => void;
}

/** The region the map opens on when there is nothing to fit to: Syria and Iraq. */
const DEFAULT_BOUNDS: Bbox = [35.5, 29, 48.8, 37.5];
export const MAP_IDLE_MARK = 'casefile:map-idle';
/** How long the first frame waits for the first view's tiles before drawing what it has. */
const FIRST_FRAME_WAIT_MS = 4000;

/** With `?debug` in the URL: the map and a few counters on window, for the end-to-end tests. */
function exposeDebug(map: MapLibreMap, labels: ArabicLabels | null) {
  (window as { __casefileMap?: unknown }).__casefileMap = {
    map,
    incidentLayers: INCIDENT_LAYERS,
    arabicLabels: () => labels?.count ?? 0,
  };
}

export function MapCanvas(props: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const labels = useRef<ArabicLabels | null>(null);
  const incidents = useRef<IncidentTiles | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [loaded, setLoaded] = useState(false);
  const fitted = useRef(-1);
  const marked = useRef(false);
  const highlighted = useRef<readonly number[]>([]);
  /** The points the incidents source holds. */
  const shown = useRef<MapPoints | null>(null);
  /** The area the area source holds (as JSON): setting the same again would reload its tiles. */
  const shownArea = useRef('');

  const markIdle = (map: MapLibreMap, already = false) => {
    if (!already) container.current?.setAttribute('data-map-state', 'loading');
    map.once('idle', () => {
      container.current?.setAttribute('data-map-state', 'idle');
      if (!marked.current) {
        marked.current = true;
        performance.mark(MAP_IDLE_MARK);
      }
    });
  };

  // Create the map at once, while the first incidents are still on their way: MapLibre, the
  // basemap and the incident worker start side by side. The incident tiles wait for the first
  // incidents (their URL names the first load), and the view is fitted to them when they come.
  // A layout effect, so that the map starts before the browser paints the page, not after.
  useLayoutEffect(() => {
    let map: MapLibreMap | null = null;
    let detachBox: (() => void) | null = null;
    let cancelled = false;
    performance.mark('casefile:map-mount'); // in the map benchmark's timeline: React has rendered the map
    registerBasemapProtocol();
    registerIncidentProtocol();
    const tiles = new IncidentTiles();
    incidents.current = tiles;
    loadBasemapPack()
      .then((pack) => {
        if (cancelled || !container.current) return;
        performance.mark('casefile:map-create');
        fitted.current = latest.current.fitRequest;
        // Incidents and the drawn area (if any) are part of the first style, so the first render has them.
        const colors = gradeColors();
        const style = basemapStyle(pack);
        const before = style.layers.findIndex((l) => l.id === INCIDENTS_BEFORE);
        // Clustered incidents as vector tiles cut by the incident worker (incidentIndex.ts).
        style.sources[INCIDENT_SOURCE] = { type: 'vector', tiles: [tiles.tileUrl()], maxzoom: INCIDENT_TILE_MAXZOOM };
        style.layers.splice(before, 0, ...incidentLayers(colors));
        shownArea.current = JSON.stringify(latest.current.area ?? null);
        addAreaToStyle(style, latest.current.area, INCIDENTS_BEFORE);
        map = new MapLibreMap({
          container: container.current,
          style,
          bounds: (latest.current.points && pointsBounds(latest.current.points)) ?? DEFAULT_BOUNDS,
          fitBoundsOptions: { padding: 48, maxZoom: 10 },
          boxZoom: false,
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
          fadeDuration: 0,
          // The style is this code's own (basemap.ts, incidentLayers.ts, areaLayer.ts), not a
          // user's: checking it against the style spec on every open costs the main thread
          // 10–20 ms before the worker can start. The debug view (the end-to-end tests) still checks it.
          validateStyle: latest.current.debug,
        });
        mapRef.current = map;
        drawFirstFrameComplete(map, FIRST_FRAME_WAIT_MS, ['basemap', INCIDENT_SOURCE]);
        map.touchZoomRotate.disableRotation();
        map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
        map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
        map.getCanvas().setAttribute('aria-label', 'Map of incidents. Arrow keys pan, plus and minus zoom.');
        const m = map;
        markIdle(m);
        m.on('error', (e) => latest.current.onError(e.error?.message ?? 'The map could not draw part of itself.'));
        m.once('style.load', () => {
          addRingImages(m, colors);
          labels.current = new ArabicLabels(m);
          labels.current.setVisible(latest.current.arabic);
          detachBox = attachBoxSelect(m, { isActive: () => latest.current.drawMode, onBox: (b) => latest.current.onArea(b) });
          setLoaded(true);
          if (latest.current.debug) exposeDebug(m, labels.current);
        });
        m.once('load', () => performance.mark('casefile:map-load'));
        m.on('click', POINT_LAYER, (e) => {
          const f = e.features?.[0];
          if (f && typeof f.id === 'number') latest.current.onSelect({ indexes: [f.id] });
        });
        m.on('click', CLUSTER_LAYER, (e) => {
          const f = e.features?.[0];
          if (!f) return;
          const clusterId = f.properties?.cluster_id as number;
          const count = f.properties?.point_count as number;
          const lngLat = (f.geometry as { coordinates: [number, number] }).coordinates;
          Promise.all([tiles.leaves(clusterId, 500), tiles.expansionZoom(clusterId)]).then(
            ([leaves, expansionZoom]) =>
              latest.current.onSelect({
                indexes: leaves.filter((id) => typeof id === 'number'),
                cluster: { lngLat, expansionZoom, count },
              }),
            (err: unknown) => latest.current.onError(`The cluster's incidents could not be listed: ${String(err)}`),
          );
        });
        const reportView = () => {
          const b = m.getBounds();
          latest.current.onView([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
        };
        m.on('moveend', reportView);
        m.once('load', reportView);
        for (const layer of [POINT_LAYER, CLUSTER_LAYER]) {
          m.on('mouseenter', layer, () => (m.getCanvas().style.cursor = 'pointer'));
          m.on('mouseleave', layer, () => (m.getCanvas().style.cursor = ''));
        }
      })
      .catch((e: unknown) => latest.current.onError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      detachBox?.();
      labels.current?.destroy();
      labels.current = null;
      map?.remove();
      tiles.destroy();
      incidents.current = null;
      shown.current = null;
      mapRef.current = null;
      delete (window as { __casefileMap?: unknown }).__casefileMap;
    };
  }, []); // Created once; later props reach it through `latest`.

  // The incidents of the current filter, clustered in the incident worker (the first ones too).
  const { points, fitRequest } = props;
  useEffect(() => {
    const tiles = incidents.current;
    if (!tiles || !points || points === shown.current) return;
    const first = shown.current === null;
    shown.current = points;
    highlighted.current = [];
    container.current?.setAttribute('data-map-state', 'loading');
    const created = mapRef.current;
    if (first && created) {
      // The map opened before the incidents came: show where they are now.
      fitted.current = latest.current.fitRequest;
      const b = pointsBounds(points);
      if (b) created.fitBounds(b, { padding: 48, maxZoom: 10, duration: 0 });
    }
    tiles.load(points).then(
      () => {
        const map = mapRef.current;
        // A later filter's load supersedes this one; a map not created yet starts with these tiles.
        if (shown.current !== points || !map) return;
        const swap = () => {
          if (!first) map.getSource<VectorTileSource>(INCIDENT_SOURCE)?.setTiles([tiles.tileUrl()]);
          markIdle(map, true);
        };
        if (map.getSource(INCIDENT_SOURCE)) swap();
        else map.once('style.load', swap);
      },
      (e: unknown) => latest.current.onError(e instanceof Error ? e.message : String(e)),
    );
  }, [points]);

  // "Fit to incidents".
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !points || fitted.current === fitRequest) return;
    fitted.current = fitRequest;
    const b = pointsBounds(points);
    if (b) map.fitBounds(b, { padding: 48, maxZoom: 10, duration: 0 });
  }, [loaded, points, fitRequest]);

  // The drawn area.
  const { area } = props;
  useEffect(() => {
    const key = JSON.stringify(area ?? null);
    if (!loaded || key === shownArea.current) return;
    shownArea.current = key;
    if (mapRef.current) showArea(mapRef.current, area, INCIDENTS_BEFORE);
  }, [loaded, area]);

  // The selected incidents stand out.
  const { selected } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    const feature = (id: number) => ({ source: INCIDENT_SOURCE, sourceLayer: INCIDENT_SOURCE_LAYER, id });
    for (const id of highlighted.current) map.setFeatureState(feature(id), { selected: false });
    for (const id of selected) map.setFeatureState(feature(id), { selected: true });
    highlighted.current = selected;
  }, [loaded, selected]);

  const { focus } = props;
  useEffect(() => {
    if (loaded && focus) mapRef.current?.easeTo({ center: focus.center, zoom: focus.zoom, duration: 400 });
  }, [loaded, focus]);

  const { arabic } = props;
  useEffect(() => labels.current?.setVisible(arabic), [arabic, loaded]);

  return (
    <div
      ref={container}
      className={`map-canvas${props.drawMode ? ' map-drawing' : ''}`}
      data-testid="incident-map"
      data-map-state="loading"
    />
  );
}
