import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ContractError } from '../../../shared/contract';
import type { ExportProgress } from '../../../shared/contracts/bundle';
import { invoke, toContractError } from '../../app/client';
import { isFiltered, parseFilter } from '../../app/filters';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ProfileRulesEditor } from './ProfileRulesEditor';
import { formatBytes, WithheldPreview } from './WithheldPreview';
import './bundle.css';

/**
 * Export a case bundle: choose a redaction profile, see exactly what it withholds, choose where
 * to write, export with a progress bar (cancellable), and see the result with its hash.
 * The incidents are those of the current filter (the same URL parameters as the list).
 */
export function ExportPage() {
  const [params] = useSearchParams();
  const filter = parseFilter(params);
  const profiles = useChannel('bundle:profiles', {});
  const [profile, setProfile] = useState('publication');
  const preview = useChannel('bundle:preview', { profile, filter });
  const [out, setOut] = useState('');
  const [outEdited, setOutEdited] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    if (preview.data && !outEdited) setOut(preview.data.suggestedPath);
  }, [preview.data, outEdited]);

  async function run() {
    setError(null);
    setProgress(null);
    setRunning(true);
    cancelled.current = false;
    try {
      let p = await invoke('bundle:start', { profile, filter, out });
      setProgress(p);
      while (!p.finished) {
        if (cancelled.current) {
          await invoke('bundle:cancel', { jobId: p.jobId });
          setProgress(null);
          setError({ code: 'refused', message: 'The export was cancelled; no file was written.' });
          return;
        }
        p = await invoke('bundle:step', { jobId: p.jobId });
        setProgress(p);
      }
      preview.reload();
    } catch (e) {
      setError(toContractError(e));
    } finally {
      setRunning(false);
    }
  }

  const chosen = profiles.data?.profiles.find((p) => p.name === profile);
  const pct = progress ? Math.round((100 * progress.done) / Math.max(1, progress.total)) : 0;
  return (
    <section className="page export-page" aria-labelledby="export-heading">
      <h1 id="export-heading">Export a case bundle</h1>
      <p className="muted">
        A zip with the records (re-importable), spreadsheets, a map layer, the captures and a readable report, listed with their
        SHA-256 in a manifest signed with your key. {isFiltered(filter) ? 'Only the incidents of the current filter are exported.' : 'All incidents are considered.'}
      </p>
      {profiles.error && <ErrorMessage error={profiles.error} onRetry={profiles.reload} />}
      <form className="export-form" onSubmit={(e) => (e.preventDefault(), void run())}>
        <label>
          Profile
          <select value={profile} onChange={(e) => setProfile(e.target.value)} disabled={running} data-testid="profile-select">
            {(profiles.data?.profiles ?? [{ name: 'publication' }, { name: 'internal' }]).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {chosen && <p className="muted profile-description">{chosen.description}</p>}
        <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing} disabled={running}>
          {editing ? 'Close profile editor' : 'New or edit custom profile…'}
        </button>
        {editing && chosen && (
          <ProfileRulesEditor
            base={chosen}
            onSaved={(name) => {
              profiles.reload();
              setProfile(name);
              setEditing(false);
            }}
            onDeleted={() => {
              profiles.reload();
              setProfile('publication');
              setEditing(false);
            }}
          />
        )}
        {preview.loading && !preview.data ? <Loading /> : null}
        {preview.error && <ErrorMessage error={preview.error} onRetry={preview.reload} />}
        {preview.data && <WithheldPreview preview={preview.data} />}
        <label>
          Write the bundle to
          <input
            type="text"
            value={out}
            onChange={(e) => (setOut(e.target.value), setOutEdited(true))}
            disabled={running}
            spellCheck={false}
            className="export-path"
            aria-describedby="export-path-help"
          />
        </label>
        <p id="export-path-help" className="muted">
          A path on this computer ending in .zip. An existing file is never overwritten.
        </p>
        <div className="export-actions">
          <button type="submit" className="primary" disabled={running || !preview.data || out.trim() === ''}>
            Export bundle
          </button>
          {running && (
            <button type="button" onClick={() => (cancelled.current = true)}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {progress && !progress.finished && (
        <div className="export-progress" data-testid="export-progress">
          <progress max={progress.total} value={progress.done} aria-label="Export progress" />
          <span>
            {progress.phase}: {pct}%
          </span>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {progress?.result && (
        <div className="export-result" role="status" data-testid="export-result">
          <progress max={1} value={1} aria-label="Export progress" />
          <p>
            <strong>Bundle written</strong> to <code>{progress.result.path}</code>: {progress.result.incidents} incidents,{' '}
            {progress.result.files} files, {formatBytes(progress.result.size)}. {progress.result.signed ? 'Signed.' : 'Unsigned.'}
          </p>
          <p>
            SHA-256 <code data-testid="bundle-sha">{progress.result.sha256}</code>
          </p>
          <VerifyButton path={progress.result.path} />
        </div>
      )}
    </section>
  );
}

function VerifyButton({ path }: { path: string }) {
  const [summary, setSummary] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  async function verify() {
    try {
      const r = await invoke('bundle:verify', { path });
      setSummary({ ok: r.status === 'valid', text: r.summary });
    } catch (e) {
      setError(toContractError(e));
    }
  }
  return (
    <div>
      <button type="button" onClick={() => void verify()}>
        Verify the bundle
      </button>
      {summary && (
        <pre className={summary.ok ? 'verify-ok' : 'verify-bad'} data-testid="verify-summary">
          {summary.text}
        </pre>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
