interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onPage: (offset: number) => void;
}

/** "1–100 of 1,234" with Previous and Next. */
export function Pager({ offset, shown, total, pageSize, onPage }: Props) {
  const first = shown > 0 ? offset + 1 : 0;
  const last = offset + shown;
  const hasPrev = offset > 0;
  const hasNext = last < total;
  return (
    <nav className="pager" aria-label="Pages of incidents">
      <button type="button" disabled={!hasPrev} onClick={() => onPage(Math.max(0, offset - pageSize))}>
        ← Prev
      </button>
      <span data-testid="incident-page" aria-live="polite">
        {shown > 0 ? `${first}–${last} of ${total}` : `None here of ${total}`}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(offset + pageSize)}>
        Next →
      </button>
      {shown === 0 && total > 0 && (
        <button type="button" onClick={() => onPage(0)}>
          Back to the first page
        </button>
      )}
    </nav>
  );
}
