/**
 * One audit entry's change, readable: for an edit, each field that changed with its value
 * before and after; for an addition or a removal, the values it had; for an imported record,
 * how many rows of each kind it brought (and, for one audited by digest, what that means).
 */
import { describeDigest, isDigestAfter } from '../../../shared/auditDigest';
import type { AuditEntry } from '../../../shared/schemas';
import './audit.css';

type Values = Record<string, unknown>;

const isValues = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fieldLabel(column: string): string {
  return column.replace(/_json$/, '').replace(/_/g, ' ');
}

export function valueText(v: unknown, max = 120): string {
  if (v === null || v === undefined || v === '') return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Fields worth showing for an added or removed row: keys and timestamps are noise. */
const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'incident_id', 'ord']);

function ValuesList({ values }: { values: Values }) {
  const shown = Object.entries(values).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '');
  if (shown.length === 0) return null;
  return (
    <details className="change-values">
      <summary className="muted small">{shown.length === 1 ? '1 field' : `${shown.length} fields`}</summary>
      <dl>
        {shown.map(([k, v]) => (
          <div key={k}>
            <dt>{fieldLabel(k)}</dt>
            <dd dir="auto">{valueText(v, 400)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function AuditChange({ entry }: { entry: Pick<AuditEntry, 'action' | 'entity' | 'before' | 'after'> }) {
  const { action, before, after } = entry;
  if (entry.entity === 'record' && isDigestAfter(after)) {
    // An import audited by digest: the rows' values are in the tables, checked by verify.
    return <div className="muted small">{describeDigest(after, fieldLabel)}</div>;
  }
  if (entry.entity === 'record' && isValues(after)) {
    const parts = Object.entries(after).map(([table, part]) => {
      const rows = isValues(part) && Array.isArray(part.rows) ? part.rows.length : 0;
      return `${rows} ${fieldLabel(table)}`;
    });
    return <div className="muted small">Imported: {parts.join(', ')}</div>;
  }
  if (action === 'update' && isValues(after)) {
    const was = isValues(before) ? before : {};
    return (
      <table className="diff" data-testid="audit-diff">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(after).map(([field, now]) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td className="before" dir="auto">
                {valueText(was[field])}
              </td>
              <td className="after" dir="auto">
                {valueText(now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const values = action === 'delete' ? before : after;
  return isValues(values) ? <ValuesList values={values} /> : null;
}
