import type { ReactNode } from 'react';
import type { Range } from '../../../shared/casualty';
import { RangeText } from '../../ui/RangeText';

/** One labelled figure: a count, or a range shown as `min–max` (one number when they agree). */
export function Figure({ label, value, testId, big = false }: { label: string; value: number | Range; testId: string; big?: boolean }) {
  const shown: ReactNode =
    typeof value === 'number' ? <span data-testid={testId}>{value}</span> : <RangeText range={value} testId={testId} />;
  return (
    <div className={big ? 'figure figure-big' : 'figure'}>
      <dt>{label}</dt>
      <dd>{shown}</dd>
    </div>
  );
}
