/**
 * Geolocating an incident: search a place by any name (Arabic or Latin, however spelled), pick
 * it or click the map, type coordinates or an MGRS grid reference, say how precise the location
 * is, and see the nearest places and the governorate it falls in. Works with no network: the
 * gazetteer and the map ship with the app.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { GEO_PRECISIONS, type GeoPrecision } from '../../../shared/domain';
import { GEO_PRECISION_LABELS } from '../../ui/labels';
import { loadGovernorates, loadSearchablePlaces, type Governorate } from './basemap';
import { Gazetteer, type Place } from './gazetteer';
import { governorateAt } from './geo';
import { parseMgrs, toMgrs } from './mgrsFormat';
import { PickerMap } from './PickerMap';
import { PlaceSearch } from './PlaceSearch';
import './map.css';

export interface LocationValue {
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
}

export interface PickedPlace {
  en: string;
  ar: string | null;
  /** English name of the governorate, when in Syria or Iraq. */
  governorate: string | null;
  /** ISO 3166 alpha-2. */
  country: string;
}

/** The precision a place of this kind stands for. */
export function precisionForKind(kind: Place['kind']): GeoPrecision {
  switch (kind) {
    case 'city':
      return 'city';
    case 'town':
      return 'town';
    case 'village':
      return 'village';
    case 'neighbourhood':
    case 'camp':
      return 'neighbourhood';
    case 'landmark':
      return 'landmark';
    case 'governorate':
      return 'governorate';
  }
}

const fmt = (v: number | null) => (v === null ? '' : String(v));

export function LocationPicker(props: {
  value: LocationValue;
  onChange: (next: LocationValue) => void;
  onPlace?: (place: PickedPlace) => void;
  debug?: boolean;
}) {
  const { value, onChange } = props;
  const id = useId();
  const [gazetteer, setGazetteer] = useState<Gazetteer | null>(null);
  const [governorates, setGovernorates] = useState<Governorate[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [flyKey, setFlyKey] = useState(0);
  const [lat, setLat] = useState(fmt(value.latitude));
  const [lon, setLon] = useState(fmt(value.longitude));
  const [mgrs, setMgrs] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([loadSearchablePlaces(), loadGovernorates()]).then(
      ([places, govs]) => {
        if (!live) return;
        setGazetteer(new Gazetteer(places));
        setGovernorates(govs);
      },
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  // Show the value as it changes from outside (a pick, a click, the form being reset).
  const { latitude, longitude, geoPrecision } = value;
  const currentMgrs = useMemo(() => {
    if (latitude === null || longitude === null) return '';
    try {
      return toMgrs(latitude, longitude, geoPrecision);
    } catch {
      return '';
    }
  }, [latitude, longitude, geoPrecision]);
  useEffect(() => {
    setLat(fmt(latitude));
    setLon(fmt(longitude));
    setMgrs(currentMgrs);
  }, [latitude, longitude, currentMgrs]);

  const set = (next: LocationValue, fly: boolean) => {
    setFieldError(null);
    onChange(next);
    if (fly) setFlyKey((k) => k + 1);
  };

  const pickPlace = (place: Place) => {
    set({ latitude: place.lat, longitude: place.lon, geoPrecision: precisionForKind(place.kind) }, true);
    const gov = governorates.find((g) => g.id === place.gov);
    props.onPlace?.({ en: place.kind === 'governorate' ? (gov?.en ?? place.en) : place.en, ar: place.ar, governorate: gov?.en ?? null, country: place.cc });
  };

  const commitLatLon = () => {
    if (lat.trim() === '' && lon.trim() === '') {
      if (latitude !== null) set({ latitude: null, longitude: null, geoPrecision: null }, false);
      return;
    }
    const la = Number(lat);
    const lo = Number(lon);
    if (lat.trim() === '' || !Number.isFinite(la) || la < -90 || la > 90) return setFieldError('Latitude: give decimal degrees between -90 and 90, e.g. 34.467');
    if (lon.trim() === '' || !Number.isFinite(lo) || lo < -180 || lo > 180) return setFieldError('Longitude: give decimal degrees between -180 and 180, e.g. 40.944');
    if (la !== latitude || lo !== longitude) set({ latitude: la, longitude: lo, geoPrecision }, true);
  };

  const commitMgrs = () => {
    if (mgrs.trim() === '' || mgrs === currentMgrs) return;
    const r = parseMgrs(mgrs);
    if (!r.ok) return setFieldError(r.message);
    set({ latitude: Math.round(r.lat * 1e6) / 1e6, longitude: Math.round(r.lon * 1e6) / 1e6, geoPrecision: geoPrecision ?? r.suggested }, true);
  };

  const onEnter = (commit: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };

  const located = latitude !== null && longitude !== null;
  const nearest = located && gazetteer ? gazetteer.nearest(longitude, latitude, 5) : [];
  const gov = located ? governorateAt(longitude, latitude, governorates) : null;

  return (
    <div className="location-picker" data-testid="location-picker">
      {loadError && (
        <p className="error-message" role="alert">
          {loadError}
        </p>
      )}
      <PlaceSearch gazetteer={gazetteer} onPick={pickPlace} />
      <PickerMap
        latitude={latitude}
        longitude={longitude}
        precision={geoPrecision}
        flyKey={flyKey}
        onPick={(la, lo) => set({ latitude: la, longitude: lo, geoPrecision }, false)}
        debug={props.debug}
      />
      <div className="picker-fields">
        <label>
          Latitude
          <input id={`${id}-lat`} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} onBlur={commitLatLon} onKeyDown={onEnter(commitLatLon)} data-testid="picker-lat" />
        </label>
        <label>
          Longitude
          <input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} onBlur={commitLatLon} onKeyDown={onEnter(commitLatLon)} data-testid="picker-lon" />
        </label>
        <label>
          MGRS
          <input
            value={mgrs}
            onChange={(e) => setMgrs(e.target.value)}
            onBlur={commitMgrs}
            onKeyDown={onEnter(commitMgrs)}
            placeholder="e.g. 37S FV 12345 67890"
            spellCheck={false}
            data-testid="picker-mgrs"
          />
        </label>
        <label>
          Precision
          <select
            value={geoPrecision ?? ''}
            onChange={(e) => set({ latitude, longitude, geoPrecision: (e.target.value || null) as GeoPrecision | null }, false)}
            data-testid="picker-precision"
          >
            <option value="">Not stated</option>
            {GEO_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {GEO_PRECISION_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {fieldError && (
        <p className="error-message" role="alert">
          {fieldError}
        </p>
      )}
      {located && geoPrecision === null && <p className="warn">Say how precise this location is.</p>}
      {located && (
        <div data-testid="picker-nearest" aria-live="polite">
          <p>
            {gov ? (
              <>
                In {gov.en} governorate <span lang="ar" dir="rtl">({gov.ar})</span>, {gov.cc === 'SY' ? 'Syria' : 'Iraq'}.
              </>
            ) : (
              'Outside the governorates of Syria and Iraq.'
            )}{' '}
            Nearest places:
          </p>
          <ol className="picker-nearest">
            {nearest.map((n) => (
              <li key={n.place.id}>
                {n.km < 0.05 ? 'At ' : `${n.km < 10 ? n.km.toFixed(1) : Math.round(n.km)} km ${n.bearing} of `}
                <strong>{n.place.en}</strong>
                {n.place.ar && (
                  <span lang="ar" dir="rtl">
                    {' '}
                    {n.place.ar}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
