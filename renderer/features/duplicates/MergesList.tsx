import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ContractError } from '../../../shared/contract';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { timestampText } from '../../ui/format';

/** Merges that can still be undone, newest first; undo asks once more before it acts. */
export function MergesList({ onUndone, incidentId }: { onUndone?: () => void; incidentId?: string }) {
  const { data, error, reload } = useChannel('duplicates:merges', incidentId ? { incidentId } : {});
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const undo = async (id: string, label: string) => {
    try {
      await invoke('duplicates:undoMerge', { mergeId: id, reason: 'Undone from the Duplicates page' });
      setFailure(null);
      setDone(`Undone: ${label}. Both incidents are back as they were.`);
      setConfirming(null);
      reload();
      onUndone?.();
    } catch (e) {
      setFailure(toContractError(e));
    }
  };
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  return (
    <section aria-labelledby="merges-heading" data-testid="merges">
      <h2 id="merges-heading">Merges</h2>
      {done && (
        <p role="status" data-testid="undo-done">
          {done}
        </p>
      )}
      {failure && <ErrorMessage error={failure} />}
      {data && data.rows.length === 0 && <p className="muted">No merges to undo.</p>}
      <ul>
        {data?.rows.map((m) => {
          const label = `${m.absorbedCode} merged into ${m.survivorCode}`;
          return (
            <li key={m.id} data-testid={`merge-${m.absorbedCode}`}>
              <Link to={`/incidents/${m.survivorId}`}>{m.survivorCode}</Link> absorbed {m.absorbedCode}{' '}
              <span className="muted">
                ({timestampText(m.mergedAt)}, {m.mergedBy}; moved {m.moves.sources} sources, {m.moves.victims} victims)
              </span>{' '}
              {confirming === m.id ? (
                <>
                  <span>Split {m.absorbedCode} out of {m.survivorCode} again, exactly as before?</span>{' '}
                  <button type="button" onClick={() => void undo(m.id, label)}>
                    Confirm undo
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirming(m.id)}>
                  Undo merge
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
