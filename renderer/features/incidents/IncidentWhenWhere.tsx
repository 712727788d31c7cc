import type { IncidentDetail } from '../../../shared/schemas';
import { dateText } from '../../ui/format';
import { Facts } from '../../ui/Facts';
import { DATE_PRECISION_LABELS, GEO_PRECISION_LABELS, STRIKE_STATUS_LABELS, labelOf } from '../../ui/labels';
import { PlaceText } from '../../ui/PlaceText';

/** When and where the incident happened, and what kind of strike it was. */
export function IncidentWhenWhere({ incident: i }: { incident: IncidentDetail }) {
  const coordinates =
    i.latitude !== null && i.longitude !== null ? (
      <span className="nowrap">
        {i.latitude}, {i.longitude}
      </span>
    ) : null;
  return (
    <div className="card-grid">
      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading">When</h2>
        <Facts
          items={[
            ['Date', dateText(i.dateStart, i.dateEnd)],
            ['Date precision', labelOf(DATE_PRECISION_LABELS, i.datePrecision)],
            ['Local time', i.localTime],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="where-heading">
        <h2 id="where-heading">Where</h2>
        <Facts
          items={[
            ['Place', <PlaceText en={i.placeEn} ar={i.placeAr} />],
            ['District', i.district],
            ['Governorate', i.governorate],
            ['Country', i.country],
            ['Coordinates', coordinates],
            ['Geolocation precision', i.geoPrecision && labelOf(GEO_PRECISION_LABELS, i.geoPrecision)],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="strike-heading">
        <h2 id="strike-heading">Strike</h2>
        <Facts
          items={[
            ['Strike type', i.strikeType],
            ['Strike status', i.strikeStatus && labelOf(STRIKE_STATUS_LABELS, i.strikeStatus)],
            ['Cause of death', i.causeOfDeath],
            ['Infrastructure', i.infrastructure],
          ]}
        />
      </section>
    </div>
  );
}
