/**
 * The editor keeps the page from unloading while it has unsaved changes (beforeunload). A
 * browser then asks the person; Electron asks nobody and simply keeps the window open. This
 * asks, and lets the window go when the person chooses to leave (the draft stays on disk).
 */
import type { Event, WebContents } from 'electron';

export const LEAVE_DIALOG = {
  type: 'question',
  buttons: ['Leave', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  message: 'Leave without saving?',
  detail: 'Your changes are not saved in the case file yet. The draft stays on this computer and comes back when you edit the incident again.',
} as const;

/** `confirmLeave` shows the question (dialog.showMessageBoxSync in the app) and says whether to leave. */
export function guardUnload(contents: Pick<WebContents, 'on'>, confirmLeave: () => boolean): void {
  contents.on('will-prevent-unload', (event: Event) => {
    if (confirmLeave()) event.preventDefault(); // preventDefault here means: unload anyway
  });
}
