/**
 * The map's entry points for the rest of the app, loaded on first use: MapLibre (about 1 MB)
 * stays out of the bundle that opens the incidents list.
 */
import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { Loading } from '../../ui/Loading';
import { loadedMapPage, loadMapPage } from './prefetchCode';

const MapPageLazy = lazy(() => loadMapPage().then((m) => ({ default: m.MapPage })));
const LocatePageLazy = lazy(() => import('./LocatePage').then((m) => ({ default: m.LocatePage })));
const LocationPickerLazy = lazy(() => import('./LocationPicker').then((m) => ({ default: m.LocationPicker })));

export function MapRoute() {
  // Prefetched at boot and already evaluated: rendered at once. Through lazy() it would show the
  // fallback first, and React reveals a boundary's content no sooner than 300 ms after its
  // fallback appeared, holding the map's creation back by up to that long. Decided once per
  // mount, so that the page is never remounted (and its map made again) when the code arrives.
  const [loaded] = useState(loadedMapPage);
  if (loaded) return <loaded.MapPage />;
  return (
    <Suspense fallback={<Loading what="Opening the map" />}>
      <MapPageLazy />
    </Suspense>
  );
}

export function LocateRoute() {
  return (
    <Suspense fallback={<Loading what="Opening the map" />}>
      <LocatePageLazy />
    </Suspense>
  );
}

/** The location picker (place search, map, precision, MGRS), for the incident editor. */
export function LazyLocationPicker(props: ComponentProps<typeof LocationPickerLazy>) {
  return (
    <Suspense fallback={<Loading what="Opening the map" />}>
      <LocationPickerLazy {...props} />
    </Suspense>
  );
}
