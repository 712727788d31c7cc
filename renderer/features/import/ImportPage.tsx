import { useState } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CsvMappingStep, type CsvChoice } from './CsvMappingStep';
import { CsvSourceStep } from './CsvSourceStep';
import { ImportReportView } from './ImportReportView';
import { JobProgress } from './JobProgress';
import { PastImports } from './PastImports';
import { PathField } from './PathField';
import { useImportJob } from './useImportJob';
import './import.css';

type Kind = 'airwars' | 'csv';

/**
 * #/import — File → Import…: an Airwars-layout archive (a folder of its five CSVs) or any CSV
 * through a column mapping. The import runs off the UI thread; its progress bar moves, it can be
 * cancelled, and its report lists every problem by file, line, field and reason.
 */
export function ImportPage() {
  const { job, error, starting, start, cancel, clear } = useImportJob();
  const [kind, setKind] = useState<Kind>('airwars');
  const [dir, setDir] = useState('');
  const [csv, setCsv] = useState<CsvChoice | null>(null);
  const busy = starting || job?.state === 'running';

  const begin = (spec: ChannelInput<'importJobs:start'>) => void start(spec);

  return (
    <section className="page import-page" aria-labelledby="import-heading">
      <h1 id="import-heading">Import</h1>
      <p className="muted">
        Bring in records from an Airwars-layout archive or any spreadsheet saved as CSV. Values the editor would refuse are kept as written and flagged
        as data problems; only rows that cannot be held at all are left out. A cancelled or failed import leaves the case file as it was.
      </p>
      {error && <ErrorMessage error={error} />}
      {job ? (
        <div className="import-job" data-testid="import-job" data-state={job.state}>
          <JobProgress job={job} onCancel={() => void cancel()} />
          {job.state === 'failed' && job.error && (
            <div className="error-message" role="alert">
              <strong>The import failed</strong>
              <p data-testid="import-error">{job.error}</p>
            </div>
          )}
          {job.state === 'cancelled' && <p role="status">The import was cancelled. Nothing was saved: the case file is as it was before.</p>}
          {job.state === 'done' && job.report && <ImportReportView report={job.report} />}
          {job.state !== 'running' && (
            <button
              type="button"
              onClick={() => {
                clear();
                setCsv(null);
              }}
            >
              Start another import
            </button>
          )}
        </div>
      ) : (
        <>
          <fieldset className="import-kind">
            <legend>What to import</legend>
            <label>
              <input type="radio" name="import-kind" checked={kind === 'airwars'} onChange={() => setKind('airwars')} /> An Airwars archive (a folder with
              incidents.csv, sources.csv, victims.csv, belligerent_assessments.csv and links.csv)
            </label>
            <label>
              <input type="radio" name="import-kind" checked={kind === 'csv'} onChange={() => setKind('csv')} /> Any spreadsheet saved as CSV (you map its
              columns)
            </label>
          </fieldset>
          {kind === 'airwars' && (
            <form
              className="import-form"
              aria-label="Import an Airwars archive"
              onSubmit={(e) => {
                e.preventDefault();
                begin({ kind: 'airwars', dir });
              }}
            >
              <PathField label="Archive folder" kind="folder" value={dir} onChange={setDir} disabled={busy} hint="The folder on this computer that holds incidents.csv." />
              <button type="submit" className="primary" disabled={busy || !dir.trim()}>
                {starting ? 'Starting…' : 'Import archive'}
              </button>
            </form>
          )}
          {kind === 'csv' && !csv && <CsvSourceStep onChosen={setCsv} />}
          {kind === 'csv' && csv && <CsvMappingStep csv={csv} onBack={() => setCsv(null)} onImport={(mapping) => begin({ kind: 'csv', csv: csv.input, mapping })} busy={busy} />}
        </>
      )}
      <PastImports refreshKey={job?.state === 'done' ? job.id : null} />
    </section>
  );
}
