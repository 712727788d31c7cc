import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { SourceDetail } from '../../../shared/workbenchSchemas';
import { invoke, toContractError } from '../../app/client';
import { PlaceText } from '../../ui/PlaceText';

/** The incidents a source supports: link it to another by code, or unlink it (after asking). */
export function SourceIncidents({ source, onChanged }: { source: SourceDetail; onChanged: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);

  async function link(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const wanted = code.trim();
    if (!wanted) return setError('Type the code of the incident, e.g. CS483.');
    try {
      const incident = await invoke('incidents:get', { code: wanted });
      await invoke('sources:link', { sourceId: source.id, incidentId: incident.id });
      setCode('');
      onChanged();
    } catch (err) {
      setError(toContractError(err).message);
    }
  }

  async function unlink(incidentId: string) {
    setConfirm(null);
    try {
      await invoke('sources:unlink', { sourceId: source.id, incidentId });
      onChanged();
    } catch (err) {
      setError(toContractError(err).message);
    }
  }

  return (
    <section className="card" aria-labelledby="supports-heading">
      <h2 id="supports-heading">Supports ({source.incidents.length})</h2>
      {source.incidents.length === 0 && <p className="muted">This source supports no incident yet.</p>}
      <ul className="plain-list">
        {source.incidents.map((i) => (
          <li key={i.id} className="supports-item">
            <Link to={`/incidents/${encodeURIComponent(i.id)}`} className="code">
              {i.code}
            </Link>{' '}
            <PlaceText en={i.placeEn} ar={i.placeAr} /> <span className="muted small">{i.dateStart ?? ''}</span>{' '}
            {confirm === i.id ? (
              <span role="alertdialog" aria-label={`Unlink from ${i.code}?`}>
                Unlink from {i.code}?{' '}
                <button type="button" onClick={() => void unlink(i.id)}>
                  Unlink
                </button>{' '}
                <button type="button" onClick={() => setConfirm(null)} autoFocus>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirm(i.id)}>
                Unlink…
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={link}>
        <label>
          Also supports incident (code){' '}
          <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="e.g. CS483" aria-describedby={error ? 'link-error' : undefined} />
        </label>{' '}
        <button type="submit">Link</button>
        {error && (
          <span className="field-error" id="link-error" role="alert">
            {' '}
            {error}
          </span>
        )}
      </form>
    </section>
  );
}
