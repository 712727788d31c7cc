import { useRef, useState, type DragEvent } from 'react';
import { MAX_CAPTURE_BYTES, type Capture, type DuplicateMatch } from '../../../shared/workbenchSchemas';
import { invoke, toContractError } from '../../app/client';
import { DuplicateNotice } from './DuplicateNotice';
import { bytesToBase64, sha256Hex, sizeText } from './captureFiles';

interface Pending {
  file: File;
  bytes: Uint8Array;
  sha256: string;
  matches: DuplicateMatch[];
}

interface Props {
  sourceId: string;
  existing: Capture[];
  onAdded: () => void;
}

/**
 * Attach captures (screenshots, PDFs, video) by dropping files here or choosing them. Each is
 * hashed first: a file already attached here is not added again, and a file already in the case
 * elsewhere is shown where it is before it is attached here too (its bytes are stored once).
 */
export function CaptureDropZone({ sourceId, existing, onAdded }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [messages, setMessages] = useState<{ ok: boolean; text: string }[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const say = (ok: boolean, text: string) => setMessages((m) => [...m, { ok, text }]);

  async function upload(p: Omit<Pending, 'matches'>) {
    try {
      const r = await invoke('captures:add', {
        sourceId,
        fileName: p.file.name,
        mimeType: p.file.type || 'application/octet-stream',
        dataBase64: bytesToBase64(p.bytes),
        sha256: p.sha256,
      });
      say(true, `Attached ${p.file.name} (${sizeText(r.capture.size)}), SHA-256 ${r.capture.sha256}${r.alreadyStored ? '; its bytes were already in the case and are stored once' : ''}.`);
      onAdded();
    } catch (e) {
      say(false, toContractError(e).message);
    }
  }

  async function take(files: FileList | File[]) {
    setMessages([]);
    for (const file of Array.from(files)) {
      if (file.size > MAX_CAPTURE_BYTES) {
        say(false, `${file.name} is ${sizeText(file.size)}; a capture may be at most ${sizeText(MAX_CAPTURE_BYTES)}. Not attached.`);
        continue;
      }
      if (file.size === 0) {
        say(false, `${file.name} is empty. Not attached.`);
        continue;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sha256 = await sha256Hex(bytes);
      const here = existing.find((c) => c.sha256 === sha256);
      if (here) {
        say(false, `${file.name} is already attached to this source as ${here.fileName}. Not attached again.`);
        continue;
      }
      const { matches } = await invoke('sources:findDuplicates', { sha256, excludeSourceId: sourceId });
      if (matches.length > 0) {
        setPending({ file, bytes, sha256, matches });
        return; // one question at a time
      }
      await upload({ file, bytes, sha256 });
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) void take(e.dataTransfer.files);
  }

  return (
    <div>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop screenshots, PDFs or videos here, or</p>
        <label className="button">
          Choose files…
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Choose capture files"
            onChange={(e) => {
              if (e.target.files?.length) void take(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p className="muted small">Each file is kept inside the case file, identified by its SHA-256; at most {sizeText(MAX_CAPTURE_BYTES)} each.</p>
      </div>
      {pending && (
        <div role="alertdialog" aria-labelledby="dup-file-q" className="notice warn">
          <p id="dup-file-q">
            <strong dir="auto">{pending.file.name}</strong> (SHA-256 <code className="hash">{pending.sha256}</code>) is already in the case:
          </p>
          <DuplicateNotice matches={pending.matches} />
          <button
            type="button"
            onClick={() => {
              const p = pending;
              setPending(null);
              void upload(p);
            }}
          >
            Attach it to this source too
          </button>{' '}
          <button type="button" onClick={() => (setPending(null), say(false, `${pending.file.name} was not attached.`))}>
            Don’t attach
          </button>
        </div>
      )}
      {messages.map((m, i) => (
        <p key={i} className={m.ok ? 'notice' : 'notice error'} role={m.ok ? 'status' : 'alert'} data-testid="capture-message">
          {m.text}
        </p>
      ))}
    </div>
  );
}
