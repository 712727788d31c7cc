import { formatRange, type MaybeRange } from '../../shared/casualty';

/** A casualty range as published: `3–5`, `7` when min = max, `unknown` when both bounds are. */
export function RangeText({ range, testId }: { range: MaybeRange; testId?: string }) {
  const text = formatRange(range);
  const unknown = range.min === null || range.max === null;
  return (
    <span
      className={unknown ? 'range range-unknown' : 'range'}
      data-testid={testId}
      title={unknown && text !== 'unknown' ? 'One bound is unknown' : undefined}
    >
      {text}
    </span>
  );
}
