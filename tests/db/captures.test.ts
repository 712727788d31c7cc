import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { MAX_CAPTURE_BYTES } from '../../shared/workbenchSchemas';
import { incidentInput, snapshot, tempCaseFile } from '../helpers/caseFiles';
import { sourceInput } from '../helpers/workbench';
import type { CaseFile } from '../../db/casefile';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function withSource(cf: CaseFile, url = 'https://example.org/1') {
  const incident = call(cf, 'incidents:create', { incident: incidentInput({ code: 'CS9' }) });
  return call(cf, 'sources:create', { source: sourceInput({ url }), incidentIds: [incident.id] });
}

describe('captures', () => {
  it('come back byte-identical, with their SHA-256, size, type, who captured them and when', () => {
    const cf = tempCaseFile({ actor: 'Field investigator' });
    const source = withSource(cf);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000), Buffer.from([0, 255, 0xfe, 0xff])]);
    const added = call(cf, 'captures:add', {
      sourceId: source.id, fileName: 'تقرير.pdf', mimeType: 'application/pdf', dataBase64: bytes.toString('base64'), sha256: sha(bytes),
    });
    expect(added.alreadyStored).toBe(false);
    expect(added.capture).toMatchObject({ sha256: sha(bytes), size: bytes.length, mimeType: 'application/pdf', fileName: 'تقرير.pdf', capturedBy: 'Field investigator' });
    const back = call(cf, 'captures:get', { id: added.capture.id });
    const out = Buffer.from(back.dataBase64, 'base64');
    expect(out.equals(bytes)).toBe(true);
    expect(sha(out)).toBe(added.capture.sha256);
    expect(call(cf, 'sources:get', { id: source.id }).captures).toEqual([added.capture]);
    expect(call(cf, 'captures:list', { sourceId: source.id }).captures).toEqual([added.capture]);
    // The audit log records the file by its hash, not its bytes.
    const blobEntry = call(cf, 'audit:list', { entityId: sha(bytes) }).entries[0]!;
    expect(blobEntry.after).toEqual({ sha256: sha(bytes), size: bytes.length });
  });

  it('store the same bytes once however many sources capture them, and say where they already are', () => {
    const cf = tempCaseFile();
    const a = withSource(cf, 'https://example.org/a');
    const b = call(cf, 'sources:create', { source: sourceInput({ url: 'https://example.org/b', title: 'Other' }) });
    const bytes = randomBytes(1000);
    const first = call(cf, 'captures:add', { sourceId: a.id, fileName: 'shot.png', mimeType: 'image/png', dataBase64: bytes.toString('base64') });
    const dup = call(cf, 'sources:findDuplicates', { sha256: sha(bytes), excludeSourceId: b.id });
    expect(dup.matches).toEqual([
      expect.objectContaining({ reason: 'capture', sourceId: a.id, matched: 'shot.png', capture: first.capture, incidents: [expect.objectContaining({ code: 'CS9' })] }),
    ]);
    const second = call(cf, 'captures:add', { sourceId: b.id, fileName: 'same.png', mimeType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(second.alreadyStored).toBe(true);
    expect((cf.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(1);
    expect(Buffer.from(call(cf, 'captures:get', { id: second.capture.id }).dataBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('refuse the same file twice on one source, a damaged upload, an empty file and bad base64, saving nothing', () => {
    const cf = tempCaseFile();
    const source = withSource(cf);
    const bytes = randomBytes(64);
    call(cf, 'captures:add', { sourceId: source.id, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: bytes.toString('base64') });
    const before = snapshot(cf);
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ fileName: 'b.jpg', dataBase64: bytes.toString('base64') }, 'conflict', /already attached to this source as a\.jpg/],
      [{ fileName: 'c.jpg', dataBase64: randomBytes(64).toString('base64'), sha256: sha(bytes) }, 'invalid_input', /arrived damaged/],
      [{ fileName: 'd.jpg', dataBase64: '' }, 'invalid_input', /is empty/],
      [{ fileName: 'e.jpg', dataBase64: 'not base64!' }, 'invalid_input', /did not arrive as base64/],
      [{ fileName: 'f.jpg', dataBase64: 'A'.repeat(Math.ceil(MAX_CAPTURE_BYTES / 3) * 4 + 4) }, 'invalid_input', /larger than 100 MB/],
    ];
    for (const [over, code, message] of refusals) {
      const r = dispatch(cf, 'captures:add', { sourceId: source.id, mimeType: 'image/jpeg', ...over });
      expect(r.ok, String(over.fileName)).toBe(false);
      if (!r.ok) {
        expect(r.error.code, String(over.fileName)).toBe(code);
        expect(r.error.message, String(over.fileName)).toMatch(message);
      }
    }
    expect(snapshot(cf)).toEqual(before);
  });

  it('detect stored bytes altered behind the case file’s back', () => {
    const cf = tempCaseFile();
    const source = withSource(cf);
    const added = call(cf, 'captures:add', { sourceId: source.id, fileName: 'x.bin', dataBase64: randomBytes(32).toString('base64') });
    cf.db.prepare('UPDATE blobs SET content = ? WHERE sha256 = ?').run(randomBytes(32), added.capture.sha256);
    expect(dispatch(cf, 'captures:get', { id: added.capture.id })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/no longer match their SHA-256/) },
    });
  });
});
