import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ContractError } from '../../../shared/contract';
import type { DuplicatePair } from '../../../shared/contracts/duplicates';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { timestampText } from '../../ui/format';
import { MergesList } from './MergesList';
import { PairSideCard } from './PairSideCard';
import './duplicates.css';

const PAGE = 50;
// Merged pairs are no longer pairs (one incident absorbed the other): they are listed under Merges.
const DECISIONS = [
  ['pending', 'To decide'],
  ['not_duplicate', 'Not duplicates'],
  ['all', 'All'],
] as const;
type DecisionFilter = (typeof DECISIONS)[number][0];

/**
 * The Duplicates queue: suggested pairs of incidents, best first, each side by side with the
 * reasons it was suggested; decide "not duplicates" (kept however often pairs are recomputed)
 * or open the merge form. Recent merges below, each with its undo.
 */
export function DuplicatesPage() {
  const [params, setParams] = useSearchParams();
  const decision = (DECISIONS.find(([d]) => d === params.get('decision'))?.[0] ?? 'pending') as DecisionFilter;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const { data, error, loading, reload } = useChannel('duplicates:list', { decision, offset, limit: PAGE });
  const set = (patch: Record<string, string>) => setParams({ decision, offset: String(offset), ...patch });

  return (
    <section className="page duplicates-page" aria-labelledby="duplicates-heading">
      <h1 id="duplicates-heading">Duplicate incidents</h1>
      <p className="muted">
        Pairs that may be one incident logged twice, scored from dates, distance (with each point's precision), place names,
        shared sources, pages and files, and victims' names. Nothing changes until you decide.
      </p>
      <label>
        Show{' '}
        <select value={decision} onChange={(e) => set({ decision: e.target.value, offset: '0' })}>
          {DECISIONS.map(([d, label]) => (
            <option key={d} value={d}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Finding possible duplicates" />}
      {data && (
        <>
          <p data-testid="duplicates-total">
            {data.total} pair{data.total === 1 ? '' : 's'}
            {data.computedAt ? <span className="muted"> (computed {timestampText(data.computedAt)})</span> : null}
          </p>
          {data.rows.length === 0 ? (
            <EmptyState title="No pairs here.">
              <p>When two incidents look alike (same days, same place, shared sources), they are listed here.</p>
            </EmptyState>
          ) : (
            data.rows.map((p) => <PairCard key={`${p.a.id}|${p.b.id}`} pair={p} onDecided={reload} />)
          )}
          <nav className="pair-actions" aria-label="Pages of pairs">
            <button type="button" disabled={offset === 0} onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}>
              Previous
            </button>
            <span className="muted">
              {data.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, data.total)} of {data.total}
            </span>
            <button type="button" disabled={offset + PAGE >= data.total} onClick={() => set({ offset: String(offset + PAGE) })}>
              Next
            </button>
          </nav>
        </>
      )}
      <MergesList onUndone={reload} />
    </section>
  );
}

function PairCard({ pair, onDecided }: { pair: DuplicatePair; onDecided: () => void }) {
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'not_duplicate' | 'pending') => {
    setBusy(true);
    try {
      await invoke('duplicates:decide', { incidentA: pair.a.id, incidentB: pair.b.id, decision });
      setError(null);
      onDecided();
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(false);
    }
  };
  const title = `${pair.a.code} and ${pair.b.code}`;
  return (
    <article className="pair-card" aria-label={`Pair ${title}`} data-testid={`pair-${pair.a.code}-${pair.b.code}`}>
      <div className="pair-sides">
        <PairSideCard side={pair.a} label="A" />
        <PairSideCard side={pair.b} label="B" />
      </div>
      <p>
        <strong>Score {Math.round(pair.score * 100)}</strong>{' '}
        <span className="muted">{pair.decision === 'pending' ? '' : `(${pair.decision === 'merged' ? 'merged' : 'not duplicates'}${pair.note ? `: ${pair.note}` : ''})`}</span>
      </p>
      <ul className="pair-reasons">
        {pair.reasons.map((r, i) => (
          <li key={i}>
            {r.text} <span className="muted">(+{Math.round(r.weight * 100)})</span>
          </li>
        ))}
      </ul>
      {error && <ErrorMessage error={error} />}
      <div className="pair-actions">
        {pair.decision === 'pending' && (
          <>
            <Link className="button" to={`/duplicates/merge?survivor=${pair.a.id}&absorbed=${pair.b.id}`}>
              Merge…
            </Link>
            <button type="button" disabled={busy} onClick={() => void decide('not_duplicate')}>
              Not duplicates
            </button>
          </>
        )}
        {pair.decision === 'not_duplicate' && (
          <button type="button" disabled={busy} onClick={() => void decide('pending')}>
            Back to “to decide”
          </button>
        )}
      </div>
    </article>
  );
}
