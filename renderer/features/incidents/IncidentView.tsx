import { Link, useLocation, useParams } from 'react-router-dom';
import { WORKFLOW_LABELS } from '../../../shared/domain';
import type { IncidentDetail } from '../../../shared/schemas';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Facts } from '../../ui/Facts';
import { GradeBadge, gradeDefinition } from '../../ui/GradeBadge';
import { Loading } from '../../ui/Loading';
import { AuditHistory } from './AuditHistory';
import { BelligerentList } from './BelligerentList';
import { CasualtyTable } from './CasualtyTable';
import { IncidentWhenWhere } from './IncidentWhenWhere';
import { SourceList } from './SourceList';
import { VictimTable } from './VictimTable';

/** One incident, read-only: everything the case file holds about it, and its history. */
export function IncidentView() {
  const { id = '' } = useParams();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '';
  const { data, error, reload } = useChannel('incidents:get', { id });
  const current = data?.id === id ? data : undefined;

  return (
    <article className="page incident-view" aria-labelledby="incident-code">
      <p className="back">
        <Link to={{ pathname: '/incidents', search: from }}>← All incidents</Link>
      </p>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !current && <Loading what="Loading the incident" />}
      {!error && current && <IncidentBody incident={current} />}
    </article>
  );
}

function IncidentBody({ incident: i }: { incident: IncidentDetail }) {
  return (
    <>
      <header className="incident-header">
        <h1 id="incident-code" data-testid="incident-code">
          {i.code}
        </h1>
        <GradeBadge grade={i.grade} />
        <span className="status-tag">{WORKFLOW_LABELS[i.status] ?? i.status}</span>
        {i.previousCodes.length > 0 && (
          <p className="muted">Earlier codes: {i.previousCodes.join(', ')}</p>
        )}
      </header>

      <IncidentWhenWhere incident={i} />

      <section className="card" aria-labelledby="grade-heading">
        <h2 id="grade-heading">Grade and review</h2>
        <Facts
          items={[
            ['Grade', <GradeBadge grade={i.grade} />],
            ['What the grade means', gradeDefinition(i.grade)],
            ['Rationale', i.gradeRationale && <p className="prose">{i.gradeRationale}</p>],
            ['Workflow status', WORKFLOW_LABELS[i.status] ?? i.status],
            ['Assignee', i.assigneeName ?? 'Nobody'],
          ]}
        />
      </section>

      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Public summary</h2>
        {i.summary ? <p className="prose" dir="auto">{i.summary}</p> : <p className="muted">No public summary yet.</p>}
      </section>

      <section className="card internal" aria-labelledby="internal-heading">
        <h2 id="internal-heading">Internal — not for publication</h2>
        {i.internalNotes ? <p className="prose" dir="auto">{i.internalNotes}</p> : <p className="muted">No internal notes.</p>}
      </section>

      <CasualtyTable casualties={i.casualties} />
      <BelligerentList belligerents={i.belligerents} />
      <SourceList sources={i.sources} />
      <VictimTable victims={i.victims} />
      <AuditHistory entityId={i.id} />
      <p className="muted small">
        Created {i.createdAt} · last changed {i.updatedAt} · id <code>{i.id}</code>
      </p>
    </>
  );
}
