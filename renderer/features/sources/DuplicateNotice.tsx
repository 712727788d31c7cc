import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '../../../shared/workbenchSchemas';

const REASONS: Record<DuplicateMatch['reason'], string> = {
  url: 'the same web address',
  archive_url: 'the same archived address',
  capture: 'the same file',
};

/** Where something being logged already is in the case, with a way to use that instead. */
export function DuplicateNotice({
  matches,
  onUse,
  useLabel,
}: {
  matches: DuplicateMatch[];
  /** Use the existing source instead (e.g. link it to this incident). */
  onUse?: (sourceId: string) => void;
  useLabel?: string;
}) {
  if (matches.length === 0) return null;
  return (
    <div className="notice warn" role="status" data-testid="duplicate-notice">
      <strong>Already in the case.</strong>
      <ul>
        {matches.map((m) => (
          <li key={`${m.reason}-${m.sourceId}-${m.capture?.id ?? ''}`}>
            {REASONS[m.reason]} ({m.capture ? m.capture.fileName : <span className="url">{m.matched}</span>}) is in source{' '}
            <Link to={`/sources/${encodeURIComponent(m.sourceId)}`} dir="auto">
              {m.sourceTitle ?? 'Untitled source'}
            </Link>
            {m.incidents.length > 0 ? (
              <>
                , supporting{' '}
                {m.incidents.map((i, n) => (
                  <span key={i.id}>
                    {n > 0 && ', '}
                    <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.code}</Link>
                  </span>
                ))}
              </>
            ) : (
              ', linked to no incident'
            )}
            {onUse && (
              <>
                {' '}
                <button type="button" onClick={() => onUse(m.sourceId)}>
                  {useLabel ?? 'Use this source'}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
