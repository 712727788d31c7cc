import { Link } from 'react-router-dom';
import type { SourceRef } from '../../../shared/contracts/reconcile';

/** A source in one line: outlet or account, title, date and the incidents it supports, linked to its page. */
export function SourceRefText({ source: s }: { source: SourceRef }) {
  const who = s.outlet ?? s.author;
  return (
    <span>
      <Link to={`/sources/${encodeURIComponent(s.id)}`} dir="auto">
        {who ? <strong>{who}</strong> : null}
        {who && s.title ? ': ' : null}
        {s.title ?? (who ? '' : 'Untitled source')}
      </Link>{' '}
      <span className="muted small">
        {[s.publishedDate, s.incidentCodes.length ? s.incidentCodes.join(', ') : null].filter(Boolean).join(' · ')}
      </span>
    </span>
  );
}
