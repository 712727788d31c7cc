import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { WORKFLOW_LABELS } from '../../../shared/domain';
import type { IncidentDetail } from '../../../shared/schemas';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GradeBadge } from '../../ui/GradeBadge';
import { Loading } from '../../ui/Loading';
import { ReviewPanel } from '../review/ReviewPanel';
import { AuditHistory } from './AuditHistory';
import { BelligerentList } from './BelligerentList';
import { CasualtyTable } from './CasualtyTable';
import { DataProblems } from './DataProblems';
import { IncidentWhenWhere } from './IncidentWhenWhere';
import { SourceList } from './SourceList';
import { VictimTable } from './VictimTable';
import { StrikeCandidates } from '../strikes/StrikeCandidates';
import { VictimGroups } from './VictimGroups';

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
      {!error && current && <IncidentBody incident={current} onChanged={reload} />}
    </article>
  );
}

function IncidentBody({ incident: i, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  // Bumped when a strike match is decided: the review panel reloads its grading suggestion.
  const [evidenceVersion, setEvidenceVersion] = useState(0);
  return (
    <>
      <header className="incident-header">
        <h1 id="incident-code" data-testid="incident-code">
          {i.code}
        </h1>
        <GradeBadge grade={i.grade} />
        <span className="status-tag">{WORKFLOW_LABELS[i.status] ?? i.status}</span>
        {i.status === 'graded' || i.status === 'published' ? (
          <span className="muted" title="Graded and published incidents are locked until a reviewer or editor reopens them.">
            Locked: reopen to edit
          </span>
        ) : (
          <Link className="button" to={`/incidents/${encodeURIComponent(i.id)}/edit`}>
            Edit
          </Link>
        )}
        {i.previousCodes.length > 0 && (
          <p className="muted">Earlier codes: {i.previousCodes.join(', ')}</p>
        )}
      </header>

      <DataProblems incidentId={i.id} />

      <IncidentWhenWhere incident={i} />

      <ReviewPanel key={`${i.id}:${evidenceVersion}`} incidentId={i.id} onChanged={onChanged} />

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
      <StrikeCandidates incidentId={i.id} onDecided={() => setEvidenceVersion((v) => v + 1)} />
      <SourceList sources={i.sources} incidentId={i.id} />
      <VictimTable victims={i.victims} />
      <VictimGroups key={i.updatedAt} incidentId={i.id} records={i.victims.length} />
      {/* Keyed by the last change, so a review step made above shows here at once. */}
      <AuditHistory key={i.updatedAt} entityId={i.id} />
      <p className="muted small">
        Created {i.createdAt} · last changed {i.updatedAt} · id <code>{i.id}</code>
      </p>
    </>
  );
}
