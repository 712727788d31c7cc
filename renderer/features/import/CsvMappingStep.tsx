import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { ImportPreview } from '../../../shared/contracts/imports';
import type { ColumnMapping } from '../../../shared/mappingSchema';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ColumnTable } from './ColumnTable';
import type { CsvChoice } from './CsvSourceStep';
import { ImportReportView } from './ImportReportView';
import { applySaved, mappingProblem } from './mappingEdit';
import { PreviewRows } from './PreviewRows';
import { ReadingOptions } from './ReadingOptions';
import { SavedMappings } from './SavedMappings';

export type { CsvChoice } from './CsvSourceStep';

interface Props {
  csv: CsvChoice;
  busy: boolean;
  onBack: () => void;
  onImport: (mapping: ColumnMapping) => void;
}

const PREVIEW_ROWS = 10;

/**
 * Map a CSV's columns to fields: the first rows as written and as read, a field per column (the
 * guesses preselected), how ranges and dates read, and what importing would do (a dry run, its
 * problems included) before anything is saved. Import is offered once the check is current.
 */
export function CsvMappingStep({ csv, busy, onBack, onImport }: Props) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [guessed, setGuessed] = useState<ColumnMapping | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const check = useCallback(
    async (m: ColumnMapping | undefined) => {
      setChecking(true);
      setError(null);
      try {
        const p = await invoke('import:preview', { csv: csv.input, rows: PREVIEW_ROWS, ...(m ? { mapping: m } : {}) });
        setPreview(p);
        setMapping(p.mapping);
        if (!m) setGuessed(p.mapping);
        setChecked(JSON.stringify(p.mapping));
      } catch (e) {
        setError(toContractError(e));
      } finally {
        setChecking(false);
      }
    },
    [csv.input],
  );

  useEffect(() => {
    void check(undefined);
  }, [check]);

  if (error && !preview) {
    return (
      <div>
        <ErrorMessage error={error} />
        <button type="button" onClick={onBack}>
          Choose another file
        </button>
      </div>
    );
  }
  if (!preview || !mapping) return <Loading what={`Reading ${csv.label}`} />;

  const current = checked === JSON.stringify(mapping);
  const problem = mappingProblem(mapping, preview.headers);
  const mappingErrors = preview.report.problems.filter((p) => p.kind === 'mapping');

  return (
    <div className="csv-mapping" aria-label="Map the columns">
      <p>
        <strong>{csv.label}</strong>: {preview.report.files[0]?.rows.toLocaleString() ?? 0} rows, {preview.headers.length} columns.{' '}
        {preview.guessed && 'The fields below are guesses from the column names: check each one.'}{' '}
        <button type="button" className="link-button" onClick={onBack}>
          Choose another file
        </button>
      </p>
      <SavedMappings mapping={mapping} onUse={(s) => setMapping(applySaved(s.mapping, guessed ?? mapping, preview.headers))} />
      <h2>Columns</h2>
      <ColumnTable preview={preview} mapping={mapping} onChange={setMapping} />
      <h2>How values are read</h2>
      <ReadingOptions mapping={mapping} onChange={setMapping} />
      <div className="check-bar">
        <button type="button" onClick={() => void check(mapping)} disabled={checking || busy}>
          {checking ? 'Checking…' : 'Check the mapping'}
        </button>
        <button type="button" className="primary" onClick={() => onImport(mapping)} disabled={!current || checking || busy || problem !== null || mappingErrors.length > 0}>
          Import {preview.report.files[0]?.rows.toLocaleString() ?? ''} rows
        </button>
        {!current && <span className="small" role="status">The mapping changed: check it again to see what importing would do.</span>}
        {problem && <span className="small" role="alert">{problem}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
      <PreviewRows preview={preview} />
      {current && <ImportReportView report={preview.report} />}
    </div>
  );
}
