import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ChannelOutput, ContractError } from '../../../shared/contract';
import type { MergeField } from '../../../shared/contracts/duplicates';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { MERGE_FIELD_LABELS, MOVE_LABELS } from './labels';
import { MergesList } from './MergesList';
import { PairSideCard } from './PairSideCard';
import './duplicates.css';

type Pick = 'survivor' | 'absorbed';

/**
 * Merge two incidents: choose which survives (swap), then field by field which value it keeps
 * (default: the survivor's, unless it has none). Everything that hangs off the other incident
 * moves over; its code stays findable as an earlier code. The merge can be undone.
 */
export function MergePage() {
  const [params, setParams] = useSearchParams();
  const survivorId = params.get('survivor') ?? '';
  const absorbedId = params.get('absorbed') ?? '';
  const { data, error, loading } = useChannel('duplicates:mergePreview', { survivorId, absorbedId });
  const [picks, setPicks] = useState<Partial<Record<MergeField, Pick>>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [merged, setMerged] = useState<ChannelOutput<'duplicates:merge'> | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (data) setPicks(Object.fromEntries(data.fields.map((f) => [f.field, f.pick])));
  }, [data]);

  const swap = () => setParams({ survivor: absorbedId, absorbed: survivorId });
  const submit = async () => {
    setBusy(true);
    try {
      const r = await invoke('duplicates:merge', { survivorId, absorbedId, picks, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setFailure(null);
      setMerged(r);
    } catch (e) {
      setFailure(toContractError(e));
    } finally {
      setBusy(false);
    }
  };

  if (merged) {
    return (
      <section className="page merge-page" aria-labelledby="merge-heading">
        <h1 id="merge-heading">Merged</h1>
        <p role="status" data-testid="merge-done">
          {merged.absorbedCode} was merged into {merged.survivorCode}. Opening {merged.absorbedCode} now opens {merged.survivorCode}.
        </p>
        <p>
          <Link className="button" to={`/incidents/${merged.survivorId}`}>
            Open {merged.survivorCode}
          </Link>{' '}
          <Link to="/duplicates">Back to the duplicates</Link>
        </p>
        <MergesList incidentId={merged.survivorId} onUndone={() => navigate('/duplicates')} />
      </section>
    );
  }

  return (
    <section className="page merge-page" aria-labelledby="merge-heading">
      <h1 id="merge-heading">Merge two incidents</h1>
      {error && <ErrorMessage error={error} />}
      {!error && !data && loading && <Loading what="Comparing the two incidents" />}
      {data && (
        <>
          <div className="pair-sides">
            <PairSideCard side={data.survivor} label="Keeps its code:" />
            <PairSideCard side={data.absorbed} label="Absorbed:" />
          </div>
          <p>
            <button type="button" onClick={swap}>
              Keep {data.absorbed.code} instead
            </button>
          </p>
          {data.refusal && (
            <p className="warning" role="alert" data-testid="merge-refusal">
              {data.refusal}
            </p>
          )}
          <table className="merge-table">
            <caption className="visually-hidden">The value the merged incident keeps, field by field</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{data.survivor.code}</th>
                <th scope="col">{data.absorbed.code}</th>
              </tr>
            </thead>
            <tbody>
              {data.fields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{MERGE_FIELD_LABELS[f.field]}</th>
                  {(['survivor', 'absorbed'] as const).map((side) => (
                    <td key={side}>
                      <label>
                        <input
                          type="radio"
                          name={`pick-${f.field}`}
                          checked={picks[f.field] === side}
                          onChange={() => setPicks((p) => ({ ...p, [f.field]: side }))}
                          aria-label={`${MERGE_FIELD_LABELS[f.field]}: keep ${side === 'survivor' ? data.survivor.code : data.absorbed.code}'s value`}
                        />
                        {f[side] === null ? <span className="merge-empty">empty</span> : <span dir="auto">{f[side]}</span>}
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="merge-moves">
            Moves to {data.survivor.code}:{' '}
            {Object.entries(data.moves)
              .map(([k, n]) => `${n} ${MOVE_LABELS[k as keyof typeof MOVE_LABELS]}`)
              .join(', ')}
            .
          </p>
          <label>
            Why (kept in the audit log)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
          </label>
          {failure && <ErrorMessage error={failure} />}
          <p className="pair-actions">
            <button type="button" className="primary" disabled={busy || data.refusal !== null} onClick={() => void submit()}>
              Merge {data.absorbed.code} into {data.survivor.code}
            </button>
            <Link to="/duplicates">Cancel</Link>
          </p>
        </>
      )}
    </section>
  );
}
