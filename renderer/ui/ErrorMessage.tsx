import type { ContractError } from '../../shared/contract';

const HEADINGS: Record<ContractError['code'], string> = {
  refused: 'No access to the case file',
  not_found: 'Not found',
  invalid_input: 'Something in the request is not valid',
  unknown_channel: 'This version of the app and the case server do not match',
  conflict: 'Someone else changed this first',
  internal: 'Something went wrong',
  busy: 'The case file is busy',
};

/** Errors that may go away on a second try; the others need something changed first. */
const RETRYABLE: readonly ContractError['code'][] = ['internal', 'conflict', 'busy'];

/** A contract error as a person reads it: what happened, and the server's own explanation. */
export function ErrorMessage({ error, onRetry }: { error: ContractError; onRetry?: () => void }) {
  // The message often spells out its issues already; list only those it does not.
  const issues = (error.issues ?? []).filter((i) => !error.message.includes(i.message));
  return (
    <div className="error-message" role="alert" data-error-code={error.code}>
      <strong>{HEADINGS[error.code] ?? HEADINGS.internal}</strong>
      <p>{error.message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && RETRYABLE.includes(error.code) && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
