import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { timestampText } from '../../ui/format';
import { AuditChange } from './AuditChange';

type Entry = ChannelOutput<'audit:search'>['entries'][number];

export const AUDIT_ACTION_LABELS = { insert: 'Added', update: 'Changed', delete: 'Removed' } as const;

/**
 * Audit entries as a table: when, who (and whether they signed), what, the change before and
 * after, and why. Shared by the whole-case trail and an incident's history; `what` says what
 * each entry changed in the words of the page it is on.
 */
export function AuditEntriesTable({
  entries,
  rowTestId,
  showSeq = false,
  what,
}: {
  entries: readonly Entry[];
  rowTestId: string;
  showSeq?: boolean;
  what: (entry: Entry) => ReactNode;
}) {
  return (
    <table className="compact history">
      <thead>
        <tr>
          {showSeq && <th scope="col">#</th>}
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Change</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid={rowTestId}>
            {showSeq && <td className="nowrap">{e.seq}</td>}
            <td className="nowrap">{timestampText(e.at)}</td>
            <td>
              {e.actor}
              <div className="muted small">{e.signerId ? 'signed' : 'unsigned'}</div>
            </td>
            <td>{what(e)}</td>
            <td>
              <AuditChange entry={e} />
            </td>
            <td dir="auto">{e.reason ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
