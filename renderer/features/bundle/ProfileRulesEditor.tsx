import { useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { BundleProfile, RedactionRules } from '../../../shared/contracts/bundle';
import { WORKFLOW_LABELS, WORKFLOW_STATUSES, type WorkflowStatus } from '../../../shared/domain';
import { invoke, toContractError } from '../../app/client';
import { ErrorMessage } from '../../ui/ErrorMessage';

type Flag = Exclude<keyof RedactionRules, 'statuses'>;

const FLAGS: { key: Flag; label: string }[] = [
  { key: 'removeInternalNotes', label: 'Remove internal notes (incidents, victims, sources, links)' },
  { key: 'unnameSensitiveVictims', label: 'Count sensitive victims but leave out their names' },
  { key: 'withholdSensitivePersonal', label: 'Withhold sources holding personal data, with their captures' },
  { key: 'withholdSensitiveGraphic', label: 'Withhold graphic sources, with their captures' },
  { key: 'includeCaptures', label: 'Include capture files' },
  { key: 'stripImageMetadata', label: 'Strip EXIF, GPS, XMP and IPTC metadata from images' },
  { key: 'includeAuditLog', label: 'Include the audit log and import runs (whole-case bundles only)' },
  { key: 'includeDataProblems', label: 'Include data-quality problems' },
  { key: 'includeReviewComments', label: 'Include review decisions and comments' },
  { key: 'includeStaffNames', label: 'Include staff names and keys' },
];

/** Edit a custom profile, or start one from a built-in's rules. Saving is an audited change. */
export function ProfileRulesEditor({ base, onSaved, onDeleted }: { base: BundleProfile; onSaved: (name: string) => void; onDeleted: () => void }) {
  const [name, setName] = useState(base.builtIn ? '' : base.name);
  const [description, setDescription] = useState(base.builtIn ? '' : base.description);
  const [rules, setRules] = useState<RedactionRules>(base.rules);
  const [error, setError] = useState<ContractError | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const toggleStatus = (s: WorkflowStatus, on: boolean) => {
    const cur = rules.statuses ?? [...WORKFLOW_STATUSES];
    const next = on ? [...new Set([...cur, s])] : cur.filter((x) => x !== s);
    setRules({ ...rules, statuses: next.length === WORKFLOW_STATUSES.length ? null : next });
  };

  async function save() {
    setError(null);
    try {
      const saved = await invoke('bundle:saveProfile', { name, description, rules });
      onSaved(saved.name);
    } catch (e) {
      setError(toContractError(e));
    }
  }

  async function remove() {
    try {
      await invoke('bundle:deleteProfile', { name: base.name });
      onDeleted();
    } catch (e) {
      setError(toContractError(e));
    }
  }

  return (
    <fieldset className="profile-editor">
      <legend>{base.builtIn ? `New custom profile (starting from “${base.name}”)` : `Custom profile “${base.name}”`}</legend>
      <label>
        Name
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Description
        <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset>
        <legend>Incidents in these statuses</legend>
        {WORKFLOW_STATUSES.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={rules.statuses === null || rules.statuses.includes(s)} onChange={(e) => toggleStatus(s, e.target.checked)} />
            {WORKFLOW_LABELS[s]}
          </label>
        ))}
      </fieldset>
      {FLAGS.map((f) => (
        <label key={f.key} className="inline">
          <input type="checkbox" checked={rules[f.key]} onChange={(e) => setRules({ ...rules, [f.key]: e.target.checked })} />
          {f.label}
        </label>
      ))}
      {error && <ErrorMessage error={error} />}
      <div className="export-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save profile
        </button>
        {!base.builtIn &&
          (confirmDelete ? (
            <>
              <span>Delete “{base.name}”?</span>
              <button type="button" onClick={() => void remove()}>
                Yes, delete it
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete profile…
            </button>
          ))}
      </div>
    </fieldset>
  );
}
