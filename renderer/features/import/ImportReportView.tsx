import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ImportReport } from '../../../shared/importSchemas';
import { ProblemsTable } from './ProblemsTable';

const COUNT_COLUMNS = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['removed', 'Removed'],
  ['leftOut', 'Left out'],
] as const;

/** An import report: counts per kind of record, and every problem by file, line, field and reason. */
export function ImportReportView({ report, headingLevel = 2 }: { report: ImportReport; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2';
  const Sub = `h${headingLevel + 1}` as 'h3';
  const entities = Object.entries(report.counts);
  const kept = report.problems.filter((p) => !p.leftOut).length;
  const leftOut = report.problems.length - kept;
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <H>{report.dryRun ? 'What importing would do (nothing saved yet)' : 'Import report'}</H>
      <p className="muted small">
        {report.kind === 'airwars' ? 'Airwars archive' : 'Spreadsheet'} <code>{report.source}</code> · by {report.actor} · {new Date(report.finishedAt).toLocaleString()}
        {!report.dryRun && ` · ${report.auditEntries} audit ${report.auditEntries === 1 ? 'entry' : 'entries'}`}
      </p>
      <div className="table-wrap">
        <table className="import-counts">
          <caption className="visually-hidden">Records by kind</caption>
          <thead>
            <tr>
              <th scope="col">Records</th>
              {COUNT_COLUMNS.map(([, label]) => (
                <th key={label} scope="col" className="num">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entities.map(([entity, c]) => (
              <tr key={entity} data-testid={`count-${entity}`}>
                <th scope="row">{entity.replace(/_/g, ' ')}</th>
                {COUNT_COLUMNS.map(([k]) => (
                  <td key={k} className="num">
                    {c[k].toLocaleString()}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.notInSource > 0 && (
        <p className="small">
          {report.notInSource.toLocaleString()} incidents already in the case file are not in this {report.kind === 'airwars' ? 'archive' : 'file'}; they were kept as they are.
        </p>
      )}
      {report.files.length > 0 && (
        <p className="small muted">
          Files: {report.files.map((f) => `${f.file} (${f.rows.toLocaleString()} rows)`).join(', ')}
        </p>
      )}
      <Sub>
        Data problems <span data-testid="problem-total">{report.problems.length.toLocaleString()}</span>
      </Sub>
      {report.problems.length === 0 ? (
        <p>No problems: every row was read as it stands.</p>
      ) : (
        <>
          <p>
            {kept.toLocaleString()} kept as written and flagged on their records; {leftOut.toLocaleString()} left out because they could not be held at all (no
            code, or a code already taken).{' '}
            {!report.dryRun && kept > 0 && <Link to={{ pathname: '/incidents', search: '?problems=yes' }}>Show the incidents with data problems</Link>}
          </p>
          <ProblemKinds counts={report.problemCounts} />
          <ProblemsTable problems={report.problems} />
        </>
      )}
    </section>
  );
}

function ProblemKinds({ counts }: { counts: Record<string, number> }) {
  const [open, setOpen] = useState(false);
  const kinds = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>By kind ({kinds.length})</summary>
      <ul className="plain-list small">
        {kinds.map(([k, n]) => (
          <li key={k}>
            <code>{k}</code>: {n.toLocaleString()}
          </li>
        ))}
      </ul>
    </details>
  );
}
