import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChannelOutput, ContractError } from '../../../shared/contract';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { fieldLabel } from './AuditChange';
import { AUDIT_ACTION_LABELS, AuditEntriesTable } from './AuditEntriesTable';
import './audit.css';

const PAGE = 50;

/** The whole case's audit trail: who changed what, before and after; filters, pages, and Verify. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const actor = params.get('actor') || undefined;
  const entity = params.get('entity') || undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const { data, error, loading, reload } = useChannel('audit:search', { actor, entity, offset, limit: PAGE });

  function set(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next);
  }

  return (
    <section className="page audit-page" aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit trail</h1>
      <p className="muted">
        Every change to this case file, newest first: who made it, when, what it was before and after, and why. Each entry is
        chained to the one before it by its hash, and signed by its author when they acted with a profile.
      </p>
      <VerifyBox />
      <form className="filter-bar" aria-label="Filter the audit trail" onSubmit={(e) => e.preventDefault()}>
        <div className="filter-fields">
          <label>
            Who
            <select value={actor ?? ''} onChange={(e) => set('actor', e.target.value)}>
              <option value="">Anyone</option>
              {data?.actors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            What
            <select value={entity ?? ''} onChange={(e) => set('entity', e.target.value)}>
              <option value="">Anything</option>
              {data?.entities.map((x) => (
                <option key={x} value={x}>
                  {fieldLabel(x)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Reading the trail" />}
      {data && (
        <>
          <p className="result-count">
            <span data-testid="audit-total">{data.total}</span> {data.total === 1 ? 'entry' : 'entries'}
            {data.total > 0 && ` · showing ${offset + 1}–${Math.min(offset + PAGE, data.total)}`}
          </p>
          <div className="table-wrap">
            <AuditEntriesTable
              entries={data.entries}
              rowTestId="audit-entry"
              showSeq
              what={(e) => (
                <>
                  {AUDIT_ACTION_LABELS[e.action]} {fieldLabel(e.entity)}
                  {e.entity === 'incidents' && (
                    <div className="small">
                      <Link to={`/incidents/${encodeURIComponent(e.entityId)}`}>open</Link>
                    </div>
                  )}
                </>
              )}
            />
          </div>
          <nav className="pager" aria-label="Pages of the trail">
            <button type="button" disabled={offset === 0} onClick={() => set('offset', offset - PAGE > 0 ? String(offset - PAGE) : undefined)}>
              ← Newer
            </button>
            <button type="button" disabled={offset + PAGE >= data.total} onClick={() => set('offset', String(offset + PAGE))}>
              Older →
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** Check the chain, the signatures and the data against the trail, and say what was found. */
function VerifyBox() {
  const [result, setResult] = useState<ChannelOutput<'audit:verify'> | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await invoke('audit:verify', {}));
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="verify-box">
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify the trail'}
      </button>
      {error && <ErrorMessage error={error} />}
      {result && (
        <p className={result.ok ? 'verify-ok' : 'verify-broken'} role="status" data-testid="verify-result">
          {result.ok ? '✓ ' : '✗ '}
          {result.message}
        </p>
      )}
    </div>
  );
}
