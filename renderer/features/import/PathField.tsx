import { useId, useState } from 'react';
import { invoke, toContractError } from '../../app/client';

interface Props {
  label: string;
  kind: 'folder' | 'csv';
  value: string;
  onChange: (path: string) => void;
  hint?: string;
  disabled?: boolean;
}

/**
 * A path on this computer: typed (the browser served by `casefile serve` runs on this machine),
 * or chosen with the desktop app's open dialog through Browse…. Where there is no dialog,
 * Browse says to type the path.
 */
export function PathField({ label, kind, value, onChange, hint, disabled }: Props) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  async function browse() {
    setNote(null);
    try {
      const r = await invoke('dialog:choosePath', { kind });
      if (r.path) onChange(r.path);
    } catch (e) {
      setNote(toContractError(e).message);
    }
  }
  return (
    <div className="path-field">
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input
          id={id}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={kind === 'folder' ? '/path/to/airwars-syria' : '/path/to/list.csv'}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <button type="button" onClick={() => void browse()} disabled={disabled}>
          Browse…
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="small muted">
          {hint}
        </p>
      )}
      {note && (
        <p className="small" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
