import { useState } from 'react';
import type { Capture } from '../../../shared/workbenchSchemas';
import { invoke, toContractError } from '../../app/client';
import { timestampText } from '../../ui/format';
import { base64ToBytes, sha256Hex, sizeText } from './captureFiles';

/** Fetch a capture's bytes, check them against the recorded SHA-256, and hand them to the browser as a download. */
async function openCapture(c: Capture): Promise<string> {
  const { dataBase64 } = await invoke('captures:get', { id: c.id });
  const bytes = base64ToBytes(dataBase64);
  const actual = await sha256Hex(bytes);
  if (actual !== c.sha256) throw new Error(`The bytes received hash to ${actual}, not ${c.sha256}: not opened.`);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: c.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = c.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Opened ${c.fileName}: SHA-256 verified (${sizeText(bytes.length)}).`;
}

/** The files captured for a source, each with its SHA-256, and a way to open it again. */
export function CaptureList({ captures }: { captures: Capture[] }) {
  const [status, setStatus] = useState<Record<string, { ok: boolean; text: string }>>({});
  if (captures.length === 0) return <p className="muted">No capture attached yet.</p>;

  async function open(c: Capture) {
    setStatus((s) => ({ ...s, [c.id]: { ok: true, text: 'Opening…' } }));
    try {
      const text = await openCapture(c);
      setStatus((s) => ({ ...s, [c.id]: { ok: true, text } }));
    } catch (e) {
      setStatus((s) => ({ ...s, [c.id]: { ok: false, text: toContractError(e).message } }));
    }
  }

  return (
    <ul className="plain-list captures">
      {captures.map((c) => (
        <li key={c.id} className="sub-card capture" data-testid="capture">
          <p>
            <strong dir="auto" data-testid="capture-name">
              {c.fileName}
            </strong>{' '}
            <span className="muted small">
              {c.mimeType} · {sizeText(c.size)} · captured {timestampText(c.capturedAt)}
              {c.capturedBy && ` by ${c.capturedBy}`}
            </span>
          </p>
          <p className="small">
            SHA-256: <code className="hash" data-testid="capture-sha256">{c.sha256}</code>
          </p>
          <button type="button" onClick={() => void open(c)}>
            Open
          </button>
          {status[c.id] && (
            <span className={status[c.id]!.ok ? 'muted small' : 'field-error'} role="status" data-testid="capture-status">
              {' '}
              {status[c.id]!.text}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
