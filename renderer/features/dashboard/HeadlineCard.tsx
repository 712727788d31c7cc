import type { GradeTotals, IncidentFilter } from '../../../shared/schemas';
import { Figure } from './Figure';
import { incidentsLink, withGrades } from './links';

/** The published headline: incidents graded Confirmed or Fair, summed minimum to maximum. */
export function HeadlineCard({ totals, filter }: { totals: GradeTotals; filter: IncidentFilter }) {
  const f = withGrades(filter, ['confirmed', 'fair']);
  const to = f ? incidentsLink(f) : null;
  return (
    <section className="card headline" aria-labelledby="headline-heading">
      <h2 id="headline-heading">Confirmed + Fair</h2>
      <p className="muted small">
        The headline as published: incidents graded Confirmed or Fair, each figure the sum of the minimums to the sum of
        the maximums. Other grades are never added to it.
      </p>
      <dl className="figures">
        <Figure big label="Incidents" value={totals.incidents} testId="headline-incidents" to={to} />
        <Figure big label="Civilians killed" value={totals.killed} testId="headline-killed" to={to} />
        <Figure label="Children killed" value={totals.children} testId="headline-children" to={to} />
        <Figure label="Women killed" value={totals.women} testId="headline-women" to={to} />
        <Figure label="Civilians injured" value={totals.injured} testId="headline-injured" to={to} />
        <Figure label="Named victims" value={totals.namedVictims} testId="headline-named" to={to} />
      </dl>
    </section>
  );
}
