import type { IncidentDetail } from '../../../shared/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { Facts } from '../../ui/Facts';
import { POSITION_LABELS, labelOf } from '../../ui/labels';
import { RangeText } from '../../ui/RangeText';

const INVOLVEMENT_LABELS: Record<string, string> = { known: 'Known', suspected: 'Suspected' };

/** Each belligerent involved, with its own position on the incident and what it conceded. */
export function BelligerentList({ belligerents }: { belligerents: IncidentDetail['belligerents'] }) {
  return (
    <section className="card" aria-labelledby="belligerents-heading">
      <h2 id="belligerents-heading">Belligerents</h2>
      {belligerents.length === 0 ? (
        <EmptyState title="No belligerent recorded." />
      ) : (
        <ul className="plain-list">
          {belligerents.map((b) => (
            <li key={b.id} className="sub-card">
              <h3>
                {b.belligerent} <span className="muted">({labelOf(INVOLVEMENT_LABELS, b.involvement)})</span>
              </h3>
              <Facts
                items={[
                  ['Position', labelOf(POSITION_LABELS, b.position)],
                  ['Conceded killed', <RangeText range={b.concededKilled} />],
                  ['Conceded injured', <RangeText range={b.concededInjured} />],
                  ['Stated location', b.locationText && <span dir="auto">{b.locationText}</span>],
                  ['MGRS', b.mgrs && <code>{b.mgrs}</code>],
                  ['Statement', b.statement && <p className="prose" dir="auto">{b.statement}</p>],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
