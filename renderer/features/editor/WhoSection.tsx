import { useFieldArray, useFormContext } from 'react-hook-form';
import { BELLIGERENT_POSITIONS, INVOLVEMENTS, STRIKE_STATUSES } from '../../../shared/domain';
import { POSITION_LABELS, STRIKE_STATUS_LABELS } from '../../ui/labels';
import { emptyBelligerent, type EditorValues } from './editorForm';
import { NumberField, SelectField, TextAreaField, TextField } from './fields';

const INVOLVEMENT_LABELS = { known: 'Known', suspected: 'Suspected' };

function RangeFields({ base, label }: { base: string; label: string }) {
  return (
    <div className="range-fields" role="group" aria-label={label}>
      <NumberField name={`${base}.min`} label={`${label}: min`} min={0} deps={[`${base}.max`]} />
      <NumberField name={`${base}.max`} label={`${label}: max`} min={0} deps={[`${base}.min`]} />
    </div>
  );
}

/** Who: each belligerent, known or suspected, with its own position, what it conceded, and its strike report. */
export function WhoSection() {
  const { control } = useFormContext<EditorValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'incident.belligerents', keyName: 'fieldKey' });
  return (
    <fieldset className="card form-section" aria-labelledby="who-legend">
      <legend id="who-legend">Who</legend>
      <div className="form-grid">
        <TextField name="incident.strikeType" label="Strike type" placeholder="e.g. Airstrike, shelling" />
        <SelectField name="incident.strikeStatus" label="Strike status" options={STRIKE_STATUSES} labels={STRIKE_STATUS_LABELS} blank="Not known" />
      </div>
      {fields.length === 0 && <p className="muted">No belligerent recorded yet.</p>}
      <ol className="plain-list">
        {fields.map((f, i) => {
          const base = `incident.belligerents.${i}`;
          return (
            <li key={f.fieldKey} className="sub-card belligerent-form" data-testid="belligerent-form">
              <div className="form-grid">
                <TextField name={`${base}.belligerent`} label="Belligerent" placeholder="e.g. U.S.-led Coalition, Russia" />
                <SelectField name={`${base}.involvement`} label="Involvement" options={INVOLVEMENTS} labels={INVOLVEMENT_LABELS} />
                <SelectField name={`${base}.position`} label="Its position" options={BELLIGERENT_POSITIONS} labels={POSITION_LABELS} />
              </div>
              <div className="form-grid">
                <RangeFields base={`${base}.concededKilled`} label="Conceded killed" />
                <RangeFields base={`${base}.concededInjured`} label="Conceded injured" />
              </div>
              <div className="form-grid">
                <TextField name={`${base}.locationText`} label="Stated location" rtl />
                <TextField name={`${base}.mgrs`} label="MGRS" placeholder="e.g. 37SEV1234567890" />
              </div>
              <TextAreaField name={`${base}.statement`} label="Strike report or statement" rows={3} />
              <div className="row-actions">
                <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  Move up
                </button>
                <button type="button" onClick={() => remove(i)}>
                  Remove this belligerent
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => append(emptyBelligerent())}>
        Add a belligerent
      </button>
    </fieldset>
  );
}
