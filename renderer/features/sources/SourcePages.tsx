import { Link, useNavigate, useParams } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { invoke } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ExternalLink } from '../../ui/ExternalLink';
import { Facts } from '../../ui/Facts';
import { SOURCE_KIND_LABELS, labelOf } from '../../ui/labels';
import { Loading } from '../../ui/Loading';
import { CaptureDropZone } from './CaptureDropZone';
import { CaptureList } from './CaptureList';
import { SourceForm } from './SourceForm';
import { SourceIncidents } from './SourceIncidents';
import { SourceIndependencePanel } from './SourceIndependencePanel';
import '../../styles/workbench.css';

/** #/sources/:id — one source: what it says, its captures, and the incidents it supports. */
export function SourcePage() {
  const { id = '' } = useParams();
  const { data, error, reload } = useChannel('sources:get', { id });
  const s = data?.id === id ? data : undefined;
  return (
    <article className="page source-page">
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !s && <Loading what="Loading the source" />}
      {s && (
        <>
          <header className="incident-header">
            <h1 dir="auto" data-testid="source-title">
              {s.title ?? 'Untitled source'}
            </h1>
            <span className="tag">{labelOf(SOURCE_KIND_LABELS, s.kind)}</span>
            {s.sensitivePersonal && <span className="tag warn">Personal data</span>}
            {s.sensitiveGraphic && <span className="tag warn">Graphic</span>}
            <Link to={`/sources/${encodeURIComponent(s.id)}/edit`}>Edit the source</Link>
          </header>
          <section className="card">
            <Facts
              items={[
                ['Outlet', s.outlet && <span dir="auto">{s.outlet}</span>],
                ['Author or account', s.author && <span dir="auto">{s.author}</span>],
                ['Web address', s.url && <ExternalLink url={s.url} />],
                ['Archived copy', s.archiveUrl && <ExternalLink url={s.archiveUrl} />],
                ['Language', s.language],
                ['Published', s.publishedDate],
                ['Accessed', s.accessedDate],
              ]}
            />
            {s.excerptOriginal && (
              <blockquote dir="auto" lang={s.language ?? undefined}>
                {s.excerptOriginal}
              </blockquote>
            )}
            {s.excerptTranslation && (
              <blockquote className="translation" dir="auto">
                <span className="muted small">Translation: </span>
                {s.excerptTranslation}
              </blockquote>
            )}
            {s.credibilityNotes && <p className="prose" dir="auto">Credibility: {s.credibilityNotes}</p>}
          </section>
          <section className="card" aria-labelledby="captures-heading">
            <h2 id="captures-heading">Captures ({s.captures.length})</h2>
            <CaptureList captures={s.captures} />
            <CaptureDropZone sourceId={s.id} existing={s.captures} onAdded={reload} />
          </section>
          <SourceIncidents source={s} onChanged={reload} />
          <SourceIndependencePanel sourceId={s.id} />
        </>
      )}
    </article>
  );
}

/** #/incidents/:id/sources/new — log a source for an incident. */
export function NewSourcePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const incident = useChannel('incidents:get', { id });
  async function linkExisting(sourceId: string) {
    await invoke('sources:link', { sourceId, incidentId: id });
    navigate(`/sources/${encodeURIComponent(sourceId)}`);
  }
  return (
    <section className="page source-page">
      <p className="back">
        <Link to={`/incidents/${encodeURIComponent(id)}`}>← {incident.data?.code ?? 'The incident'}</Link>
      </p>
      <h1>Log a source{incident.data ? ` for ${incident.data.code}` : ''}</h1>
      {incident.error && <ErrorMessage error={incident.error} onRetry={incident.reload} />}
      {incident.data && (
        <SourceForm
          source={null}
          incidentId={id}
          onSaved={(s) => navigate(`/sources/${encodeURIComponent(s.id)}`, { replace: true })}
          onUseExisting={(sourceId) => void linkExisting(sourceId)}
        />
      )}
    </section>
  );
}

/** #/sources/:id/edit */
export function EditSourcePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, reload } = useChannel('sources:get', { id });
  const s = data?.id === id ? data : undefined;
  return (
    <section className="page source-page">
      <p className="back">
        <Link to={`/sources/${encodeURIComponent(id)}`}>← The source</Link>
      </p>
      <h1>Edit the source</h1>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !s && <Loading what="Loading the source" />}
      {s && <SourceForm source={s} incidentId={null} onSaved={(saved) => navigate(`/sources/${encodeURIComponent(saved.id)}`)} />}
    </section>
  );
}
