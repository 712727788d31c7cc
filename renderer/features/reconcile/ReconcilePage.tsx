import { useRef, useState, type KeyboardEvent } from 'react';
import type { VictimPair } from '../../../shared/contracts/reconcile';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { VictimCard } from './VictimCard';
import '../../styles/workbench.css';
import './reconcile.css';

const PAGE = 50;

interface Done {
  text: string;
  /** Undo a confirmation: take out again the record(s) that joined. */
  undo: string[] | null;
}

/**
 * #/victims/reconcile — victim records that are probably one person, likeliest first, side by
 * side with the reasons. Confirm gives them one reconciliation id (named-victim figures then
 * count one person); "Not the same person" is remembered. Keys on a focused pair: c confirm,
 * n not the same person, ↓/j and ↑/k move between pairs.
 */
export function ReconcilePage() {
  const [offset, setOffset] = useState(0);
  const { data, error, loading, reload } = useChannel('victims:reconcileQueue', { offset, limit: PAGE });
  const [done, setDone] = useState<Done | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  async function run(action: () => Promise<Done>, index: number) {
    setProblem(null);
    try {
      setDone(await action());
      reload();
      // Keep the keyboard where it was: the next pair moves up into this place.
      requestAnimationFrame(() => focusPair(index));
    } catch (e) {
      setProblem(toContractError(e).message);
    }
  }

  const confirm = (p: VictimPair, index: number) =>
    run(async () => {
      await invoke('victims:reconcile', { victimIds: [p.a.id, p.b.id] });
      const joined = !p.a.reconciliationId ? [p.a.id] : !p.b.reconciliationId ? [p.b.id] : null;
      return { text: `Reconciled: ${name(p.a)} (${p.a.incidentCode}) and ${name(p.b)} (${p.b.incidentCode}) are one person.`, undo: joined };
    }, index);
  const dismiss = (p: VictimPair, index: number) =>
    run(async () => {
      await invoke('victims:dismissPair', { victimIds: [p.a.id, p.b.id] });
      return { text: `Kept apart: ${name(p.a)} (${p.a.incidentCode}) and ${name(p.b)} (${p.b.incidentCode}) will not be suggested again.`, undo: null };
    }, index);

  async function undo(ids: string[]) {
    setProblem(null);
    try {
      for (const victimId of ids) await invoke('victims:unlink', { victimId, reason: 'Reconciliation undone' });
      setDone({ text: 'Undone: the records are separate again.', undo: null });
      reload();
    } catch (e) {
      setProblem(toContractError(e).message);
    }
  }

  function focusPair(index: number) {
    const items = list.current?.querySelectorAll<HTMLElement>('[data-pair]');
    if (!items || items.length === 0) return;
    items[Math.max(0, Math.min(index, items.length - 1))]!.focus();
  }

  function onKey(e: KeyboardEvent<HTMLElement>, p: VictimPair, index: number) {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key;
    if (k === 'c') void confirm(p, index);
    else if (k === 'n') void dismiss(p, index);
    else if (k === 'ArrowDown' || k === 'j') focusPair(index + 1);
    else if (k === 'ArrowUp' || k === 'k') focusPair(index - 1);
    else return;
    e.preventDefault();
  }

  return (
    <section className="page reconcile" aria-labelledby="reconcile-heading">
      <h1 id="reconcile-heading">Victims: same person?</h1>
      <p className="muted">
        Records whose names match across spellings and scripts, with compatible gender and age and incidents close in
        date. Confirm the ones that are one person: each person then counts once among named victims. Keys on a pair:{' '}
        <kbd>c</kbd> confirm, <kbd>n</kbd> not the same person, <kbd>↓</kbd>/<kbd>↑</kbd> next and previous.
      </p>
      {done && (
        <p className="notice" role="status" data-testid="reconcile-status">
          {done.text}{' '}
          {done.undo && (
            <button type="button" onClick={() => void undo(done.undo!)}>
              Undo
            </button>
          )}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && <Loading what="Looking for the same person in several records" />}
      {data && data.total === 0 && <EmptyState title="No victim records left to compare: nothing looks like the same person twice." />}
      {data && data.total > 0 && (
        <>
          <p className="result-count">
            <span data-testid="pair-count">{data.total}</span> suggested {data.total === 1 ? 'pair' : 'pairs'}
            {data.total > PAGE ? `, ${offset + 1}–${Math.min(offset + PAGE, data.total)} shown` : ''}.
          </p>
          <ol className={`pair-list${loading ? ' stale' : ''}`} ref={list}>
            {data.pairs.map((p, index) => (
              <li
                key={`${p.a.id}|${p.b.id}`}
                data-pair
                data-testid="victim-pair"
                tabIndex={0}
                className="card pair"
                aria-label={`${name(p.a)} and ${name(p.b)}, score ${Math.round(p.score * 100)}`}
                onKeyDown={(e) => onKey(e, p, index)}
              >
                <div className="pair-sides">
                  <VictimCard victim={p.a} label="First record" />
                  <VictimCard victim={p.b} label="Second record" />
                </div>
                <ul className="reasons">
                  {p.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                <p className="pair-actions">
                  <span className="muted small">Score {Math.round(p.score * 100)}</span>{' '}
                  <button type="button" onClick={() => void confirm(p, index)}>
                    Confirm: same person
                  </button>{' '}
                  <button type="button" onClick={() => void dismiss(p, index)}>
                    Not the same person
                  </button>
                </p>
              </li>
            ))}
          </ol>
          {data.total > PAGE && (
            <p className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </button>{' '}
              <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function name(v: VictimPair['a']): string {
  return v.nameLatin ?? v.nameLocal ?? 'Unnamed';
}
