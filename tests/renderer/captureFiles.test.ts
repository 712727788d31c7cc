import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, sha256Hex, sizeText } from '../../renderer/features/sources/captureFiles';

describe('capture bytes in the browser', () => {
  it('hash as sha256sum does and survive base64 both ways unchanged', async () => {
    const bytes = new Uint8Array(randomBytes(100_003));
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(b64)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('say sizes in readable units', () => {
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(2048)).toBe('2.0 KB');
    expect(sizeText(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
