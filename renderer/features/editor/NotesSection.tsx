import { TextAreaField } from './fields';

/** The public summary, and the internal notes kept apart from anything published. */
export function NotesSection() {
  return (
    <div className="card-grid">
      <fieldset className="card form-section" aria-labelledby="summary-legend">
        <legend id="summary-legend">Public summary</legend>
        <TextAreaField name="incident.summary" label="Summary (published)" rows={6} />
      </fieldset>
      <fieldset className="card form-section internal" aria-labelledby="internal-legend">
        <legend id="internal-legend">Internal — not for publication</legend>
        <TextAreaField name="incident.internalNotes" label="Internal notes" rows={6} hint="Never exported in public reports." />
      </fieldset>
    </div>
  );
}
