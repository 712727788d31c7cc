import { useState } from 'react';
import type { RepeatSuggestion } from '../../../shared/contracts/reconcile';
import { invoke, toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { OriginalPicker } from './OriginalPicker';
import { SourceRefText } from './SourceRefText';

/**
 * Is this source a voice of its own? Mark it as repeating another (a repost, a wire copy), or
 * undo that; see what repeats it; act on likely repeats (same capture, same address, same text).
 * A repeat is left out of the independent sources the grading suggestion counts.
 */
export function SourceIndependencePanel({ sourceId, onChanged }: { sourceId: string; onChanged?: () => void }) {
  const { data, error, reload } = useChannel('sources:independence', { id: sourceId });
  const [problem, setProblem] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);

  async function act(run: () => Promise<unknown>) {
    setProblem(null);
    try {
      await run();
      setPicking(false);
      reload();
      onChanged?.();
    } catch (e) {
      setProblem(toContractError(e).message);
    }
  }
  const mark = (s: string, original: string) => act(() => invoke('sources:markRepeat', { sourceId: s, originalId: original }));
  const other = (s: RepeatSuggestion) => (s.repeat.id === sourceId ? s.original : s.repeat);

  return (
    <section className="card" aria-labelledby="independence-heading" data-testid="source-independence">
      <h2 id="independence-heading">Independence</h2>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!error && !data && <Loading what="Checking for repeats" />}
      {data && (
        <>
          {data.repeats ? (
            <p data-testid="repeat-status">
              Repeats <SourceRefText source={data.repeats} />
              {data.original && data.original.id !== data.repeats.id && (
                <>
                  {' '}
                  (which repeats, in the end, <SourceRefText source={data.original} />)
                </>
              )}
              . It is not counted as an independent source.{' '}
              <button type="button" onClick={() => void act(() => invoke('sources:unmarkRepeat', { sourceId }))}>
                Not a repeat after all
              </button>
            </p>
          ) : (
            <p data-testid="repeat-status">
              Counted as an independent source.{' '}
              {!picking && (
                <button type="button" onClick={() => setPicking(true)}>
                  Mark as repeating another source…
                </button>
              )}
            </p>
          )}
          {picking && (
            <>
              <OriginalPicker sourceId={sourceId} onPick={(id) => void mark(sourceId, id)} />
              <button type="button" onClick={() => setPicking(false)}>
                Cancel
              </button>
            </>
          )}
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          {data.repeatedBy.length > 0 && (
            <>
              <h3>Repeated by ({data.repeatedBy.length})</h3>
              <ul className="plain-list">
                {data.repeatedBy.map((s) => (
                  <li key={s.id}>
                    <SourceRefText source={s} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.suggestions.length > 0 && (
            <>
              <h3>Likely repeats ({data.suggestions.length})</h3>
              <ul className="plain-list repeat-suggestions">
                {data.suggestions.map((s) => (
                  <li key={`${s.repeat.id}|${s.original.id}`} data-testid="repeat-suggestion">
                    <SourceRefText source={other(s)} />
                    <ul className="reasons">
                      {s.reasons.map((r) => (
                        <li key={r.kind}>{r.text}</li>
                      ))}
                    </ul>
                    <button type="button" onClick={() => void mark(s.repeat.id, s.original.id)}>
                      {s.repeat.id === sourceId ? 'This repeats it' : 'It repeats this'}
                    </button>{' '}
                    <button type="button" onClick={() => void mark(s.original.id, s.repeat.id)}>
                      {s.repeat.id === sourceId ? 'It repeats this' : 'This repeats it'}
                    </button>{' '}
                    <button
                      type="button"
                      onClick={() => void act(() => invoke('sources:dismissRepeat', { sourceId, otherId: other(s).id }))}
                    >
                      Not a repeat
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
