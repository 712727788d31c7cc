import { Link, useParams } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ImportReportView } from './ImportReportView';
import './import.css';

/** #/import/reports/:id — the report an import saved in the case file. */
export function SavedReportPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useChannel('imports:get', { id });
  return (
    <section className="page import-page" aria-labelledby="saved-report-heading">
      <p className="back">
        <Link to="/import">← Import</Link>
      </p>
      <h1 id="saved-report-heading">Saved import report</h1>
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading what="Reading the report" />}
      {data && <ImportReportView report={data} />}
    </section>
  );
}
