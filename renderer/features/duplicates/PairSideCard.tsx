import { Link } from 'react-router-dom';
import type { PairSide } from '../../../shared/contracts/duplicates';
import { GradeBadge } from '../../ui/GradeBadge';
import { PlaceText } from '../../ui/PlaceText';
import { RangeText } from '../../ui/RangeText';
import { dateText } from '../../ui/format';

/** One incident of a pair, in the columns both sides share so they read side by side. */
export function PairSideCard({ side, label }: { side: PairSide; label: string }) {
  return (
    <div className="pair-side" data-testid={`pair-side-${side.code}`}>
      <p className="pair-side-head">
        <span className="muted">{label}</span>{' '}
        <Link to={`/incidents/${side.id}`}>
          <strong>{side.code}</strong>
        </Link>{' '}
        <GradeBadge grade={side.grade} /> <span className="muted">{side.status.replace('_', ' ')}</span>
      </p>
      <dl className="pair-facts">
        <dt>Date</dt>
        <dd>{dateText(side.dateStart, side.dateEnd)}</dd>
        <dt>Place</dt>
        <dd>
          <PlaceText en={side.placeEn} ar={side.placeAr} />
          {side.governorate ? <span className="muted">, {side.governorate}</span> : null}
        </dd>
        <dt>Location</dt>
        <dd>
          {side.latitude !== null && side.longitude !== null
            ? `${side.latitude.toFixed(4)}, ${side.longitude.toFixed(4)} (${side.geoPrecision ?? 'precision unknown'})`
            : 'not located'}
        </dd>
        <dt>Civilians killed</dt>
        <dd>
          <RangeText range={side.killed} />
        </dd>
        <dt>Sources, victims</dt>
        <dd>
          {side.sources}, {side.victims}
        </dd>
      </dl>
    </div>
  );
}
