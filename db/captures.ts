/**
 * Captures: files kept inside the case file, content-addressed by SHA-256 (the same bytes are
 * stored once, however many captures name them), with who captured them and when. What comes
 * back out is the stored bytes exactly, and their hash is checked on the way.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import { MAX_CAPTURE_BYTES, type Capture } from '../shared/workbenchSchemas';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { rowToCapture, sourceCaptures } from './sourceRows';
import { sha256Hex } from './sha256';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(dataBase64: string): Buffer {
  const data = dataBase64.replace(/\s+/g, '');
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw new HandlerError('invalid_input', 'The file did not arrive as base64; nothing was saved.', [
      { path: 'dataBase64', message: 'Not base64' },
    ]);
  }
  return Buffer.from(data, 'base64');
}

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function addCapture(cf: CaseFile, input: ChannelParsedInput<'captures:add'>): ChannelOutput<'captures:add'> {
  if (!cf.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(input.sourceId)) {
    throw new HandlerError('not_found', `No source with id ${input.sourceId} in this case file.`);
  }
  const bytes = decode(input.dataBase64);
  if (bytes.length === 0) {
    throw new HandlerError('invalid_input', `${input.fileName} is empty (0 bytes); nothing was saved.`, [
      { path: 'dataBase64', message: 'The file is empty' },
    ]);
  }
  if (bytes.length > MAX_CAPTURE_BYTES) {
    throw new HandlerError(
      'invalid_input',
      `${input.fileName} is ${megabytes(bytes.length)}, over the ${megabytes(MAX_CAPTURE_BYTES)} a capture may be; nothing was saved.`,
      [{ path: 'dataBase64', message: 'File too large' }],
    );
  }
  const sha256 = sha256Hex(bytes);
  if (input.sha256 && input.sha256 !== sha256) {
    throw new HandlerError(
      'invalid_input',
      `${input.fileName} arrived damaged: its SHA-256 is ${sha256}, but the sender computed ${input.sha256}. Nothing was saved; attach it again.`,
      [{ path: 'sha256', message: 'The bytes that arrived do not have this hash' }],
    );
  }
  const same = cf.db
    .prepare('SELECT * FROM captures WHERE source_id = ? AND sha256 = ?')
    .get(input.sourceId, sha256) as Row | undefined;
  if (same) {
    const c = rowToCapture(same);
    throw new HandlerError(
      'conflict',
      `This file is already attached to this source as ${c.fileName} (captured ${c.capturedAt}${c.capturedBy ? ` by ${c.capturedBy}` : ''}); nothing was added.`,
      [{ path: 'dataBase64', message: `Already attached as ${c.fileName}` }],
    );
  }
  const alreadyStored = Boolean(cf.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256));
  const id = randomUUID();
  change(cf, input.reason ?? 'Capture attached', (w) => {
    if (!alreadyStored) w.insert('blobs', { sha256, size: bytes.length, content: bytes });
    w.insert('captures', {
      id,
      source_id: input.sourceId,
      sha256,
      file_name: input.fileName,
      mime_type: input.mimeType || 'application/octet-stream',
      size: bytes.length,
      captured_by: cf.actor,
      captured_at: input.capturedAt ?? w.at,
    });
  });
  const row = cf.db.prepare('SELECT * FROM captures WHERE id = ?').get(id) as Row;
  return { capture: rowToCapture(row), alreadyStored };
}

export function getCapture(cf: CaseFile, input: { id: string }): { capture: Capture; dataBase64: string } {
  const row = cf.db
    .prepare('SELECT c.*, b.content AS content, b.size AS blob_size FROM captures c JOIN blobs b ON b.sha256 = c.sha256 WHERE c.id = ?')
    .get(input.id) as Row | undefined;
  if (!row) throw new HandlerError('not_found', `No capture with id ${input.id} in this case file.`);
  const content = row.content as Buffer;
  const actual = sha256Hex(content);
  if (actual !== row.sha256 || content.length !== row.blob_size) {
    throw new HandlerError(
      'internal',
      `The stored bytes of ${String(row.file_name)} no longer match their SHA-256 (${String(row.sha256)}; they hash to ${actual}). The case file has been damaged or altered; run \`casefile verify\`.`,
    );
  }
  return { capture: rowToCapture(row), dataBase64: content.toString('base64') };
}

export function listCaptures(cf: CaseFile, input: { sourceId: string }): { captures: Capture[] } {
  if (!cf.db.prepare('SELECT 1 FROM sources WHERE id = ?').get(input.sourceId)) {
    throw new HandlerError('not_found', `No source with id ${input.sourceId} in this case file.`);
  }
  return { captures: sourceCaptures(cf, input.sourceId) };
}
