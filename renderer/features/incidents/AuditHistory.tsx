import type { AuditEntry } from '../../../shared/schemas';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { timestampText } from '../../ui/format';
import { labelOf } from '../../ui/labels';
import { Loading } from '../../ui/Loading';

const ENTITY_LABELS: Record<string, string> = {
  incidents: 'Incident',
  incident_belligerents: 'Belligerent',
  incident_codes: 'Code',
  victims: 'Victim',
  sources: 'Source',
  source_incidents: 'Source link',
  grade_history: 'Grade',
  incident_links: 'Incident link',
};
const ACTION_LABELS: Record<AuditEntry['action'], string> = { insert: 'Added', update: 'Changed', delete: 'Removed' };
const HISTORY_LIMIT = 200;

function shortValue(v: unknown): string {
  const s = v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** For a change, which fields went from what to what; for an addition or removal, nothing more. */
function changes(e: AuditEntry): string[] {
  if (e.action !== 'update' || typeof e.after !== 'object' || e.after === null) return [];
  const before = (typeof e.before === 'object' && e.before !== null ? e.before : {}) as Record<string, unknown>;
  return Object.entries(e.after as Record<string, unknown>).map(
    ([field, after]) => `${field.replace(/_/g, ' ')}: ${shortValue(before[field])} → ${shortValue(after)}`,
  );
}

/** Who changed what about this incident, newest first, from the hash-chained audit log. */
export function AuditHistory({ entityId }: { entityId: string }) {
  const { data, error, loading, reload } = useChannel('audit:list', { entityId, limit: HISTORY_LIMIT });
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Loading the history" />}
      {!error && data && data.entries.length === 0 && <p className="muted">No recorded changes.</p>}
      {!error && data && data.entries.length > 0 && (
        <div className="table-wrap">
          <table className="compact history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.seq} data-testid="history-entry">
                  <td className="nowrap">{timestampText(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>{ACTION_LABELS[e.action] ?? e.action}</td>
                  <td>
                    {labelOf(ENTITY_LABELS, e.entity)}
                    {changes(e).map((c) => (
                      <div key={c} className="muted small" dir="auto">
                        {c}
                      </div>
                    ))}
                  </td>
                  <td dir="auto">{e.reason ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > data.entries.length && (
            <p className="muted small">
              Showing the latest {data.entries.length} of {data.total} changes.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
