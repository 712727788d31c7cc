/** What the map's colours, sizes and rings mean, with the count of each grade on the map. */
import type { MapPoints } from '../../../shared/contracts/map';
import { MAP_GRADES } from '../../../shared/contracts/map';
import { countText } from '../../ui/format';
import { gradeDefinition, gradeLabel } from '../../ui/GradeBadge';

export function Legend({ points, arabic, onArabic }: { points: MapPoints | null; arabic: boolean; onArabic: (on: boolean) => void }) {
  const counts = MAP_GRADES.map(() => 0);
  for (const g of points?.grade ?? []) counts[g] = (counts[g] ?? 0) + 1;
  return (
    <section className="map-legend" aria-label="Legend">
      <h2>Legend</h2>
      <ul className="legend-grades">
        {MAP_GRADES.map((g, i) => (
          <li key={g} title={gradeDefinition(g)}>
            <span className="legend-dot" style={{ background: `var(--grade-${g})` }} aria-hidden="true" />
            {gradeLabel(g)} <span className="muted">{countText(counts[i]!)}</span>
          </li>
        ))}
      </ul>
      <p className="legend-row">
        <span className="legend-sizes" aria-hidden="true">
          <span style={{ width: 8, height: 8 }} />
          <span style={{ width: 16, height: 16 }} />
          <span style={{ width: 26, height: 26 }} />
        </span>
        Size: civilians killed (0, 10, 100+)
      </p>
      <h3>Where it happened</h3>
      <ul className="legend-precision">
        <li>
          <span className="legend-sym pinpoint" aria-hidden="true" /> Exact or within 100 m
        </li>
        <li>
          <span className="legend-sym near" aria-hidden="true" /> Street, landmark, neighbourhood (ring: how far off)
        </li>
        <li>
          <span className="legend-sym place" aria-hidden="true" /> Village, town, city (dashed ring)
        </li>
        <li>
          <span className="legend-sym area" aria-hidden="true" /> Subdistrict, governorate (faint area)
        </li>
        <li>
          <span className="legend-sym cluster" aria-hidden="true">
            12
          </span>{' '}
          Several incidents: click to list them
        </li>
      </ul>
      <label className="check">
        <input type="checkbox" checked={arabic} onChange={(e) => onArabic(e.target.checked)} /> Arabic place names
      </label>
    </section>
  );
}
