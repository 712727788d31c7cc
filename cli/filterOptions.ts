/** The incident filters `casefile stats` takes, for other commands that select incidents the same way. */
export const FILTER_OPTIONS = {
  belligerent: { type: 'string' },
  'code-prefix': { type: 'string' },
  country: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

export const FILTER_USAGE = `  --belligerent TEXT    only incidents with a belligerent whose name contains TEXT
  --code-prefix P       only incidents whose code starts with P (e.g. CS)
  --country C           only incidents in country C
  --from YYYY-MM-DD     only incidents on or after this date
  --to YYYY-MM-DD       only incidents on or before this date`;

export function filterFromOptions(values: Partial<Record<keyof typeof FILTER_OPTIONS, string | boolean | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  const map: [keyof typeof FILTER_OPTIONS, string][] = [['belligerent', 'belligerent'], ['code-prefix', 'codePrefix'], ['country', 'country'], ['from', 'from'], ['to', 'to']];
  for (const [opt, key] of map) if (typeof values[opt] === 'string') out[key] = values[opt] as string;
  return out;
}
