import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { ContractError } from '../../../shared/contract';
import { SOURCE_KINDS } from '../../../shared/domain';
import { sourceInputSchema, type DuplicateMatch, type SourceDetail, type SourceInput, type SourceValues } from '../../../shared/workbenchSchemas';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SOURCE_KIND_LABELS } from '../../ui/labels';
import { CheckField, SelectField, TextAreaField, TextField } from '../editor/fields';
import { LeaveDialog } from '../editor/LeaveDialog';
import { useLeaveGuard } from '../editor/useLeaveGuard';
import { DuplicateNotice } from './DuplicateNotice';

export function toSourceInput(s: SourceDetail | null): SourceInput {
  return {
    kind: s?.kind ?? 'local_media',
    outlet: s?.outlet ?? null,
    author: s?.author ?? null,
    url: s?.url ?? null,
    archiveUrl: s?.archiveUrl ?? null,
    language: s?.language ?? null,
    publishedDate: s?.publishedDate ?? null,
    accessedDate: s ? s.accessedDate : new Date().toISOString().slice(0, 10),
    title: s?.title ?? null,
    excerptOriginal: s?.excerptOriginal ?? null,
    excerptTranslation: s?.excerptTranslation ?? null,
    credibilityNotes: s?.credibilityNotes ?? null,
    sensitivePersonal: s?.sensitivePersonal ?? false,
    sensitiveGraphic: s?.sensitiveGraphic ?? false,
  };
}

interface Props {
  source: SourceDetail | null;
  /** The incident a new source is logged for. */
  incidentId: string | null;
  onSaved: (source: SourceDetail) => void;
  /** An existing source was chosen instead (linked to the incident). */
  onUseExisting?: (sourceId: string) => void;
}

/** Log a source or edit one: what it is, where it was published, what it says, how credible. */
export function SourceForm({ source, incidentId, onSaved, onUseExisting }: Props) {
  const form = useForm<SourceInput, unknown, SourceValues>({
    resolver: zodResolver(sourceInputSchema),
    defaultValues: toSourceInput(source),
    mode: 'onBlur',
    reValidateMode: 'onChange',
  });
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const [saveError, setSaveError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const { blocker, allowNextNavigation } = useLeaveGuard(form.formState.isDirty && !saved);

  async function checkDuplicates() {
    const { url, archiveUrl } = form.getValues();
    if (!url && !archiveUrl) return setDuplicates([]);
    try {
      const r = await invoke('sources:findDuplicates', { url, archiveUrl, ...(source ? { excludeSourceId: source.id } : {}) });
      setDuplicates(r.matches);
    } catch {
      setDuplicates([]); // an address that is not one yet: the field's own check says so
    }
  }

  async function save(allowDuplicate: boolean) {
    setSaveError(null);
    const values = form.getValues();
    try {
      const result = source
        ? await invoke('sources:update', { id: source.id, source: values, expectedUpdatedAt: source.updatedAt, allowDuplicate })
        : await invoke('sources:create', { source: values, incidentIds: incidentId ? [incidentId] : [], allowDuplicate });
      setSaved(true);
      allowNextNavigation();
      onSaved(result);
    } catch (e) {
      const error = toContractError(e);
      setSaveError(error);
      for (const issue of error.issues ?? []) {
        const path = issue.path.replace(/^source\./, '');
        if (path && path in values) form.setError(path as keyof SourceInput, { type: 'server', message: issue.message });
      }
      if (error.code === 'conflict') void checkDuplicates();
    }
  }

  const isDuplicateRefusal = saveError?.code === 'conflict' && duplicates.length > 0;
  return (
    <FormProvider {...form}>
      <form className="source-form" noValidate onSubmit={form.handleSubmit(() => save(false))}>
        {saveError && !isDuplicateRefusal && <ErrorMessage error={saveError} />}
        <fieldset className="card form-section">
          <legend>What and where</legend>
          <div className="form-grid">
            <SelectField name="kind" label="Kind of source" options={SOURCE_KINDS} labels={SOURCE_KIND_LABELS} />
            <TextField name="outlet" label="Outlet" rtl placeholder="e.g. Raqqa is Being Slaughtered Silently" />
            <TextField name="author" label="Author or account" rtl placeholder="e.g. @account" />
            <TextField name="language" label="Language" placeholder="e.g. Arabic" />
          </div>
          <div className="form-grid" onBlur={() => void checkDuplicates()}>
            <TextField name="url" label="Web address (URL)" type="url" placeholder="https://…" />
            <TextField name="archiveUrl" label="Archived copy (URL)" type="url" placeholder="https://archive.ph/…" />
          </div>
          <DuplicateNotice
            matches={duplicates}
            {...(incidentId && onUseExisting
              ? {
                  onUse: (id: string) => {
                    allowNextNavigation();
                    onUseExisting(id);
                  },
                  useLabel: 'Link that source to this incident instead',
                }
              : {})}
          />
          {isDuplicateRefusal && (
            <p className="notice warn">
              Nothing was saved.{' '}
              <button type="button" onClick={() => void save(true)}>
                Log it again anyway
              </button>
            </p>
          )}
          <div className="form-grid">
            <TextField name="publishedDate" label="Published" type="date" deps={['accessedDate']} />
            <TextField name="accessedDate" label="Accessed" type="date" deps={['publishedDate']} />
          </div>
        </fieldset>
        <fieldset className="card form-section">
          <legend>What it says</legend>
          <TextField name="title" label="Title" rtl />
          <TextAreaField name="excerptOriginal" label="Excerpt in the original language" rows={5} />
          <TextAreaField name="excerptTranslation" label="Translation" rows={5} />
        </fieldset>
        <fieldset className="card form-section">
          <legend>Assessment</legend>
          <TextAreaField name="credibilityNotes" label="Credibility notes" rows={3} />
          <CheckField name="sensitivePersonal" label="Contains personal data" />
          <CheckField name="sensitiveGraphic" label="Graphic content" />
        </fieldset>
        <p>
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {source ? 'Save the source' : 'Log the source'}
          </button>
        </p>
      </form>
      <LeaveDialog blocker={blocker} text="This source is not saved yet; what you typed here will be lost if you leave." />
    </FormProvider>
  );
}
