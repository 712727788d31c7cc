/**
 * The selected row and the scroll position of the incidents list, remembered for the tab, so
 * that coming back from an incident returns to the same place in the same list.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

const STORAGE_KEY = 'casefile.incidents.position';

interface Position {
  listKey: string;
  index: number;
  scrollTop: number;
}

function read(): Position | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Position) : null;
  } catch {
    return null;
  }
}

export function useListPosition(listKey: string, scroller: RefObject<HTMLDivElement | null>) {
  const [selected, setSelectedState] = useState<{ listKey: string; index: number } | null>(() => {
    const p = read();
    return p && p.listKey === listKey ? { listKey, index: p.index } : null;
  });

  // Back in the same list: scroll to where it was.
  useLayoutEffect(() => {
    const p = read();
    if (p && p.listKey === listKey && scroller.current) scroller.current.scrollTop = p.scrollTop;
  }, [listKey, scroller]);

  const remember = useCallback(
    (index: number) => {
      try {
        const pos: Position = { listKey, index, scrollTop: scroller.current?.scrollTop ?? 0 };
        window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pos));
      } catch {
        // Without storage the list simply starts at the top next time.
      }
    },
    [listKey, scroller],
  );

  const setSelected = useCallback((index: number) => setSelectedState({ listKey, index }), [listKey]);
  return { selected: selected?.listKey === listKey ? selected.index : null, setSelected, remember };
}
