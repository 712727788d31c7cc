import { useId, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { SavedMapping } from '../../../shared/contracts/importJobs';
import type { ColumnMapping } from '../../../shared/mappingSchema';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';

interface Props {
  mapping: ColumnMapping;
  onUse: (saved: SavedMapping) => void;
}

/** Mappings saved in this case file: use one for this file, or save the current one for next time. */
export function SavedMappings({ mapping, onUse }: Props) {
  const list = useChannel('importMappings:list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const useId_ = useId();
  const nameId = useId();
  const mappings = list.data?.mappings ?? [];

  async function save() {
    setError(null);
    setSaved(null);
    try {
      const r = await invoke('importMappings:save', { name, mapping });
      setSaved(`Saved as “${r.name}”: it will be offered for the next file.`);
      list.reload();
    } catch (e) {
      setError(toContractError(e));
    }
  }

  return (
    <div className="saved-mappings">
      {mappings.length > 0 && (
        <p>
          <label htmlFor={useId_}>Use a saved mapping </label>
          <select
            id={useId_}
            defaultValue=""
            onChange={(e) => {
              const m = mappings.find((x) => x.name === e.target.value);
              if (m) onUse(m);
            }}
          >
            <option value="">Choose…</option>
            {mappings.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name} ({m.mapping.target}, saved by {m.savedBy})
              </option>
            ))}
          </select>
        </p>
      )}
      <form
        className="save-mapping"
        aria-label="Save this mapping"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={nameId}>Save this mapping as </label>
        <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <button type="submit" disabled={!name.trim()}>
          {mappings.some((m) => m.name === name.trim()) ? 'Replace saved mapping' : 'Save mapping'}
        </button>
      </form>
      {saved && <p role="status">{saved}</p>}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
