import { useParams } from 'react-router-dom';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { IncidentEditor } from './IncidentEditor';
import '../../styles/workbench.css';

/** #/incidents/new: a new incident. */
export function NewIncidentPage() {
  const info = useChannel('case:info', {});
  return (
    <section className="page editor-page">
      {info.error && <ErrorMessage error={info.error} onRetry={info.reload} />}
      {!info.data && !info.error && <Loading what="Opening the editor" />}
      {info.data && <IncidentEditor key="new" detail={null} caseId={info.data.id} />}
    </section>
  );
}

/** #/incidents/:id/edit: an incident's editor, once the incident is loaded. */
export function EditIncidentPage() {
  const { id = '' } = useParams();
  const info = useChannel('case:info', {});
  const incident = useChannel('incidents:get', { id });
  const error = info.error ?? incident.error;
  const detail = incident.data?.id === id ? incident.data : undefined;
  return (
    <section className="page editor-page">
      {error && <ErrorMessage error={error} onRetry={() => (info.reload(), incident.reload())} />}
      {!error && (!detail || !info.data) && <Loading what="Loading the incident" />}
      {!error && detail && info.data && <IncidentEditor key={detail.id} detail={detail} caseId={info.data.id} />}
    </section>
  );
}
