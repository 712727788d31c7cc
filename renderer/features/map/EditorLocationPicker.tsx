/**
 * The location picker inside the incident editor (its "Where" section): bound to the editor's
 * form (incident.latitude, incident.longitude, incident.geoPrecision), opened on demand so the
 * editor does not load the map until it is wanted. Picking a place fills the place fields
 * that are still empty (English and Arabic names, governorate, country); it never overwrites.
 */
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import type { GeoPrecision } from '../../../shared/domain';
import { LazyLocationPicker } from './lazy';
import type { LocationValue, PickedPlace } from './LocationPicker';

const COUNTRY_NAMES: Record<string, string> = { SY: 'Syria', IQ: 'Iraq', TR: 'Turkey', JO: 'Jordan', LB: 'Lebanon', SA: 'Saudi Arabia', IR: 'Iran' };

const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

export function EditorLocationPicker() {
  const { control, setValue, getValues } = useFormContext();
  const [params] = useSearchParams();
  const [open, setOpen] = useState(false);
  const [latitude, longitude, geoPrecision] = useWatch({ control, name: ['incident.latitude', 'incident.longitude', 'incident.geoPrecision'] }) as unknown[];
  const value: LocationValue = { latitude: num(latitude), longitude: num(longitude), geoPrecision: (geoPrecision || null) as GeoPrecision | null };
  const opts = { shouldDirty: true, shouldValidate: true, shouldTouch: true };

  const onChange = (next: LocationValue) => {
    setValue('incident.latitude', next.latitude, opts);
    setValue('incident.longitude', next.longitude, opts);
    setValue('incident.geoPrecision', next.geoPrecision, opts);
  };
  const onPlace = (place: PickedPlace) => {
    const fill = (name: string, v: string | null) => {
      const had = getValues(name) as unknown;
      if (v && (had === null || had === undefined || had === '')) setValue(name, v, opts);
    };
    fill('incident.placeEn', place.en);
    fill('incident.placeAr', place.ar);
    fill('incident.governorate', place.governorate);
    fill('incident.country', COUNTRY_NAMES[place.country] ?? null);
  };

  return (
    <div className="editor-location-picker">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="open-location-picker">
        {open ? 'Hide the map' : 'Find the place on the map (search, click, MGRS)'}
      </button>
      {open && <LazyLocationPicker value={value} onChange={onChange} onPlace={onPlace} debug={params.has('debug')} />}
    </div>
  );
}
