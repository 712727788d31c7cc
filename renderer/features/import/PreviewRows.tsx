import type { ImportPreview } from '../../../shared/contracts/imports';
import { MAPPING_FIELDS } from '../../../shared/mappingSchema';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'object') {
    const r = v as { min?: unknown; max?: unknown };
    if ('min' in r || 'max' in r) return `${r.min ?? '?'} – ${r.max ?? '?'}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/** A stored column's name as words: date_start → Date start. */
function words(column: string): string {
  const w = column.replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The first rows as the last check read them: each mapped field's value, by line. */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const fields = [...new Set(preview.rows.flatMap((r) => Object.keys(r.values)))];
  const defs = MAPPING_FIELDS[preview.mapping.target];
  if (fields.length === 0) return null;
  return (
    <details open>
      <summary>The first {preview.rows.length} rows as read</summary>
      <div className="table-wrap">
        <table className="preview-rows" data-testid="preview-rows">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              {fields.map((f) => (
                <th key={f} scope="col">
                  {defs[f]?.label ?? words(f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                {fields.map((f) => (
                  <td key={f}>{show(r.values[f])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
