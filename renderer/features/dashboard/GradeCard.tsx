import { Link } from 'react-router-dom';
import type { GradeTotals } from '../../../shared/schemas';
import type { GradeFilterValue } from '../../app/filters';
import type { IncidentFilter } from '../../../shared/schemas';
import { GradeBadge, gradeDefinition, gradeLabel } from '../../ui/GradeBadge';
import { Figure } from './Figure';
import { incidentsLink, withGrades } from './links';

interface Props {
  grade: GradeFilterValue;
  totals: GradeTotals;
  /** The dashboard's current filter; the card's link narrows it to this grade. */
  filter: IncidentFilter;
}

/** One grade's totals, its definition, and a link to its incidents. */
export function GradeCard({ grade, totals, filter }: Props) {
  // The incidents behind every figure of the card; none when the filter leaves this grade out.
  const narrowed = withGrades(filter, [grade]);
  const to = narrowed ? incidentsLink(narrowed) : null;
  const t = (what: string) => `grade-${grade}-${what}`;
  return (
    <section className={`card grade-card grade-card-${grade}`} aria-labelledby={t('heading')} data-testid={t('card')}>
      <h2 id={t('heading')}>
        <GradeBadge grade={grade} />
      </h2>
      <p className="muted small definition">{gradeDefinition(grade)}</p>
      <dl className="figures">
        <Figure label="Incidents" value={totals.incidents} testId={t('incidents')} to={to} />
        <Figure label="Killed" value={totals.killed} testId={t('killed')} to={to} />
        <Figure label="Injured" value={totals.injured} testId={t('injured')} to={to} />
        <Figure label="Children killed" value={totals.children} testId={t('children')} to={to} />
        <Figure label="Women killed" value={totals.women} testId={t('women')} to={to} />
        <Figure label="Men killed" value={totals.men} testId={t('men')} to={to} />
        <Figure label="Named victims" value={totals.namedVictims} testId={t('named')} to={to} />
      </dl>
      {to && (
        <p>
          <Link to={to}>{gradeLabel(grade)} incidents →</Link>
        </p>
      )}
    </section>
  );
}
