import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { WORKFLOW_LABELS } from '../../../shared/domain';
import type { IncidentRow } from '../../../shared/schemas';
import type { Sort, SortColumn } from '../../app/filters';
import { dateText } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { PlaceText } from '../../ui/PlaceText';
import { RangeText } from '../../ui/RangeText';
import { useListPosition } from './useListPosition';
import type { PagedIncidents } from './usePagedIncidents';

/** Every row is this tall (CSS keeps it so), which is what lets the table draw only what shows. */
export const ROW_HEIGHT = 40;
const OVERSCAN = 12;

interface Column {
  label: string;
  sort: SortColumn;
  width: string;
}

const COLUMNS: Column[] = [
  { label: 'Code', sort: 'code', width: '10.5rem' },
  { label: 'Date', sort: 'date', width: '11rem' },
  { label: 'Place', sort: 'place', width: 'auto' },
  { label: 'Belligerents', sort: 'belligerents', width: '13rem' },
  { label: 'Grade', sort: 'grade', width: '7.5rem' },
  { label: 'Killed', sort: 'killed', width: '6.5rem' },
  { label: 'Status', sort: 'status', width: '9rem' },
  { label: 'Assignee', sort: 'assignee', width: '9rem' },
];

interface Props {
  list: PagedIncidents;
  total: number;
  sort: Sort;
  onSort: (column: SortColumn) => void;
  /** Identifies the filter and sort: the remembered position belongs to one of them. */
  listKey: string;
}

/**
 * All the incidents of a filter in one scrolling table that draws only the rows in view, and
 * fetches them a page at a time. Keyboard: ↑ ↓ PageUp PageDown Home End move the selection,
 * Enter opens it; each code is also a link (Tab to it). A click anywhere on a row opens it.
 */
export function IncidentsTable({ list, total, sort, onSort, listKey }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const back = { from: location.search };
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const { selected, setSelected, remember } = useListPosition(listKey, scroller);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const { ensure } = list;
  useEffect(() => ensure(first, last), [ensure, first, last]);

  function open(index: number) {
    const row = list.rowAt(index);
    if (!row) return;
    remember(index);
    navigate(`/incidents/${encodeURIComponent(row.id)}`, { state: back });
  }

  function onRowClick(e: MouseEvent<HTMLTableRowElement>, index: number) {
    setSelected(index);
    if ((e.target as HTMLElement).closest('a, button')) return remember(index); // the link handles itself
    if (window.getSelection()?.toString()) return; // selecting text is not a click to open
    open(index);
  }

  function moveTo(index: number) {
    const i = Math.max(0, Math.min(total - 1, index));
    setSelected(i);
    const el = scroller.current;
    if (!el) return;
    const header = ROW_HEIGHT;
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
    else if ((i + 1) * ROW_HEIGHT + header > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW_HEIGHT + header - el.clientHeight;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.target as HTMLElement).closest('button, input, select, textarea')) return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const at = selected ?? -1;
    if (e.key in moves) moveTo(at < 0 ? 0 : at + moves[e.key]!);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(total - 1);
    else if (e.key === 'Enter' && selected !== null && !(e.target as HTMLElement).closest('a')) open(selected);
    else return;
    e.preventDefault();
  }

  const rows = [];
  for (let i = first; i <= last; i++) {
    const r = list.rowAt(i);
    rows.push(
      r ? (
        <IncidentTableRow key={r.id} row={r} index={i} selected={i === selected} back={back} onClick={onRowClick} onLinkFocus={setSelected} />
      ) : (
        <tr key={`loading-${i}`} className="loading-row" aria-rowindex={i + 2}>
          <td colSpan={COLUMNS.length} className="muted">
            Loading…
          </td>
        </tr>
      ),
    );
  }

  return (
    <div
      ref={scroller}
      className="virtual-scroll"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      tabIndex={0}
      aria-label="Incidents: arrow keys move, Enter opens"
      data-testid="incident-scroller"
    >
      <table className={list.stale ? 'incidents virtual stale' : 'incidents virtual'} aria-rowcount={total + 1} aria-busy={list.stale}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <SortableHeader key={c.label} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" className="spacer" style={{ height: first * ROW_HEIGHT }} />}
          {rows}
          {last < total - 1 && <tr aria-hidden="true" className="spacer" style={{ height: (total - 1 - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: IncidentRow;
  index: number;
  selected: boolean;
  back: { from: string };
  onClick: (e: MouseEvent<HTMLTableRowElement>, index: number) => void;
  onLinkFocus: (index: number) => void;
}

function IncidentTableRow({ row: r, index, selected, back, onClick, onLinkFocus }: RowProps) {
  return (
    <tr
      data-testid="incident-row"
      className={selected ? 'clickable selected' : 'clickable'}
      aria-selected={selected}
      aria-rowindex={index + 2}
      onClick={(e) => onClick(e, index)}
    >
      <td>
        <Link to={`/incidents/${encodeURIComponent(r.id)}`} state={back} className="code" onFocus={() => onLinkFocus(index)}>
          {r.code}
        </Link>
      </td>
      <td className="nowrap">{dateText(r.dateStart, r.dateEnd)}</td>
      <td title={[r.placeEn, r.placeAr, r.governorate, r.country].filter(Boolean).join(' · ')}>
        <PlaceText en={r.placeEn} ar={r.placeAr} />
        {r.governorate && <span className="muted small"> · {r.governorate}</span>}
      </td>
      <td title={r.belligerents.join(', ')}>{r.belligerents.length ? r.belligerents.join(', ') : <span className="muted">—</span>}</td>
      <td>
        <GradeBadge grade={r.grade} />
      </td>
      <td className="num">
        <RangeText range={r.killed} />
      </td>
      <td>{WORKFLOW_LABELS[r.status] ?? r.status}</td>
      <td>{r.assigneeName ?? <span className="muted">—</span>}</td>
    </tr>
  );
}

function SortableHeader({ column, sort, onSort }: { column: Column; sort: Sort; onSort: (c: SortColumn) => void }) {
  const active = sort.column === column.sort;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(column.sort)}>
        {column.label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}
