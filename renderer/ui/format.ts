/** Small text formatters shared by the pages. */

/** "2017-03-16", or "2017-03-16 – 2017-03-20" for a range, or "unknown". */
export function dateText(start: string | null, end: string | null): string {
  if (!start && !end) return 'unknown';
  if (start && end && end !== start) return `${start} – ${end}`;
  return (start ?? end) as string;
}

/** An ISO timestamp as "2024-05-01 14:03 UTC" (the stored instant, not local time). */
export function timestampText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A whole number with thousands separators, as `toLocaleString('en')` writes it ("6,681"),
 * without Intl: the first Intl number format of a page costs 25–45 ms of ICU set-up on a slow
 * machine, which the map page paid before it could create its map.
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
