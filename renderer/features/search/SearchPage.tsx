import type { KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { SEARCH_KINDS, type SearchKind, type SearchResult } from '../../../shared/workbenchSchemas';
import { useChannel } from '../../app/useChannel';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { Highlighted } from './Highlighted';
import '../../styles/workbench.css';

const KIND_LABELS: Record<SearchKind, string> = { incident: 'Incidents', source: 'Sources', victim: 'Victims' };
const KIND_TAGS: Record<SearchKind, string> = { incident: 'Incident', source: 'Source', victim: 'Victim' };
const LIMIT = 100;

function hrefOf(r: SearchResult): string {
  if (r.kind === 'incident') return `/incidents/${encodeURIComponent(r.id)}`;
  if (r.kind === 'source') return `/sources/${encodeURIComponent(r.id)}`;
  return `/incidents/${encodeURIComponent(r.incidents[0]?.id ?? '')}`;
}

/**
 * Results of a search across incidents, sources and victims (#/search?q=…&kind=…): each says
 * which of its fields matched, with the words marked. ↑ ↓ move between results, Enter opens.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kindParam = params.get('kind');
  const kind = (SEARCH_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as SearchKind) : null;

  function showKind(k: SearchKind | null) {
    const next = new URLSearchParams(params);
    if (k) next.set('kind', k);
    else next.delete('kind');
    setParams(next);
  }

  if (!q) {
    return (
      <section className="page" aria-labelledby="search-heading">
        <h1 id="search-heading">Search</h1>
        <EmptyState title="Type in the search field above (press /) to search incidents, sources and victims.">
          <p className="muted">Arabic finds every spelling: with or without hamza, tashkeel, tatweel, ة or ه, ى or ي, and the article ال.</p>
        </EmptyState>
      </section>
    );
  }
  return <SearchResults q={q} kind={kind} showKind={showKind} />;
}

function onResultsKeyDown(e: KeyboardEvent<HTMLOListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = Array.from(e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.result-link'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  next?.focus();
  e.preventDefault();
}

function SearchResults({ q, kind, showKind }: { q: string; kind: SearchKind | null; showKind: (k: SearchKind | null) => void }) {
  const { data, error, loading, reload } = useChannel('search:query', { query: q, limit: LIMIT, ...(kind ? { kinds: [kind] } : {}) });
  const all = data ? data.counts.incident + data.counts.source + data.counts.victim : 0;
  return (
    <section className="page search-page" aria-labelledby="search-heading">
      <h1 id="search-heading">
        Search: “<bdi>{q}</bdi>”
      </h1>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && loading && <Loading what="Searching" />}
      {data && (
        <>
          <div className="kind-tabs" role="group" aria-label="Show">
            <button type="button" aria-pressed={kind === null} onClick={() => showKind(null)}>
              All <span data-testid="search-count-all">{all}</span>
            </button>
            {SEARCH_KINDS.map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => showKind(k)}>
                {KIND_LABELS[k]} <span data-testid={`search-count-${k}`}>{data.counts[k]}</span>
              </button>
            ))}
            {loading && <span className="muted"> updating…</span>}
          </div>
          {data.results.length === 0 ? (
            <EmptyState title="Nothing matches." />
          ) : (
            <ol className="plain-list search-results" onKeyDown={onResultsKeyDown}>
              {data.results.map((r) => (
                <SearchResultItem key={`${r.kind}:${r.id}`} result={r} />
              ))}
            </ol>
          )}
          {data.results.length === LIMIT && <p className="muted small">Showing the best {LIMIT}; add words to narrow the search.</p>}
        </>
      )}
    </section>
  );
}

function SearchResultItem({ result: r }: { result: SearchResult }) {
  return (
    <li className="sub-card search-result" data-testid="search-result" data-kind={r.kind}>
      <p className="result-title">
        <span className="tag">{KIND_TAGS[r.kind]}</span>{' '}
        <Link className="result-link" to={hrefOf(r)} dir="auto">
          {r.title}
        </Link>
        {r.kind !== 'incident' && r.incidents.length > 0 && (
          <span className="muted small">
            {' '}
            ·{' '}
            {r.incidents.slice(0, 5).map((i, n) => (
              <span key={i.id}>
                {n > 0 && ', '}
                <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.code}</Link>
              </span>
            ))}
            {r.incidents.length > 5 && ` and ${r.incidents.length - 5} more`}
          </span>
        )}
      </p>
      <dl className="matches">
        {r.matches.map((m) => (
          <div key={m.field} className="match" data-testid="search-match" data-field={m.field}>
            <dt>{m.label}</dt>
            <dd>
              <Highlighted snippet={m.snippet} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
