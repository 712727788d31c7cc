import { Link } from 'react-router-dom';
import type { GradeTotals } from '../../../shared/schemas';
import { filterToParams, type GradeFilterValue } from '../../app/filters';
import type { IncidentFilter } from '../../../shared/schemas';
import { GradeBadge, gradeDefinition, gradeLabel } from '../../ui/GradeBadge';
import { Figure } from './Figure';

interface Props {
  grade: GradeFilterValue;
  totals: GradeTotals;
  /** The dashboard's current filter; the card's link narrows it to this grade. */
  filter: IncidentFilter;
}

/** One grade's totals, its definition, and a link to its incidents. */
export function GradeCard({ grade, totals, filter }: Props) {
  const search = filterToParams({ ...filter, grade: [grade] }).toString();
  const t = (what: string) => `grade-${grade}-${what}`;
  return (
    <section className={`card grade-card grade-card-${grade}`} aria-labelledby={t('heading')} data-testid={t('card')}>
      <h2 id={t('heading')}>
        <GradeBadge grade={grade} />
      </h2>
      <p className="muted small definition">{gradeDefinition(grade)}</p>
      <dl className="figures">
        <Figure label="Incidents" value={totals.incidents} testId={t('incidents')} />
        <Figure label="Killed" value={totals.killed} testId={t('killed')} />
        <Figure label="Injured" value={totals.injured} testId={t('injured')} />
        <Figure label="Children killed" value={totals.children} testId={t('children')} />
        <Figure label="Women killed" value={totals.women} testId={t('women')} />
        <Figure label="Men killed" value={totals.men} testId={t('men')} />
        <Figure label="Named victims" value={totals.namedVictims} testId={t('named')} />
      </dl>
      <p>
        <Link to={{ pathname: '/incidents', search: `?${search}` }}>
          {gradeLabel(grade)} incidents →
        </Link>
      </p>
    </section>
  );
}
