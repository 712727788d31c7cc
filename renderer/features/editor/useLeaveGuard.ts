/**
 * Ask before leaving unsaved changes: the browser's own prompt when the window is reloaded or
 * closed, and the app's dialog (react-router's blocker) when going to another page of the app.
 */
import { useEffect, useRef } from 'react';
import { useBlocker, type Blocker } from 'react-router-dom';

export function useLeaveGuard(dirty: boolean): { blocker: Blocker; allowNextNavigation: () => void } {
  const bypass = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !bypass.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return {
    blocker,
    allowNextNavigation: () => {
      bypass.current = true;
    },
  };
}
