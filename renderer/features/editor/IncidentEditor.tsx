import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import type { ContractError } from '../../../shared/contract';
import type { IncidentDetail } from '../../../shared/schemas';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { timestampText } from '../../ui/format';
import { draftKey, readDraft, removeDraft, writeDraft } from './draftStore';
import { editorSchema, formPath, toEditorValues, valuesKey, type EditorOutput, type EditorValues } from './editorForm';
import { TextField } from './fields';
import { HarmSection } from './HarmSection';
import { LeaveDialog } from './LeaveDialog';
import { NotesSection } from './NotesSection';
import { useLeaveGuard } from './useLeaveGuard';
import { VictimsSection } from './VictimsSection';
import { WhenSection } from './WhenSection';
import { WhereSection } from './WhereSection';
import { WhoSection } from './WhoSection';

interface Props {
  /** The stored incident, or null for a new one. */
  detail: IncidentDetail | null;
  caseId: string;
}

interface RestoredNotice {
  savedAt: string;
  outdated: boolean;
}

/**
 * The incident editor. Everything typed is kept as a draft on this computer at once (a reload or
 * a crash loses nothing), leaving with unsaved changes asks first, and a save the case file
 * refuses keeps every field as typed, with the reason next to the field.
 */
export function IncidentEditor({ detail, caseId }: Props) {
  const navigate = useNavigate();
  const serverValues = useMemo(() => toEditorValues(detail), [detail]);
  const serverKey = useMemo(() => valuesKey(serverValues), [serverValues]);
  const form = useForm<EditorValues, unknown, EditorOutput>({
    resolver: zodResolver(editorSchema),
    defaultValues: serverValues,
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const [incidentId, setIncidentId] = useState<string | null>(detail?.id ?? null);
  const [baseUpdatedAt, setBaseUpdatedAt] = useState<string | null>(detail?.updatedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState<RestoredNotice | null>(null);
  const [saveError, setSaveError] = useState<ContractError | null>(null);
  const [draftFailed, setDraftFailed] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const key = draftKey(caseId, incidentId);
  const keyRef = useRef(key);
  keyRef.current = key;
  const { blocker, allowNextNavigation } = useLeaveGuard(dirty);

  // A draft left by a reload, a closed window or a crash comes back, with a notice.
  useEffect(() => {
    const draft = readDraft<EditorValues>(draftKey(caseId, detail?.id ?? null));
    if (!draft || valuesKey(draft.values) === serverKey) return;
    form.reset(draft.values, { keepDefaultValues: true });
    setDirty(true);
    setRestored({ savedAt: draft.savedAt, outdated: Boolean(detail && draft.baseUpdatedAt && draft.baseUpdatedAt !== detail.updatedAt) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the incident the editor opened with
  }, []);

  // Every change is written to the draft at once.
  useEffect(() => {
    const sub = form.watch((values) => {
      const changed = valuesKey(values) !== serverKey;
      setDirty(changed);
      if (!changed) return removeDraft(keyRef.current);
      setDraftFailed(!writeDraft(keyRef.current, { values, savedAt: new Date().toISOString(), baseUpdatedAt }));
    });
    return () => sub.unsubscribe();
  }, [form, serverKey, baseUpdatedAt]);

  function discard() {
    removeDraft(key);
    form.reset(serverValues);
    setDirty(false);
    setRestored(null);
    setConfirmDiscard(false);
    setSaveError(null);
  }

  function showServerError(where: 'incident' | 'victims', e: unknown) {
    const error = toContractError(e);
    setSaveError(error);
    for (const issue of error.issues ?? []) {
      const path = formPath(where, issue);
      if (path) form.setError(path as never, { type: 'server', message: issue.message }, { shouldFocus: true });
    }
  }

  async function save() {
    setSaveError(null);
    const values = form.getValues();
    let id = incidentId;
    try {
      if (!id) {
        const created = await invoke('incidents:create', { incident: values.incident });
        id = created.id;
        setIncidentId(id);
        setBaseUpdatedAt(created.updatedAt);
        // The draft now belongs to the incident that exists.
        writeDraft(draftKey(caseId, id), { values, savedAt: new Date().toISOString(), baseUpdatedAt: created.updatedAt });
        removeDraft(draftKey(caseId, null));
      } else if (valuesKey(values.incident) !== valuesKey(serverValues.incident)) {
        const updated = await invoke('incidents:update', {
          id,
          incident: values.incident,
          ...(baseUpdatedAt ? { expectedUpdatedAt: baseUpdatedAt } : {}),
        });
        setBaseUpdatedAt(updated.updatedAt);
      }
    } catch (e) {
      return showServerError('incident', e);
    }
    if (valuesKey(values.victims) !== valuesKey(serverValues.victims)) {
      try {
        await invoke('victims:save', { incidentId: id, victims: values.victims });
      } catch (e) {
        return showServerError('victims', e);
      }
    }
    removeDraft(draftKey(caseId, id));
    removeDraft(draftKey(caseId, null));
    allowNextNavigation();
    navigate(`/incidents/${encodeURIComponent(id)}`, { replace: !detail });
  }

  const onSubmit = form.handleSubmit(save);
  const { isSubmitting, errors, submitCount } = form.formState;
  const errorCount = countErrors(errors);

  return (
    <FormProvider {...form}>
      <form
        className="incident-editor"
        noValidate
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void onSubmit();
          }
        }}
        aria-labelledby="editor-heading"
      >
        <header className="editor-header">
          <h1 id="editor-heading">{detail ? `Edit ${detail.code}` : 'New incident'}</h1>
          <div className="editor-actions">
            <span className="muted small" role="status" data-testid="draft-state">
              {dirty ? (draftFailed ? 'Unsaved — the draft could not be kept on this computer' : 'Unsaved changes (draft kept)') : 'No unsaved changes'}
            </span>
            <button type="submit" className="primary" disabled={isSubmitting}>
              {isSubmitting ? 'Saving…' : 'Save'}
            </button>
            <button type="button" disabled={!dirty} onClick={() => setConfirmDiscard(true)}>
              Discard changes
            </button>
            <Link to={detail ? `/incidents/${encodeURIComponent(detail.id)}` : '/incidents'}>Cancel</Link>
          </div>
        </header>
        {restored && (
          <div className="notice" role="status" data-testid="draft-notice">
            <strong>Draft restored.</strong> Your unsaved changes from {timestampText(restored.savedAt)} are back.
            {restored.outdated && ' The incident has been saved by someone since this draft began: check before saving over it.'}{' '}
            <button type="button" onClick={discard}>
              Discard the draft
            </button>
          </div>
        )}
        {confirmDiscard && (
          <div className="notice warn" role="alertdialog" aria-labelledby="discard-q">
            <span id="discard-q">Discard every unsaved change{detail ? ` to ${detail.code}` : ''}?</span>{' '}
            <button type="button" onClick={discard}>
              Discard
            </button>{' '}
            <button type="button" onClick={() => setConfirmDiscard(false)} autoFocus>
              Keep editing
            </button>
          </div>
        )}
        {submitCount > 0 && errorCount > 0 && (
          <p className="error-summary" role="alert" data-testid="error-summary">
            {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention before saving; each says what is wrong beside it. Nothing
            you typed is lost.
          </p>
        )}
        {saveError && <ErrorMessage error={saveError} />}
        <fieldset className="card form-section" aria-labelledby="code-legend">
          <legend id="code-legend">Incident</legend>
          <div className="form-grid">
            <TextField name="incident.code" label="Code" placeholder="e.g. CS483" hint="The human code; earlier codes are kept after a recode." />
          </div>
        </fieldset>
        <div className="card-grid">
          <WhenSection />
          <WhereSection />
        </div>
        <WhoSection />
        <HarmSection />
        <VictimsSection />
        <NotesSection />
        <p className="editor-footer">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save'}
          </button>{' '}
          <span className="muted small">Ctrl+S saves. Every save is recorded in the audit log.</span>
        </p>
      </form>
      <LeaveDialog blocker={blocker} />
    </FormProvider>
  );
}

function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  const e = errors as Record<string, unknown>;
  if (typeof e.message === 'string' && 'type' in e) return 1;
  return Object.entries(e).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}
