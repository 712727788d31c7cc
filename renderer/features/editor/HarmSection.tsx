import { useFormContext, useWatch } from 'react-hook-form';
import { CASUALTY_FIELDS, CASUALTY_LABELS, CATEGORY_TOTAL, type CasualtyField } from '../../../shared/casualty';
import type { EditorValues } from './editorForm';
import { FieldError, NumberField, TextField } from './fields';

/** The fields whose checks involve `field`: its other bound, its total, and the categories under it. */
function related(field: CasualtyField, bound: 'min' | 'max'): string[] {
  const out = [`incident.casualties.${field}.${bound === 'min' ? 'max' : 'min'}`];
  const total = CATEGORY_TOTAL[field];
  if (total) out.push(`incident.casualties.${total}.max`);
  for (const f of CASUALTY_FIELDS) if (CATEGORY_TOTAL[f] === field) out.push(`incident.casualties.${f}.min`);
  return out;
}

/** Victims listed as killed or injured against the incident's maximum: a warning, not a refusal. */
function VictimCountCheck() {
  const victims = useWatch<EditorValues, 'victims'>({ name: 'victims' }) ?? [];
  const killedMax = useWatch<EditorValues, 'incident.casualties.killed.max'>({ name: 'incident.casualties.killed.max' });
  const injuredMax = useWatch<EditorValues, 'incident.casualties.injured.max'>({ name: 'incident.casualties.injured.max' });
  const killed = victims.filter((v) => v.harm === 'killed').length;
  const injured = victims.filter((v) => v.harm === 'injured').length;
  const notes: string[] = [];
  if (typeof killedMax === 'number' && killed > killedMax) notes.push(`The victim table lists ${killed} killed, more than the maximum of ${killedMax}.`);
  if (typeof injuredMax === 'number' && injured > injuredMax) notes.push(`The victim table lists ${injured} injured, more than the maximum of ${injuredMax}.`);
  if (notes.length === 0) return null;
  return (
    <div className="data-quality" role="note">
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

/** Harm: every casualty range, each bound checked against the other and against its total. */
export function HarmSection() {
  useFormContext();
  return (
    <fieldset className="card form-section" aria-labelledby="harm-legend">
      <legend id="harm-legend">Harm</legend>
      <p className="muted small">A single figure is the same minimum and maximum; leave both blank when unknown.</p>
      <table className="compact casualty-form">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Minimum</th>
            <th scope="col">Maximum</th>
          </tr>
        </thead>
        <tbody>
          {CASUALTY_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{CASUALTY_LABELS[f]}</th>
              {(['min', 'max'] as const).map((bound) => (
                <td key={bound}>
                  <NumberField
                    name={`incident.casualties.${f}.${bound}`}
                    label={<span className="visually-hidden">{`${CASUALTY_LABELS[f]} ${bound === 'min' ? 'minimum' : 'maximum'}`}</span>}
                    min={0}
                    deps={related(f, bound)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError name="incident.casualties" />
      <VictimCountCheck />
      <div className="form-grid">
        <TextField name="incident.causeOfDeath" label="Cause of death" />
        <TextField name="incident.infrastructure" label="Infrastructure hit" />
      </div>
    </fieldset>
  );
}
