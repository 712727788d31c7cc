/**
 * Deterministic ids for imported records: a name-based UUID (version 5 layout, SHA-1) of the
 * record's identity in its source, e.g. ('airwars', 'victim', 'CS483', '3'). Importing the same
 * row again yields the same id, so a re-import finds its records by id and writes nothing when
 * nothing changed; a person's own records (random v4 UUIDs) can never collide with them.
 */
import { hash } from 'node:crypto';

const NAMESPACE = 'casefile-import:';

export function stableId(...parts: readonly string[]): string {
  const h = hash('sha1', NAMESPACE + parts.join('\u001f'), 'hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
