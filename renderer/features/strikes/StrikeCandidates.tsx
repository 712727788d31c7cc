/**
 * On an incident's page: the declared strikes that may be this incident, best first, each with
 * its reasons, and Accept / Reject buttons (plain buttons: Tab and Enter work). An accepted match
 * is evidence for the grading suggestion; `onDecided` lets the page refresh it.
 */
import { useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';

const DECISION_TEXT = { pending: 'To review', accepted: 'Accepted', rejected: 'Rejected' } as const;

export function StrikeCandidates({ incidentId, onDecided }: { incidentId: string; onDecided: () => void }) {
  const loaded = useChannel('strikeMatches:forIncident', { incidentId });
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      loaded.reload();
      onDecided();
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(false);
    }
  };
  const decide = (strikeReportId: string, decision: 'accepted' | 'rejected' | 'pending') =>
    act(() => invoke('strikeMatches:decide', { strikeReportId, incidentId, decision }));
  const matches = loaded.data?.matches ?? [];
  return (
    <section className="card strike-candidates" aria-labelledby="strike-candidates-heading" data-testid="strike-candidates">
      <h2 id="strike-candidates-heading">Declared strikes that may be this incident</h2>
      {error && <ErrorMessage error={error} />}
      {loaded.error && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && matches.length === 0 && <p className="muted">No candidate strike reports. Find them after adding or importing strike reports.</p>}
      <ol className="candidate-list">
        {matches.map((m) => (
          <li key={m.strikeReportId} className={`candidate ${m.decision}`} data-testid="strike-candidate" data-decision={m.decision}>
            <div className="candidate-head">
              <strong>
                {m.report.belligerent ?? 'Belligerent not named'}, {m.report.date ?? 'no date'}
              </strong>{' '}
              <span className="muted">
                {[m.report.placeText, m.report.mgrs].filter(Boolean).join(' · ')} · score {m.score.toFixed(2)}
              </span>{' '}
              <span className={`decision-tag ${m.decision}`}>{DECISION_TEXT[m.decision]}</span>
            </div>
            <ul className="reasons" aria-label="Why it may match">
              {m.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {(m.report.target || m.report.text) && (
              <p className="small" dir="auto">
                {m.report.target && <strong>{m.report.target}. </strong>}
                {m.report.text && (m.report.text.length > 300 ? `${m.report.text.slice(0, 300)}…` : m.report.text)}
              </p>
            )}
            <div className="actions">
              {m.decision !== 'accepted' && (
                <button type="button" disabled={busy} onClick={() => void decide(m.strikeReportId, 'accepted')}>
                  Accept match
                </button>
              )}
              {m.decision !== 'rejected' && (
                <button type="button" disabled={busy} onClick={() => void decide(m.strikeReportId, 'rejected')}>
                  Reject
                </button>
              )}
              {m.decision !== 'pending' && (
                <button type="button" disabled={busy} onClick={() => void decide(m.strikeReportId, 'pending')}>
                  Undo decision
                </button>
              )}
              {m.decidedAt && (
                <span className="muted small">
                  {DECISION_TEXT[m.decision]} {m.decidedBy ? `by ${m.decidedBy} ` : ''}at {m.decidedAt}
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" disabled={busy} onClick={() => void act(() => invoke('strikeMatches:compute', { incidentId }))} data-testid="find-strikes">
          Find strike reports for this incident
        </button>
      </p>
    </section>
  );
}
