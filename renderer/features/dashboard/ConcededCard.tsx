import type { IncidentFilter, Stats } from '../../../shared/schemas';
import { Figure } from './Figure';
import { incidentsLink, withConceded } from './links';

/** What the belligerents themselves conceded: a separate figure, never part of the headline. */
export function ConcededCard({ conceded, filter }: { conceded: Stats['conceded']; filter: IncidentFilter }) {
  const to = incidentsLink(withConceded(filter));
  return (
    <section className="card conceded" aria-labelledby="conceded-heading">
      <h2 id="conceded-heading">What belligerents conceded</h2>
      <p className="muted small">
        Deaths and injuries that belligerents accepted, over the incidents where a belligerent's position is
        credible. An incident counts once however many belligerents it has: its largest concession is used.
      </p>
      <dl className="figures">
        <Figure label="Incidents" value={conceded.incidents} testId="conceded-incidents" to={to} />
        <Figure label="Killed" value={conceded.killed} testId="conceded-killed" to={to} />
        <Figure label="Injured" value={conceded.injured} testId="conceded-injured" to={to} />
      </dl>
    </section>
  );
}
