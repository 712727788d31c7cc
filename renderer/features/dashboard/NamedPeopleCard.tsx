import { Link } from 'react-router-dom';
import type { Stats } from '../../../shared/schemas';
import { Figure } from './Figure';

/**
 * Named victims as people: records reconciled as one person count once. Over the filtered
 * incidents of every grade (the headline's own figure counts Confirmed and Fair only).
 */
export function NamedPeopleCard({ people }: { people: Stats['namedPeople'] }) {
  return (
    <section className="card named-people" aria-labelledby="named-people-heading">
      <h2 id="named-people-heading">Named victims, as people</h2>
      <p className="muted small">
        Every grade. Records confirmed to be the same person count once.{' '}
        <Link to="/victims/reconcile">Review records that may be the same person</Link>
      </p>
      <dl className="figures">
        <Figure label="People named" value={people.people} testId="named-people" />
        <Figure label="Victim records with a name" value={people.records} testId="named-records" />
        <Figure label="Named in more than one incident" value={people.inSeveralIncidents} testId="named-several" />
      </dl>
    </section>
  );
}
