import { useState } from 'react';
import type { ImportProblem } from '../../../shared/importSchemas';

const STEP = 200;

/** Every problem by file, line, field and reason; long lists show a page at a time. */
export function ProblemsTable({ problems }: { problems: readonly ImportProblem[] }) {
  const [shown, setShown] = useState(STEP);
  const [file, setFile] = useState('');
  const files = [...new Set(problems.map((p) => p.file))];
  const list = file ? problems.filter((p) => p.file === file) : problems;
  return (
    <>
      {files.length > 1 && (
        <label className="small">
          File{' '}
          <select value={file} onChange={(e) => setFile(e.target.value)}>
            <option value="">All files</option>
            {files.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
      )}
      <div className="table-wrap">
        <table className="import-problems">
          <caption className="visually-hidden">Data problems by file and line</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
              <th scope="col">Code</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {list.slice(0, shown).map((p, i) => (
              <tr key={i} data-testid="import-problem">
                <td>{p.file}</td>
                <td className="num">{p.line ?? '—'}</td>
                <td>
                  <code>{p.field || '(row)'}</code>
                </td>
                <td className="small">{p.value === null ? '' : <code>{p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value}</code>}</td>
                <td>{p.reason}</td>
                <td>{p.code ?? ''}</td>
                <td>{p.leftOut ? <span className="tag">left out</span> : 'kept, flagged'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + STEP)}>
          Show {Math.min(STEP, list.length - shown)} more of {(list.length - shown).toLocaleString()} remaining
        </button>
      )}
    </>
  );
}
