/** The SHA-256 of some bytes or text (UTF-8), as 64 lowercase hex digits: how the case file names file contents, bundle files and digests. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
