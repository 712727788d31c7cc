import { useId, useState } from 'react';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SourceRefText } from './SourceRefText';

/** Search the case's sources for the one this source copies. */
export function OriginalPicker({ sourceId, onPick }: { sourceId: string; onPick: (originalId: string) => void }) {
  const [query, setQuery] = useState('');
  const id = useId();
  const found = useChannel('sources:findOriginal', { query, excludeId: sourceId });
  return (
    <div className="original-picker">
      <label htmlFor={id}>Find the original by outlet, title or address</label>{' '}
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Halab Today" />
      {found.error && <ErrorMessage error={found.error} onRetry={found.reload} />}
      {query.trim() && found.data && (
        <ul className="plain-list" aria-label="Sources found">
          {found.data.sources.length === 0 && <li className="muted">No source matches “{query.trim()}”.</li>}
          {found.data.sources.map((s) => (
            <li key={s.id}>
              <SourceRefText source={s} />{' '}
              <button type="button" onClick={() => onPick(s.id)}>
                This is the original
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
