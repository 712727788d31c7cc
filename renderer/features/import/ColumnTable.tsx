import { MAPPING_FIELDS, type ColumnMapping } from '../../../shared/mappingSchema';
import type { ImportPreview } from '../../../shared/contracts/imports';
import { choiceOf, KEEP, setColumn, SKIP } from './mappingEdit';

interface Props {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}

/** One row per column of the file: its first values, and the field it fills. */
export function ColumnTable({ preview, mapping, onChange }: Props) {
  const fields = Object.entries(MAPPING_FIELDS[mapping.target]);
  return (
    <div className="table-wrap">
      <table className="column-table" data-testid="column-table">
        <caption className="visually-hidden">Columns of the file and the fields they fill</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First values</th>
            <th scope="col">Fills</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((h, i) => {
            const id = `column-${i}`;
            return (
              <tr key={h}>
                <th scope="row">
                  <label htmlFor={id}>{h || `(column ${i + 1}, no name)`}</label>
                </th>
                <td className="small">
                  {preview.rows.slice(0, 3).map((r) => (
                    <div key={r.line} className="sample">
                      {r.raw[i] === undefined || r.raw[i] === '' ? <span className="muted">blank</span> : r.raw[i]}
                    </div>
                  ))}
                </td>
                <td>
                  <select id={id} value={choiceOf(mapping, h)} onChange={(e) => onChange(setColumn(mapping, h, e.target.value))}>
                    <option value={KEEP}>Keep with the record (no field)</option>
                    <option value={SKIP}>Leave out</option>
                    {fields.map(([f, def]) => (
                      <option key={f} value={f}>
                        {def.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
