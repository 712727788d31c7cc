import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Range } from '../../../shared/casualty';
import { RangeText } from '../../ui/RangeText';
import type { IncidentsLink } from './links';

/**
 * One labelled figure: a count, or a range shown as `min–max` (one number when they agree).
 * With `to`, the figure is a link to the incidents it sums.
 */
export function Figure({ label, value, testId, big = false, to }: { label: string; value: number | Range; testId: string; big?: boolean; to?: IncidentsLink | null }) {
  const shown: ReactNode =
    typeof value === 'number' ? <span data-testid={testId}>{value}</span> : <RangeText range={value} testId={testId} />;
  return (
    <div className={big ? 'figure figure-big' : 'figure'}>
      <dt>{label}</dt>
      <dd>
        {to ? (
          <Link to={to} className="figure-link" title={`The incidents behind: ${label.toLowerCase()}`}>
            {shown}
          </Link>
        ) : (
          shown
        )}
      </dd>
    </div>
  );
}
