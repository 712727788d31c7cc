/**
 * Add or edit a strike report: what a belligerent declared. An MGRS grid is read as it is typed
 * and shown as latitude/longitude; the case file stores the grid and, when no latitude/longitude
 * is given, the centre of the grid's square.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { ContractError } from '../../../shared/contract';
import { strikeReportInputSchema, type StrikeReport, type StrikeReportInput, type StrikeReportValues } from '../../../shared/strikeSchemas';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NumberField, TextAreaField, TextField } from '../editor/fields';
import { parseMgrs } from '../map/mgrsFormat';

const EMPTY: StrikeReportInput = { belligerent: '', date: null, placeText: '', mgrs: '', latitude: null, longitude: null, target: '', text: '', url: '' };

function toInput(r: StrikeReport): StrikeReportInput {
  return {
    belligerent: r.belligerent ?? '',
    date: r.date,
    placeText: r.placeText ?? '',
    mgrs: r.mgrs ?? '',
    // A point derived from the grid is not repeated as typed coordinates: it follows the grid.
    latitude: r.mgrs ? null : r.latitude,
    longitude: r.mgrs ? null : r.longitude,
    target: r.target ?? '',
    text: r.text ?? '',
    url: r.url ?? '',
  };
}

function MgrsPreview() {
  const mgrs = useWatch({ name: 'mgrs' }) as string | null;
  if (!mgrs || !mgrs.trim()) return null;
  const p = parseMgrs(mgrs);
  return (
    <p className={p.ok ? 'muted small' : 'field-error'} data-testid="mgrs-preview" role={p.ok ? undefined : 'alert'}>
      {p.ok ? `Grid reads as ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)} (±${p.digits >= 4 ? `${10 ** (5 - p.digits)} m` : `${10 ** (2 - p.digits)} km`} square)` : p.message}
    </p>
  );
}

export function StrikeReportForm({ report, onSaved, onCancel }: { report?: StrikeReport; onSaved: (r: StrikeReport) => void; onCancel: () => void }) {
  const form = useForm<StrikeReportInput, unknown, StrikeReportValues>({
    resolver: zodResolver(strikeReportInputSchema),
    defaultValues: report ? toInput(report) : EMPTY,
  });
  const [error, setError] = useState<ContractError | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const saved = report ? await invoke('strikes:update', { id: report.id, report: values }) : await invoke('strikes:create', { report: values });
      onSaved(saved);
    } catch (e) {
      const err = toContractError(e);
      for (const issue of err.issues ?? []) {
        const field = issue.path.replace(/^report\./, '') as keyof StrikeReportInput;
        if (field in EMPTY) form.setError(field, { message: issue.message });
      }
      setError(err);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="card strike-form" onSubmit={(e) => void submit(e)} aria-labelledby="strike-form-heading" noValidate>
        <h2 id="strike-form-heading">{report ? 'Edit strike report' : 'Add a strike report'}</h2>
        {error && <ErrorMessage error={error} />}
        <div className="field-row">
          <TextField name="belligerent" label="Belligerent" placeholder="e.g. U.S.-led Coalition" />
          <TextField name="date" label="Date of the strike" type="date" />
        </div>
        <div className="field-row">
          <TextField name="placeText" label="Place, as the report gives it" placeholder="e.g. near Raqqah" />
          <TextField name="target" label="Target" />
        </div>
        <div className="field-row">
          <TextField name="mgrs" label="MGRS grid" placeholder="37S DV 12345 67890" hint="Converted to latitude/longitude when saved" />
          <NumberField name="latitude" label="Latitude" step="any" />
          <NumberField name="longitude" label="Longitude" step="any" />
        </div>
        <MgrsPreview />
        <TextAreaField name="text" label="What the report says" rows={4} />
        <TextField name="url" label="Address of the report" type="url" placeholder="https://" />
        <div className="actions">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {report ? 'Save changes' : 'Add strike report'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
