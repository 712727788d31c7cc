import { useState } from 'react';
import { Link } from 'react-router-dom';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';

const name = (v: { nameLatin: string | null; nameLocal: string | null }) => v.nameLatin ?? v.nameLocal ?? 'Unnamed';

/**
 * The incident's victims reconciled with other records as one person: where else each is
 * recorded, and a way to take a record out of its group (after asking).
 */
export function VictimGroups({ incidentId, records, onChanged }: { incidentId: string; records: number; onChanged?: () => void }) {
  const { data, error, reload } = useChannel('victims:groups', { incidentId });
  const [asking, setAsking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!data || data.groups.length === 0) return null;
  // Records of one person twice in this incident: the incident has fewer people than rows.
  const extra = data.groups.reduce((n, g) => n + Math.max(0, g.members.filter((m) => m.incidentId === incidentId).length - 1), 0);

  async function unlink(victimId: string) {
    setAsking(null);
    setProblem(null);
    try {
      await invoke('victims:unlink', { victimId });
      reload();
      onChanged?.();
    } catch (e) {
      setProblem(toContractError(e).message);
    }
  }

  return (
    <section className="card victim-groups" aria-labelledby="victim-groups-heading" data-testid="victim-groups">
      <h2 id="victim-groups-heading">Recorded more than once ({data.groups.length})</h2>
      <p className="muted small">
        These victims were confirmed to be the same person as other records. Each person counts once among named victims.{' '}
        <Link to="/victims/reconcile">Review suggested matches</Link>
      </p>
      {extra > 0 && (
        <p data-testid="incident-people">
          The {records} victim records of this incident are {records - extra} {records - extra === 1 ? 'person' : 'people'}: {extra}{' '}
          {extra === 1 ? 'is' : 'are'} recorded twice here.
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {data.groups.map((g) => (
        <ul key={g.reconciliationId} className="plain-list group-members" aria-label={`One person: ${name(g.members[0]!)}`}>
          {g.members.map((m) => (
            <li key={m.id}>
              <span dir="auto">{name(m)}</span>
              {m.nameLatin && m.nameLocal && (
                <>
                  {' '}
                  <span dir="auto" lang="ar" className="arabic">
                    {m.nameLocal}
                  </span>
                </>
              )}{' '}
              {m.incidentId === incidentId ? (
                <span className="muted small">this incident</span>
              ) : (
                <Link to={`/incidents/${encodeURIComponent(m.incidentId)}`} className="code">
                  {m.incidentCode}
                </Link>
              )}{' '}
              {asking === m.id ? (
                <span role="alertdialog" aria-label="Take this record out?">
                  Not the same person?{' '}
                  <button type="button" onClick={() => void unlink(m.id)}>
                    Take it out
                  </button>{' '}
                  <button type="button" onClick={() => setAsking(null)} autoFocus>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setAsking(m.id)}>
                  Unlink…
                </button>
              )}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
