/**
 * Merge a colleague's bundle: choose the .zip, see what the merge would do, resolve every
 * conflict field by field, then apply it as one audited change. Nothing is written before
 * "Apply merge"; a bundle that fails verification is refused with the reason.
 */
import { useState } from 'react';
import type { ChannelOutput, ContractError } from '../../../shared/contract';
import type { MergeResolutions } from '../../../shared/contracts/merge';
import { invoke, toContractError } from '../../app/client';
import { bytesToBase64 } from '../sources/captureFiles';
import { ConflictCard } from './ConflictCard';
import { countResolved, takeAll } from './resolutions';
import './merge.css';

type Plan = ChannelOutput<'merge:plan'>;
type Applied = ChannelOutput<'merge:apply'>;

const COUNT_LABELS: [keyof Plan['counts'], string][] = [
  ['new', 'New records (added)'],
  ['theirs', 'Changed in the bundle only (theirs taken)'],
  ['mine', 'Changed here only (mine kept)'],
  ['merged', 'Changed on both sides, merged field by field'],
  ['conflict', 'Conflicts to resolve'],
  ['unchanged', 'Unchanged'],
];

export function MergePage() {
  const [bundle, setBundle] = useState<{ name: string; base64: string } | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [resolutions, setResolutions] = useState<MergeResolutions>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

  const choose = async (file: File | undefined) => {
    setPlan(null);
    setApplied(null);
    setError(null);
    setResolutions({});
    if (!file) return;
    setBusy(`Checking ${file.name}…`);
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      setBundle({ name: file.name, base64 });
      setPlan(await invoke('merge:plan', { bundleBase64: base64, name: file.name }));
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!bundle) return;
    setBusy('Merging…');
    setError(null);
    try {
      setApplied(await invoke('merge:apply', { bundleBase64: bundle.base64, name: bundle.name, resolutions }));
      setPlan(null);
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setBusy(null);
    }
  };

  const resolved = plan ? countResolved(plan.conflicts, resolutions) : 0;
  const ready = plan !== null && resolved === plan.conflicts.length;
  return (
    <section className="merge-page" aria-labelledby="merge-title">
      <h1 id="merge-title">Merge a bundle</h1>
      <p>
        Bring a colleague&apos;s work into this case file from a bundle they exported with the <em>internal</em> profile. Nothing is written until you
        apply the merge, and the merge is recorded in the audit trail as one change naming the bundle and who signed it.
      </p>
      <label className="merge-file">
        Bundle (.zip){' '}
        <input type="file" accept=".zip,application/zip" disabled={busy !== null} onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared, so that choosing the same file again (after a merge) reads it again.
            e.target.value = '';
            void choose(file);
          }}
        />
      </label>
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}
      {error && (
        <div className="error-message" role="alert" data-error-code={error.code}>
          <strong>{error.code === 'conflict' ? 'Conflicts are not resolved' : 'This bundle cannot be merged'}</strong>
          <pre>{error.message}</pre>
        </div>
      )}
      {applied && (
        <div className="merge-done" role="status" data-testid="merge-done">
          <strong>
            {applied.auditEntries === 0
              ? 'Nothing to change: this case file already holds everything in the bundle.'
              : `Merged: ${applied.written.inserted} added, ${applied.written.updated} updated, ${applied.written.deleted} deleted.`}
          </strong>
          {applied.reason && <p className="muted">Audit trail: {applied.reason}</p>}
        </div>
      )}
      {plan && (
        <>
          <dl className="merge-bundle">
            <dt>Bundle</dt>
            <dd>
              {bundle?.name} <code title="SHA-256 of the bundle">{plan.bundle.sha256.slice(0, 16)}…</code>
            </dd>
            <dt>Signed by</dt>
            <dd data-testid="merge-signer">{plan.bundle.signer}</dd>
            <dt>Case</dt>
            <dd>
              {plan.bundle.caseTitle ?? plan.bundle.caseId}, exported {plan.bundle.exportedAt}
            </dd>
          </dl>
          <table className="merge-counts" aria-label="What the merge will do">
            <tbody>
              {COUNT_LABELS.map(([k, label]) => (
                <tr key={k} data-testid={`count-${k}`}>
                  <th scope="row">{label}</th>
                  <td>{plan.counts[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.conflicts.length > 0 && (
            <section aria-labelledby="conflicts-title">
              <h2 id="conflicts-title">
                Conflicts ({resolved} of {plan.conflicts.length} resolved)
              </h2>
              <p>
                These records were changed on both sides since the version you share. For each field changed differently, keep yours, take theirs, or
                write the value yourself.
              </p>
              <div className="merge-actions">
                <button type="button" onClick={() => setResolutions(takeAll(plan.conflicts, 'mine'))}>
                  Mine for all
                </button>
                <button type="button" onClick={() => setResolutions(takeAll(plan.conflicts, 'theirs'))}>
                  Theirs for all
                </button>
              </div>
              {plan.conflicts.map((c) => (
                <ConflictCard key={c.id} conflict={c} value={resolutions[c.id]} onChange={(r) => setResolutions((all) => ({ ...all, [c.id]: r }))} />
              ))}
            </section>
          )}
          <div className="merge-actions">
            <button type="button" className="primary" disabled={!ready || busy !== null} onClick={() => void apply()}>
              Apply merge
            </button>
            {!ready && <span className="muted">Resolve every conflict first.</span>}
          </div>
        </>
      )}
    </section>
  );
}
