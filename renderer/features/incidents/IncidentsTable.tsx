import type { MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { WORKFLOW_LABELS } from '../../../shared/domain';
import type { IncidentRow } from '../../../shared/schemas';
import type { Sort, SortColumn } from '../../app/filters';
import { dateText } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { PlaceText } from '../../ui/PlaceText';
import { RangeText } from '../../ui/RangeText';

interface Column {
  label: string;
  sort?: SortColumn;
}

const COLUMNS: Column[] = [
  { label: 'Code', sort: 'code' },
  { label: 'Date', sort: 'date' },
  { label: 'Place', sort: 'place' },
  { label: 'Belligerents' },
  { label: 'Grade', sort: 'grade' },
  { label: 'Killed', sort: 'killed' },
  { label: 'Status', sort: 'status' },
];

interface Props {
  rows: IncidentRow[];
  sort: Sort;
  onSort: (column: SortColumn) => void;
  busy: boolean;
}

/** One page of incidents. Each code is a link (Tab to it, Enter opens); a click anywhere on a row opens it too. */
export function IncidentsTable({ rows, sort, onSort, busy }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const back = { from: location.search };

  function openRow(e: MouseEvent<HTMLTableRowElement>, id: string) {
    if ((e.target as HTMLElement).closest('a, button')) return; // the link handles itself
    if (window.getSelection()?.toString()) return; // selecting text is not a click to open
    navigate(`/incidents/${encodeURIComponent(id)}`, { state: back });
  }

  return (
    <div className="table-wrap">
      <table className={busy ? 'incidents stale' : 'incidents'} aria-busy={busy}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortableHeader key={c.label} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="incident-row" className="clickable" onClick={(e) => openRow(e, r.id)}>
              <td>
                <Link to={`/incidents/${encodeURIComponent(r.id)}`} state={back} className="code">
                  {r.code}
                </Link>
              </td>
              <td className="nowrap">{dateText(r.dateStart, r.dateEnd)}</td>
              <td>
                <PlaceText en={r.placeEn} ar={r.placeAr} />
                {(r.governorate || r.country) && (
                  <div className="muted small">{[r.governorate, r.country].filter(Boolean).join(', ')}</div>
                )}
              </td>
              <td>{r.belligerents.length ? r.belligerents.join(', ') : <span className="muted">—</span>}</td>
              <td>
                <GradeBadge grade={r.grade} />
              </td>
              <td className="num">
                <RangeText range={r.killed} />
              </td>
              <td>
                {WORKFLOW_LABELS[r.status] ?? r.status}
                {r.assigneeName && <div className="muted small">{r.assigneeName}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortableHeader({ column, sort, onSort }: { column: Column; sort: Sort; onSort: (c: SortColumn) => void }) {
  if (!column.sort) return <th scope="col">{column.label}</th>;
  const active = sort.column === column.sort;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const target = column.sort;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(target)}>
        {column.label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

