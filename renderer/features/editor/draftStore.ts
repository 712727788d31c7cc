/**
 * Drafts of unsaved edits, kept in the browser's localStorage (per case file and incident) so
 * that a reload, a closed window or a crash loses nothing typed.
 */
export interface Draft<T> {
  values: T;
  savedAt: string;
  /** The incident's updatedAt when editing began (null for a new incident). */
  baseUpdatedAt: string | null;
}

const PREFIX = 'casefile.draft.v1';

export function draftKey(caseId: string, incidentId: string | null): string {
  return `${PREFIX}:${caseId}:${incidentId ?? 'new'}`;
}

export function readDraft<T>(key: string, storage: Storage = window.localStorage): Draft<T> | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d === 'object' && 'values' in d ? d : null;
  } catch {
    return null;
  }
}

/** False when the draft could not be kept (storage full or disabled). */
export function writeDraft<T>(key: string, draft: Draft<T>, storage: Storage = window.localStorage): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string, storage: Storage = window.localStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: the draft was never kept.
  }
}
