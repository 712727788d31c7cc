/**
 * The area drawn on the map, shown wherever the filter applies (the list, the dashboard, the
 * map), so that nobody reads a list narrowed to an area without knowing it.
 */
import './areaFilter.css';

export function formatBbox([w, s, e, n]: readonly [number, number, number, number]): string {
  const lat = (v: number) => `${Math.abs(v).toFixed(2)}°${v >= 0 ? 'N' : 'S'}`;
  const lon = (v: number) => `${Math.abs(v).toFixed(2)}°${v >= 0 ? 'E' : 'W'}`;
  return `${lat(s)}–${lat(n)}, ${lon(w)}–${lon(e)}`;
}

export function AreaFilterNote({ bbox, onClear }: { bbox: [number, number, number, number] | undefined; onClear: () => void }) {
  if (!bbox) return null;
  return (
    <p className="area-filter-note" data-testid="area-filter">
      <span>
        Area drawn on the map: <strong>{formatBbox(bbox)}</strong>
      </span>{' '}
      <button type="button" onClick={onClear} aria-label="Remove the area filter">
        Remove area
      </button>
    </p>
  );
}
