import { useEffect, useRef } from 'react';
import type { Blocker } from 'react-router-dom';

/** "Leave without saving?" for an in-app navigation the editor blocked. */
export function LeaveDialog({ blocker, text }: { blocker: Blocker; text?: string }) {
  const stay = useRef<HTMLButtonElement>(null);
  const open = blocker.state === 'blocked';
  useEffect(() => {
    if (open) stay.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-text"
        onKeyDown={(e) => e.key === 'Escape' && blocker.reset?.()}
      >
        <h2 id="leave-title">Leave without saving?</h2>
        <p id="leave-text">
          {text ??
            'Your changes are not saved in the case file yet. The draft stays on this computer, and comes back when you edit this incident again.'}
        </p>
        <div className="modal-actions">
          <button ref={stay} type="button" className="primary" onClick={() => blocker.reset?.()}>
            Stay and keep editing
          </button>
          <button type="button" onClick={() => blocker.proceed?.()}>
            Leave
          </button>
        </div>
      </div>
    </div>
  );
}
