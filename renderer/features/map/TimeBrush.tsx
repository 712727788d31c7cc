/**
 * The time brush: incidents per month over the whole span (for the filter without its dates),
 * and a range of months picked with two sliders (keyboard: arrows, Page Up/Down, Home/End).
 * The range becomes the filter's from/to when the sliders stop moving.
 */
import { useEffect, useMemo, useState } from 'react';
import { countText } from '../../ui/format';

export interface MonthCount {
  month: string;
  incidents: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? m.slice(5, 7)} ${m.slice(0, 4)}`;

/** Every month from the first to the last, with 0 where none happened. */
export function fillMonths(months: readonly MonthCount[]): MonthCount[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.month, m.incidents]));
  const out: MonthCount[] = [];
  let [y, mo] = months[0]!.month.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!.month;
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    out.push({ month: key, incidents: counts.get(key) ?? 0 });
    if (key >= last) break;
    mo++;
    if (mo > 12) {
      mo = 1;
      y++;
    }
  }
  return out;
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

function indexOfMonth(months: readonly MonthCount[], date: string | undefined, fallback: number): number {
  if (!date) return fallback;
  const m = date.slice(0, 7);
  const i = months.findIndex((x) => x.month >= m);
  return i < 0 ? months.length - 1 : i;
}

export function TimeBrush(props: {
  months: readonly MonthCount[];
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
}) {
  const months = useMemo(() => fillMonths(props.months), [props.months]);
  const last = months.length - 1;
  const urlRange = useMemo(
    () => [indexOfMonth(months, props.from, 0), indexOfMonth(months, props.to, last)] as const,
    [months, props.from, props.to, last],
  );
  const [range, setRange] = useState<readonly [number, number]>(urlRange);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setRange(urlRange);
    setDirty(false);
  }, [urlRange]);

  const { onChange } = props;
  useEffect(() => {
    if (!dirty) return;
    const t = setTimeout(() => {
      const [a, b] = range;
      const whole = a === 0 && b === last;
      onChange(whole ? undefined : `${months[a]!.month}-01`, whole ? undefined : lastDayOfMonth(months[b]!.month));
      setDirty(false);
    }, 350);
    return () => clearTimeout(t);
  }, [dirty, range, last, months, onChange]);

  if (months.length === 0) return <p className="muted time-brush-empty">No dated incidents with coordinates to show over time.</p>;
  const max = Math.max(1, ...months.map((m) => m.incidents));
  // The months change with the filter before the range follows them: keep it inside.
  const a = Math.min(Math.max(range[0], 0), last);
  const b = Math.min(Math.max(range[1], a), last);
  const inRange = months.slice(a, b + 1).reduce((n, m) => n + m.incidents, 0);
  const set = (next: readonly [number, number]) => {
    setRange(next);
    setDirty(true);
  };

  return (
    <section className="time-brush" aria-label="Time range">
      <div className="time-brush-bars" aria-hidden="true">
        {months.map((m, i) => (
          <div
            key={m.month}
            className={i >= a && i <= b ? 'bar in' : 'bar'}
            style={{ height: `${Math.max(m.incidents ? 4 : 0, (m.incidents / max) * 100)}%` }}
            title={`${monthLabel(m.month)}: ${m.incidents}`}
          />
        ))}
      </div>
      <div className="time-brush-sliders">
        <input
          type="range"
          min={0}
          max={last}
          value={a}
          aria-label="From month"
          aria-valuetext={monthLabel(months[a]!.month)}
          onChange={(e) => set([Math.min(Number(e.target.value), b), b])}
        />
        <input
          type="range"
          min={0}
          max={last}
          value={b}
          aria-label="To month"
          aria-valuetext={monthLabel(months[b]!.month)}
          onChange={(e) => set([a, Math.max(Number(e.target.value), a)])}
        />
      </div>
      <p className="time-brush-label" data-testid="time-brush-label">
        <span>
          {monthLabel(months[a]!.month)} – {monthLabel(months[b]!.month)}: {countText(inRange)} incidents
        </span>
        {(a > 0 || b < last) && (
          <button type="button" onClick={() => set([0, last])}>
            Whole span
          </button>
        )}
      </p>
    </section>
  );
}
