/** One strike report in the list: what it says, where it is attached, edit, and delete after confirming. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ContractError } from '../../../shared/contract';
import type { StrikeReport } from '../../../shared/strikeSchemas';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';

export function StrikeReportRow({ report: r, onEdit, onDeleted }: { report: StrikeReport; onEdit: () => void; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const remove = async () => {
    try {
      await invoke('strikes:delete', { id: r.id });
      onDeleted();
    } catch (e) {
      setError(toContractError(e));
    }
  };
  const where = [r.placeText, r.mgrs, r.latitude !== null && r.longitude !== null ? `${r.latitude.toFixed(4)}, ${r.longitude.toFixed(4)}` : null].filter(Boolean);
  return (
    <tr data-testid="strike-row">
      <td>{r.date ?? <span className="muted">no date</span>}</td>
      <td>{r.belligerent ?? <span className="muted">not named</span>}</td>
      <td>{where.length ? where.join(' · ') : <span className="muted">no location</span>}</td>
      <td className="strike-text">
        {r.target && <strong>{r.target}. </strong>}
        <span dir="auto">{r.text ? (r.text.length > 240 ? `${r.text.slice(0, 240)}…` : r.text) : ''}</span>
        {r.url && (
          <>
            {' '}
            <a href={r.url} target="_blank" rel="noreferrer noopener">
              report
            </a>
          </>
        )}
        <div className="muted small">{r.origin}</div>
      </td>
      <td>
        {r.incidents.map((i) => (
          <Link key={`${i.via}${i.id}`} to={`/incidents/${encodeURIComponent(i.id)}`} title={i.via === 'match' ? 'accepted match' : "belligerent's assessment"}>
            {i.code}
          </Link>
        ))}
        {r.pendingMatches > 0 && <span className="muted small"> {r.pendingMatches} to review</span>}
      </td>
      <td className="row-actions">
        {error && <ErrorMessage error={error} />}
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()} autoFocus>
              Delete, with its {r.pendingMatches} pending matches
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onEdit} aria-label={`Edit strike report of ${r.date ?? 'unknown date'}`}>
              Edit
            </button>
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete strike report of ${r.date ?? 'unknown date'}`}>
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
