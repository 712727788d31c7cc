/**
 * Strike reports: what belligerents declared, filtered by words, belligerent and date; add or
 * edit one (MGRS accepted), delete one after confirming, and compute strike-match candidates for
 * the whole case (then work them through the queue or on each incident's page).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChannelOutput, ContractError } from '../../../shared/contract';
import type { StrikeReport } from '../../../shared/strikeSchemas';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { StrikeReportForm } from './StrikeReportForm';
import { StrikeReportRow } from './StrikeReportRow';
import './strikes.css';

const PAGE = 50;

export function StrikeReportsPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const belligerent = params.get('belligerent') ?? '';
  const dateFrom = params.get('from') ?? '';
  const dateTo = params.get('to') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const input = {
    ...(query ? { query } : {}),
    ...(belligerent ? { belligerent } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(dateFrom) ? { dateFrom } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(dateTo) ? { dateTo } : {}),
    offset,
    limit: PAGE,
  };
  const list = useChannel('strikes:list', input);
  const [editing, setEditing] = useState<StrikeReport | 'new' | null>(null);
  const [computed, setComputed] = useState<ChannelOutput<'strikeMatches:compute'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('offset');
    setParams(next, { replace: true });
  };

  const compute = async () => {
    setBusy(true);
    setError(null);
    try {
      setComputed(await invoke('strikeMatches:compute', {}));
      list.reload();
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page strikes-page" aria-labelledby="strikes-heading">
      <header className="page-header">
        <h1 id="strikes-heading">Strike reports</h1>
        <div className="actions">
          <button type="button" onClick={() => setEditing('new')} disabled={editing !== null}>
            Add strike report
          </button>
          <button type="button" onClick={() => void compute()} disabled={busy} data-testid="compute-candidates">
            {busy ? 'Finding candidates…' : 'Find candidate incidents'}
          </button>
          <Link to="/strikes/queue">Candidates to review</Link>
        </div>
      </header>
      {error && <ErrorMessage error={error} />}
      {computed && (
        <p className="notice" role="status" data-testid="compute-result">
          Compared {computed.reports} dated strike reports with {computed.incidents} incidents: {computed.candidates} candidates ({computed.created} new,{' '}
          {computed.updated} rescored, {computed.removed} no longer near); {computed.kept} decisions kept. <Link to="/strikes/queue">Review them</Link>
        </p>
      )}
      {editing !== null && (
        <StrikeReportForm
          key={editing === 'new' ? 'new' : editing.id}
          report={editing === 'new' ? undefined : editing}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <form className="filter-bar" role="search" aria-label="Filter strike reports" onSubmit={(e) => e.preventDefault()}>
        <label>
          Words <input type="search" value={query} onChange={(e) => set('q', e.target.value)} placeholder="place, target, text, grid" />
        </label>
        <label>
          Belligerent{' '}
          <select value={belligerent} onChange={(e) => set('belligerent', e.target.value)}>
            <option value="">Any</option>
            {(list.data?.belligerents ?? []).map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={dateFrom} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={dateTo} onChange={(e) => set('to', e.target.value)} />
        </label>
      </form>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading what="Loading strike reports" />}
      {list.data && (
        <>
          <p className="muted" data-testid="strike-count">
            {list.data.total} strike {list.data.total === 1 ? 'report' : 'reports'}
          </p>
          <table className="strikes-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Belligerent</th>
                <th scope="col">Place</th>
                <th scope="col">Target and text</th>
                <th scope="col">Incidents</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((r) => (
                <StrikeReportRow key={r.id} report={r} onEdit={() => setEditing(r)} onDeleted={list.reload} />
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={offset === 0} onClick={() => set('offset', String(Math.max(0, offset - PAGE)))}>
              Previous
            </button>
            <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => set('offset', String(offset + PAGE))}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
