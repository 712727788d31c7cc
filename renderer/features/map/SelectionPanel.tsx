/** The incidents behind the point or cluster the user clicked, each a link to the incident. */
import { Link } from 'react-router-dom';
import { MAX_SUMMARIES } from '../../../shared/contracts/map';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { countText } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { GEO_PRECISION_LABELS } from '../../ui/labels';

export function SelectionPanel(props: {
  codes: string[];
  total: number;
  onZoom: (() => void) | null;
  onClose: () => void;
}) {
  const shown = props.codes.slice(0, MAX_SUMMARIES);
  const summaries = useChannel('map:summaries', { codes: shown });
  const rows = summaries.data?.rows ?? [];
  return (
    <section className="map-selection" aria-label="Selected incidents" data-testid="map-selection">
      <header>
        <h2>
          {props.total === 1 ? '1 incident' : `${countText(props.total)} incidents`}
          {props.total > shown.length && <span className="muted"> (first {shown.length} listed)</span>}
        </h2>
        <div className="map-selection-actions">
          {props.onZoom && (
            <button type="button" onClick={props.onZoom}>
              Zoom in
            </button>
          )}
          <button type="button" onClick={props.onClose} aria-label="Close the list of selected incidents">
            Close
          </button>
        </div>
      </header>
      {summaries.error && <ErrorMessage error={summaries.error} onRetry={summaries.reload} />}
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <Link to={`/incidents/${r.id}`}>
              <strong>{r.code}</strong>
            </Link>{' '}
            <span className="muted">{r.dateStart ?? 'undated'}</span> <GradeBadge grade={r.grade} />
            <div>
              {r.placeEn ?? ''}
              {r.placeAr && (
                <span lang="ar" dir="rtl" className="ar">
                  {' '}
                  {r.placeAr}
                </span>
              )}
            </div>
            <div className="muted">
              Killed: {r.killed.min === null && r.killed.max === null ? 'unknown' : r.killed.min === r.killed.max ? r.killed.min : `${r.killed.min ?? '?'}–${r.killed.max ?? '?'}`}
              {' · '}
              {r.geoPrecision ? GEO_PRECISION_LABELS[r.geoPrecision] : 'precision not stated'}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
