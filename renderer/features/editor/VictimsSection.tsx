import { useState } from 'react';
import { get, useFieldArray, useFormContext } from 'react-hook-form';
import { AGE_GROUPS, GENDERS, HARMS } from '../../../shared/domain';
import type { VictimInput } from '../../../shared/workbenchSchemas';
import { blankToNull, emptyVictim, toNumberOrNull, type EditorValues } from './editorForm';
import { FieldError } from './fields';

const GENDER_LABELS: Record<string, string> = { male: 'Male', female: 'Female', unknown: 'Unknown' };
const AGE_GROUP_LABELS: Record<string, string> = { child: 'Child', adult: 'Adult', elderly: 'Elderly', unknown: 'Unknown' };
const HARM_LABELS: Record<string, string> = { killed: 'Killed', injured: 'Injured' };

/** The people killed or injured, as a table: one row each, names in both scripts. */
export function VictimsSection() {
  const { control, register, getValues, formState } = useFormContext<EditorValues>();
  const { fields, append, remove, insert } = useFieldArray({ control, name: 'victims', keyName: 'fieldKey' });
  const [removed, setRemoved] = useState<{ index: number; victim: VictimInput } | null>(null);

  function removeRow(i: number) {
    setRemoved({ index: i, victim: getValues(`victims.${i}`) });
    remove(i);
  }

  const cell = (i: number, field: keyof VictimInput) => {
    const name = `victims.${i}.${field}` as const;
    const invalid = Boolean(get(formState.errors, name));
    return { id: `f-victims-${i}-${field}`, 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `f-victims-${i}-${field}-error` : undefined };
  };
  const select = (i: number, field: 'gender' | 'ageGroup' | 'harm', options: readonly string[], labels: Record<string, string>, label: string) => (
    <select {...cell(i, field)} aria-label={`${label}, victim ${i + 1}`} {...register(`victims.${i}.${field}`, { setValueAs: blankToNull, deps: [`victims.${i}.age`] })}>
      <option value="">—</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );

  return (
    <fieldset className="card form-section" aria-labelledby="victims-legend">
      <legend id="victims-legend">Victims ({fields.length})</legend>
      {fields.length === 0 ? (
        <p className="muted">No victim named or described yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="compact victims-form">
            <thead>
              <tr>
                <th scope="col">Name (Latin script)</th>
                <th scope="col">Name (local script)</th>
                <th scope="col">Gender</th>
                <th scope="col">Age</th>
                <th scope="col">Age group</th>
                <th scope="col">Killed / injured</th>
                <th scope="col">Family group</th>
                <th scope="col">Civilian status contested</th>
                <th scope="col">Sensitive</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f, i) => (
                <tr key={f.fieldKey} data-testid="victim-row">
                  <td>
                    <input {...cell(i, 'nameLatin')} aria-label={`Name in Latin script, victim ${i + 1}`} dir="auto" {...register(`victims.${i}.nameLatin`)} />
                    <FieldError name={`victims.${i}.nameLatin`} />
                  </td>
                  <td>
                    <input {...cell(i, 'nameLocal')} aria-label={`Name in local script, victim ${i + 1}`} dir="auto" lang="ar" {...register(`victims.${i}.nameLocal`)} />
                    <FieldError name={`victims.${i}.nameLocal`} />
                  </td>
                  <td>{select(i, 'gender', GENDERS, GENDER_LABELS, 'Gender')}</td>
                  <td>
                    <input
                      {...cell(i, 'age')}
                      aria-label={`Age, victim ${i + 1}`}
                      type="number"
                      min={0}
                      max={130}
                      className="narrow"
                      {...register(`victims.${i}.age`, { setValueAs: toNumberOrNull, deps: [`victims.${i}.ageGroup`] })}
                    />
                    <FieldError name={`victims.${i}.age`} />
                  </td>
                  <td>
                    {select(i, 'ageGroup', AGE_GROUPS, AGE_GROUP_LABELS, 'Age group')}
                    <FieldError name={`victims.${i}.ageGroup`} />
                  </td>
                  <td>{select(i, 'harm', HARMS, HARM_LABELS, 'Killed or injured')}</td>
                  <td>
                    <input {...cell(i, 'familyGroup')} aria-label={`Family group, victim ${i + 1}`} dir="auto" {...register(`victims.${i}.familyGroup`)} />
                  </td>
                  <td className="center">
                    <input type="checkbox" aria-label={`Civilian status contested, victim ${i + 1}`} {...register(`victims.${i}.civilianStatusContested`)} />
                  </td>
                  <td className="center">
                    <input type="checkbox" aria-label={`Sensitive, victim ${i + 1}`} {...register(`victims.${i}.sensitive`)} />
                  </td>
                  <td>
                    <button type="button" onClick={() => removeRow(i)} aria-label={`Remove victim ${i + 1}`}>
                      Remove
                    </button>
                    <FieldError name={`victims.${i}.id`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removed && (
        <p className="undo-bar" role="status">
          Removed {removed.victim.nameLatin || removed.victim.nameLocal || `victim ${removed.index + 1}`} (not saved yet).{' '}
          <button
            type="button"
            onClick={() => {
              insert(Math.min(removed.index, fields.length), removed.victim);
              setRemoved(null);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <FieldError name="victims" />
      <button type="button" onClick={() => append(emptyVictim())}>
        Add a victim
      </button>
    </fieldset>
  );
}
