import { Link } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { labelOf } from '../../ui/labels';
import { Loading } from '../../ui/Loading';
import { AUDIT_ACTION_LABELS, AuditEntriesTable } from '../audit/AuditEntriesTable';

const ENTITY_LABELS: Record<string, string> = {
  incidents: 'Incident',
  incident_belligerents: 'Belligerent',
  incident_codes: 'Code',
  victims: 'Victim',
  sources: 'Source',
  source_incidents: 'Source link',
  grade_history: 'Grade',
  review_decisions: 'Review step',
  incident_links: 'Incident link',
  record: 'Imported record',
};
const HISTORY_LIMIT = 200;

/**
 * Who changed what about this incident, newest first, from the hash-chained audit log: each
 * change field by field, before and after, with whether its author signed it.
 */
export function AuditHistory({ entityId }: { entityId: string }) {
  const { data, error, loading, reload } = useChannel('audit:search', { entityId, limit: HISTORY_LIMIT });
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Loading the history" />}
      {!error && data && data.entries.length === 0 && <p className="muted">No recorded changes.</p>}
      {!error && data && data.entries.length > 0 && (
        <div className="table-wrap">
          <AuditEntriesTable
            entries={data.entries}
            rowTestId="history-entry"
            what={(e) => `${AUDIT_ACTION_LABELS[e.action]} ${labelOf(ENTITY_LABELS, e.entity).toLowerCase()}`}
          />
          {data.total > data.entries.length && (
            <p className="muted small">
              Showing the latest {data.entries.length} of {data.total} changes. <Link to="/audit">The whole audit trail</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
