/**
 * #/map/locate: the location picker on its own, to find a place's coordinates or read an MGRS
 * grid reference from a strike report, with nothing saved.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { LocationPicker, type LocationValue } from './LocationPicker';
import { toMgrs } from './mgrsFormat';

export function LocatePage() {
  const [params] = useSearchParams();
  const [value, setValue] = useState<LocationValue>({ latitude: null, longitude: null, geoPrecision: null });
  const located = value.latitude !== null && value.longitude !== null;
  return (
    <section className="page locate-page" aria-labelledby="locate-heading">
      <h1 id="locate-heading">Locate a place</h1>
      <p className="muted">Find a place, click the map, or type coordinates or an MGRS grid reference. Nothing here is saved.</p>
      <LocationPicker value={value} onChange={setValue} debug={params.has('debug')} />
      {located && (
        <p data-testid="locate-result">
          <strong>
            {value.latitude!.toFixed(5)}, {value.longitude!.toFixed(5)}
          </strong>{' '}
          · MGRS {toMgrs(value.latitude!, value.longitude!, 'exact')}
        </p>
      )}
    </section>
  );
}
