import { GEO_PRECISIONS } from '../../../shared/domain';
import { GEO_PRECISION_LABELS } from '../../ui/labels';
import { NumberField, SelectField, TextField } from './fields';
import { EditorLocationPicker } from '../map/EditorLocationPicker';

const COORDS = ['incident.latitude', 'incident.longitude', 'incident.geoPrecision'];

/**
 * Where: the place in English and Arabic, its district and governorate, one location and how
 * precise it is. Kept in its own component so a map picker can be added beside the fields.
 */
export function WhereSection() {
  return (
    <fieldset className="card form-section" aria-labelledby="where-legend">
      <legend id="where-legend">Where</legend>
      <div className="form-grid">
        <TextField name="incident.placeEn" label="Place (English)" placeholder="e.g. Al-Mansoura" />
        <TextField name="incident.placeAr" label="Place (Arabic)" rtl placeholder="مثلاً المنصورة" />
        <TextField name="incident.district" label="District" />
        <TextField name="incident.governorate" label="Governorate" />
        <TextField name="incident.country" label="Country" />
      </div>
      <div className="form-grid">
        <NumberField name="incident.latitude" label="Latitude" step="any" min={-90} max={90} deps={COORDS} hint="Decimal degrees, e.g. 35.95" />
        <NumberField name="incident.longitude" label="Longitude" step="any" min={-180} max={180} deps={COORDS} hint="e.g. 39.01" />
        <SelectField
          name="incident.geoPrecision"
          label="Geolocation precision"
          options={GEO_PRECISIONS}
          labels={GEO_PRECISION_LABELS}
          blank="Not geolocated"
          deps={COORDS}
        />
      </div>
      <EditorLocationPicker />
    </fieldset>
  );
}
