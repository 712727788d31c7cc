/**
 * #/map: the incidents of the current filter where they happened. The filter is the one the
 * list and the dashboard use (URL params); the map adds an area (bbox) and a time range (the
 * filter's from/to) to it, so switching to the list shows the same incidents.
 */
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { IncidentFilter } from '../../../shared/schemas';
import { FilterBar } from '../../app/FilterBar';
import { filterToParams, parseFilter } from '../../app/filters';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { countText } from '../../ui/format';
import type { Bbox } from './boxSelect';
import { indexesInBounds } from './incidentData';
import { Legend } from './Legend';
import { MapCanvas, type MapSelection } from './MapCanvas';
import { SelectionPanel } from './SelectionPanel';
import { TimeBrush } from './TimeBrush';
import { useMapPoints } from './useMapPoints';
import './map.css';


export function MapPage() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params);
  const points = useMapPoints(filter);
  const timeline = useChannel('map:timeline', { filter });
  const [drawMode, setDrawMode] = useState(false);
  const [arabic, setArabic] = useState(true);
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [view, setView] = useState<Bbox | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const [focus, setFocus] = useState<{ center: [number, number]; zoom: number } | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const debug = params.has('debug');

  const setFilter = useCallback(
    (next: IncidentFilter) => {
      setSelection(null);
      setParams((current) => filterToParams(next, current));
    },
    [setParams],
  );
  const filterKey = JSON.stringify(filter);
  const onTime = useCallback(
    (from: string | undefined, to: string | undefined) => setFilter({ ...(JSON.parse(filterKey) as IncidentFilter), from, to }),
    [filterKey, setFilter],
  );
  const onArea = useCallback(
    (bbox: Bbox) => {
      setDrawMode(false);
      setFilter({ ...(JSON.parse(filterKey) as IncidentFilter), bbox });
    },
    [filterKey, setFilter],
  );

  const data = points.data ?? null;
  const selectedCodes = useMemo(() => (data && selection ? selection.indexes.map((i) => data.codes[i]!).filter(Boolean) : []), [data, selection]);

  return (
    <section className="page map-page" aria-labelledby="map-heading">
      <h1 id="map-heading">Map</h1>
      <FilterBar />
      <div className="map-toolbar" role="toolbar" aria-label="Map tools">
        <button type="button" aria-pressed={drawMode} onClick={() => setDrawMode((d) => !d)} title="Or hold Shift and drag on the map">
          {drawMode ? 'Drawing: drag a box on the map (Esc to cancel)' : 'Draw area'}
        </button>
        <button type="button" disabled={!view} onClick={() => view && onArea(view.map((v) => Math.round(v * 1e4) / 1e4) as Bbox)}>
          Use the view as the area
        </button>
        {filter.bbox && (
          <button type="button" onClick={() => setFilter({ ...filter, bbox: undefined })}>
            Remove area
          </button>
        )}
        <button type="button" onClick={() => setFitRequest((n) => n + 1)} disabled={!data?.codes.length}>
          Fit to incidents
        </button>
        <button
          type="button"
          disabled={!data || !view}
          onClick={() => data && view && setSelection({ indexes: indexesInBounds(data, view) })}
        >
          List incidents in view
        </button>
      </div>
      {points.error && <ErrorMessage error={points.error} onRetry={points.reload} />}
      {mapError && (
        <p className="error-message" role="alert">
          {mapError}
        </p>
      )}
      <p className="result-count" data-testid="map-count" aria-live="polite">
        {data ? (
          <>
            <span data-testid="map-points">{countText(data.codes.length)}</span> incidents on the map
            {data.withoutCoordinates > 0 && (
              <>
                {' · '}
                <Link to={{ pathname: '/incidents', search: `?${filterToParams({ ...filter, hasCoordinates: false, bbox: undefined }).toString()}` }}>
                  {countText(data.withoutCoordinates)} without coordinates
                </Link>{' '}
                not shown
              </>
            )}
            {points.loading && <span className="muted"> · updating…</span>}
          </>
        ) : (
          'Loading incidents…'
        )}
      </p>
      <div className="map-layout">
        <div className="map-main">
          <MapCanvas
            points={data}
            area={filter.bbox}
            drawMode={drawMode}
            onArea={onArea}
            onSelect={setSelection}
            selected={selection?.indexes ?? []}
            arabic={arabic}
            debug={debug}
            fitRequest={fitRequest}
            focus={focus}
            onView={setView}
            onError={setMapError}
          />
          {timeline.data && <TimeBrush months={timeline.data.months} from={filter.from} to={filter.to} onChange={onTime} />}
        </div>
        <aside className="map-side">
          {selection && selectedCodes.length > 0 && (
            <SelectionPanel
              codes={selectedCodes}
              total={selection.cluster?.count ?? selectedCodes.length}
              onZoom={selection.cluster ? () => setFocus({ center: selection.cluster!.lngLat, zoom: selection.cluster!.expansionZoom }) : null}
              onClose={() => setSelection(null)}
            />
          )}
          {selection && selectedCodes.length === 0 && (
            <p className="muted">
              No incidents there. <button type="button" onClick={() => setSelection(null)}>Close</button>
            </p>
          )}
          <Legend points={data} arabic={arabic} onArabic={setArabic} />
        </aside>
      </div>
    </section>
  );
}
