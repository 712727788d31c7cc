/**
 * The location picker's map: the bundled basemap, the chosen point with its uncertainty ring,
 * and a click (or "Use the map centre", for the keyboard) to set the point.
 */
import { useEffect, useRef, useState } from 'react';
import type { GeoPrecision } from '../../../shared/domain';
import { basemapStyle } from './basemap';
import { loadBasemapPack } from './basemapPack';
import { registerBasemapProtocol } from './basemapProtocol';
import { metresToPixelsAtZoom0, UNCERTAINTY_M } from './incidentData';
import { ArabicLabels } from './arabicLabels';
import { MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource } from './maplibre';

const REGION: [number, number, number, number] = [35.5, 29, 48.8, 37.5];

function pointData(lat: number | null, lon: number | null, precision: GeoPrecision | null) {
  if (lat === null || lon === null) return { type: 'FeatureCollection' as const, features: [] };
  return {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: { r: metresToPixelsAtZoom0(UNCERTAINTY_M[precision ?? 'exact'], lat) },
        geometry: { type: 'Point' as const, coordinates: [lon, lat] },
      },
    ],
  };
}

export function PickerMap(props: {
  latitude: number | null;
  longitude: number | null;
  precision: GeoPrecision | null;
  /** Bumped when the point was set from outside the map (search, typed): the map goes to it. */
  flyKey: number;
  onPick: (lat: number, lon: number) => void;
  debug?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let map: MapLibreMap | null = null;
    let labels: ArabicLabels | null = null;
    let cancelled = false;
    registerBasemapProtocol();
    loadBasemapPack().then(
      (pack) => {
        if (cancelled || !container.current) return;
        const { latitude, longitude } = latest.current;
        const m = new MapLibreMap({
          container: container.current,
          style: basemapStyle(pack),
          ...(latitude !== null && longitude !== null ? { center: [longitude, latitude], zoom: 10 } : { bounds: REGION }),
          boxZoom: false,
          dragRotate: false,
          attributionControl: { compact: true },
          fadeDuration: 0,
        });
        map = m;
        mapRef.current = m;
        m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
        m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
        m.getCanvas().setAttribute('aria-label', 'Map: click to set the location. Arrow keys pan, plus and minus zoom.');
        m.getCanvas().style.cursor = 'crosshair';
        m.on('load', () => {
          const p = latest.current;
          m.addSource('pick', { type: 'geojson', data: pointData(p.latitude, p.longitude, p.precision) });
          m.addLayer({
            id: 'pick-ring',
            type: 'circle',
            source: 'pick',
            paint: {
              'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'r'], 22, ['*', ['get', 'r'], 2 ** 22]],
              'circle-color': '#0b5cad',
              'circle-opacity': 0.08,
              'circle-stroke-width': 1.5,
              'circle-stroke-color': '#0b5cad',
              'circle-pitch-alignment': 'map',
            },
          });
          m.addLayer({
            id: 'pick-point',
            type: 'circle',
            source: 'pick',
            paint: { 'circle-radius': 6, 'circle-color': '#0b5cad', 'circle-stroke-width': 2, 'circle-stroke-color': '#ffffff' },
          });
          labels = new ArabicLabels(m);
          setLoaded(true);
          m.once('idle', () => container.current?.setAttribute('data-map-state', 'idle'));
          if (latest.current.debug) (window as { __casefilePickerMap?: unknown }).__casefilePickerMap = m;
        });
        m.on('click', (e) => latest.current.onPick(Math.round(e.lngLat.lat * 1e6) / 1e6, Math.round(e.lngLat.lng * 1e6) / 1e6));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      labels?.destroy();
      map?.remove();
      mapRef.current = null;
    };
  }, []);

  const { latitude, longitude, precision, flyKey } = props;
  useEffect(() => {
    if (!loaded) return;
    mapRef.current?.getSource<GeoJSONSource>('pick')?.setData(pointData(latitude, longitude, precision));
  }, [loaded, latitude, longitude, precision]);

  useEffect(() => {
    const { latitude: lat, longitude: lon } = latest.current;
    if (!loaded || flyKey === 0 || lat === null || lon === null) return;
    mapRef.current?.easeTo({ center: [lon, lat], zoom: Math.max(mapRef.current.getZoom(), 10), duration: 300 });
  }, [loaded, flyKey]);

  const useCentre = () => {
    const c = mapRef.current?.getCenter();
    if (c) props.onPick(Math.round(c.lat * 1e6) / 1e6, Math.round(c.lng * 1e6) / 1e6);
  };

  return (
    <div>
      <div ref={container} className="picker-map" data-testid="picker-map" data-map-state="loading" />
      <button type="button" onClick={useCentre} disabled={!loaded}>
        Use the map centre
      </button>
    </div>
  );
}
