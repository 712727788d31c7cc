import type { MergeConflictView } from '../../../shared/contracts/merge';
import { shown, type Resolution } from './resolutions';

type FieldChoice = NonNullable<Resolution['fields']>[string];

/** One conflict: for each field changed on both sides, mine, theirs, or an edited value. */
export function ConflictCard({ conflict, value, onChange }: { conflict: MergeConflictView; value: Resolution | undefined; onChange: (r: Resolution) => void }) {
  const name = (suffix: string) => `${conflict.id}:${suffix}`;
  if (conflict.kind !== 'fields') {
    const deletedHere = conflict.kind === 'deleted_mine';
    return (
      <fieldset className="conflict" data-testid="conflict">
        <legend>{conflict.label}</legend>
        <p>{deletedHere ? 'Deleted in this case file, changed in the bundle.' : 'Deleted in the bundle, changed in this case file.'}</p>
        <label>
          <input type="radio" name={name('record')} checked={value?.record === 'mine'} onChange={() => onChange({ record: 'mine' })} />{' '}
          {deletedHere ? 'Keep it deleted (mine)' : 'Keep my changed record (mine)'}
        </label>
        <label>
          <input type="radio" name={name('record')} checked={value?.record === 'theirs'} onChange={() => onChange({ record: 'theirs' })} />{' '}
          {deletedHere ? 'Restore their record (theirs)' : 'Delete it (theirs)'}
        </label>
      </fieldset>
    );
  }
  const set = (column: string, choice: FieldChoice) => onChange({ fields: { ...(value?.fields ?? {}), [column]: choice } });
  return (
    <fieldset className="conflict" data-testid="conflict">
      <legend>{conflict.label}</legend>
      {conflict.fields.map((f) => {
        const choice = value?.fields?.[f.column] ?? (value?.record ? { pick: value.record } : undefined);
        const editValue = choice?.pick === 'edit' ? (choice.value ?? '') : '';
        return (
          <div className="conflict-field" key={f.column} role="radiogroup" aria-label={`${conflict.label}: ${f.column}`}>
            <div className="conflict-column">
              <code>{f.column}</code> <span className="muted">was {shown(f.base)}</span>
            </div>
            <label>
              <input type="radio" name={name(f.column)} checked={choice?.pick === 'mine'} onChange={() => set(f.column, { pick: 'mine' })} /> Mine:{' '}
              <span className="value">{shown(f.mine)}</span>
            </label>
            <label>
              <input type="radio" name={name(f.column)} checked={choice?.pick === 'theirs'} onChange={() => set(f.column, { pick: 'theirs' })} /> Theirs:{' '}
              <span className="value">{shown(f.theirs)}</span>
            </label>
            <label>
              <input
                type="radio"
                name={name(f.column)}
                checked={choice?.pick === 'edit'}
                onChange={() => set(f.column, { pick: 'edit', value: f.mine === null ? '' : String(f.mine) })}
              />{' '}
              Edit
            </label>
            {choice?.pick === 'edit' && (
              <textarea
                aria-label={`Edited ${f.column}`}
                value={String(editValue)}
                rows={typeof f.mine === 'string' && f.mine.length > 80 ? 4 : 1}
                onChange={(e) => set(f.column, { pick: 'edit', value: e.target.value })}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
