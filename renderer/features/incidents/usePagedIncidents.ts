/**
 * The incidents of one filter and sort, fetched a page of 100 at a time as the table scrolls
 * to them. A new filter or sort starts again from the first page; until it arrives, the rows
 * of the previous one stay on screen (marked stale) rather than flashing empty.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { IncidentFilter, IncidentRow } from '../../../shared/schemas';
import { invoke, toContractError } from '../../app/client';
import { PAGE_SIZE, type Sort } from '../../app/filters';

interface Loaded {
  key: string;
  total: number;
  pages: ReadonlyMap<number, IncidentRow[]>;
}

export interface PagedIncidents {
  /** Rows known for the current filter and sort; null until its first page arrives. */
  total: number | null;
  rowAt: (index: number) => IncidentRow | undefined;
  /** Make sure the rows from `first` to `last` (inclusive) are loaded or on their way. */
  ensure: (first: number, last: number) => void;
  /** The first page of a new filter or sort is still loading (what is shown is the old one). */
  stale: boolean;
  error: ContractError | null;
  reload: () => void;
}

export function usePagedIncidents(filter: IncidentFilter, sort: Sort): PagedIncidents {
  const key = JSON.stringify({ filter, sort });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const requested = useRef<{ key: string; pages: Set<number> }>({ key: '', pages: new Set() });
  const current = useRef(key);
  current.current = key;

  const fetchPage = useCallback((forKey: string, page: number) => {
    if (requested.current.key !== forKey) requested.current = { key: forKey, pages: new Set() };
    if (requested.current.pages.has(page)) return;
    requested.current.pages.add(page);
    const { filter: f, sort: s } = JSON.parse(forKey) as { filter: IncidentFilter; sort: Sort };
    invoke('incidents:list', { filter: f, sort: s, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (value) => {
        if (current.current !== forKey) return;
        setError(null);
        setLoaded((prev) => {
          const pages = new Map(prev && prev.key === forKey ? prev.pages : []);
          pages.set(page, value.rows);
          return { key: forKey, total: value.total, pages };
        });
      },
      (e: unknown) => {
        if (current.current !== forKey) return;
        requested.current.pages.delete(page);
        setError(toContractError(e));
      },
    );
  }, []);

  useEffect(() => {
    requested.current = { key, pages: new Set() };
    fetchPage(key, 0);
  }, [key, attempt, fetchPage]);

  const fresh = loaded?.key === key ? loaded : null;
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!fresh) return;
      const lastRow = Math.min(last, fresh.total - 1);
      for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(lastRow / PAGE_SIZE); p++) {
        if (!fresh.pages.has(p)) fetchPage(key, p);
      }
    },
    [fresh, fetchPage, key],
  );
  const shown = fresh ?? loaded;
  const rowAt = useCallback(
    (i: number) => shown?.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    [shown],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { total: shown?.total ?? null, rowAt, ensure, stale: !fresh && loaded !== null, error, reload };
}
