import { Link } from 'react-router-dom';
import type { SourceSummary } from '../../../shared/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { ExternalLink } from '../../ui/ExternalLink';
import { SOURCE_KIND_LABELS, labelOf } from '../../ui/labels';

/** The sources logged for the incident, in the order they were attached. */
export function SourceList({ sources, incidentId }: { sources: SourceSummary[]; incidentId?: string }) {
  return (
    <section className="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources ({sources.length})</h2>
      {incidentId && (
        <p>
          <Link to={`/incidents/${encodeURIComponent(incidentId)}/sources/new`}>Log a source</Link>
        </p>
      )}
      {sources.length === 0 ? (
        <EmptyState title="No source logged yet." />
      ) : (
        <ol className="plain-list sources">
          {sources.map((s) => (
            <li key={s.id} className="sub-card" data-testid="source">
              <h3 dir="auto">
                <Link to={`/sources/${encodeURIComponent(s.id)}`}>{s.title ?? <span className="muted">Untitled</span>}</Link>
              </h3>
              <p className="source-meta">
                <span className="tag">{labelOf(SOURCE_KIND_LABELS, s.kind)}</span>{' '}
                {s.outlet && <strong dir="auto">{s.outlet}</strong>}
                {s.author && <span dir="auto"> · {s.author}</span>}
                {s.publishedDate && <span> · {s.publishedDate}</span>}
                {s.language && <span className="muted"> · {s.language}</span>}
              </p>
              {s.url && (
                <p className="small">
                  <ExternalLink url={s.url} />
                </p>
              )}
              {s.archiveUrl && (
                <p className="small">
                  Archived: <ExternalLink url={s.archiveUrl} />
                </p>
              )}
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
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
