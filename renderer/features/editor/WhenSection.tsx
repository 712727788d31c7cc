import { DATE_PRECISIONS } from '../../../shared/domain';
import { DATE_PRECISION_LABELS } from '../../ui/labels';
import { SelectField, TextField } from './fields';

/** When: a day or a range, how precise the date is, and the local time if known. */
export function WhenSection() {
  return (
    <fieldset className="card form-section" aria-labelledby="when-legend">
      <legend id="when-legend">When</legend>
      <div className="form-grid">
        <TextField name="incident.dateStart" label="Date (or first day)" type="date" deps={['incident.dateEnd']} />
        <TextField name="incident.dateEnd" label="Last day (for a range)" type="date" deps={['incident.dateStart']} />
        <SelectField name="incident.datePrecision" label="Date precision" options={DATE_PRECISIONS} labels={DATE_PRECISION_LABELS} deps={['incident.dateEnd']} />
        <TextField name="incident.localTime" label="Local time" placeholder="e.g. around 02:00, night" />
      </div>
    </fieldset>
  );
}
