/**
 * Strip identifying metadata from images before they leave in a bundle.
 * JPEG: drops APP1 (EXIF with its GPS IFD, XMP), APP13 (IPTC / Photoshop), COM comments and the
 * other application segments, keeping JFIF (APP0), the ICC colour profile (APP2 ICC_PROFILE) and
 * Adobe's colour transform (APP14); everything from the start of scan on is copied unchanged.
 * PNG: drops eXIf, tEXt, iTXt, zTXt and tIME chunks; the image chunks are copied unchanged.
 * Fails closed: bytes that do not parse as the type they claim throw, and the caller withholds
 * the file rather than publish it unstripped.
 */

export class ImageStripError extends Error {
  override name = 'ImageStripError';
}

export interface Stripped {
  bytes: Buffer;
  /** What was removed, for the preview and the manifest: e.g. ["EXIF", "XMP"]. */
  removed: string[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isJpeg(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

export function isPng(b: Buffer): boolean {
  return b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Whether stripImageMetadata can handle these bytes. */
export function canStrip(b: Buffer): boolean {
  return isJpeg(b) || isPng(b);
}

function jpegSegmentName(marker: number, payload: Buffer): string | null {
  const starts = (s: string) => payload.subarray(0, s.length).toString('latin1') === s;
  if (marker === 0xe0) return null; // APP0 JFIF/JFXX
  if (marker === 0xe2 && starts('ICC_PROFILE\0')) return null;
  if (marker === 0xee && starts('Adobe')) return null;
  if (marker === 0xe1) return starts('Exif\0') ? 'EXIF' : starts('http://ns.adobe.com/') ? 'XMP' : 'APP1';
  if (marker === 0xed) return 'IPTC';
  if (marker === 0xfe) return 'comment';
  if (marker >= 0xe2 && marker <= 0xef) return `APP${marker - 0xe0}`;
  return null;
}

export function stripJpeg(b: Buffer): Stripped {
  if (!isJpeg(b)) throw new ImageStripError('not a JPEG (no start-of-image marker)');
  const parts: Buffer[] = [b.subarray(0, 2)];
  const removed = new Set<string>();
  let p = 2;
  while (p < b.length) {
    if (b[p] !== 0xff) throw new ImageStripError(`damaged JPEG: expected a marker at byte ${p}`);
    let q = p;
    while (q < b.length && b[q] === 0xff) q++; // fill bytes
    if (q >= b.length) throw new ImageStripError('damaged JPEG: ends inside a marker');
    const marker = b[q]!;
    if (marker === 0xd9) {
      parts.push(b.subarray(p, q + 1));
      p = q + 1;
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(b.subarray(p, q + 1));
      p = q + 1;
      continue;
    }
    if (q + 3 > b.length) throw new ImageStripError('damaged JPEG: a segment is cut off');
    const len = b.readUInt16BE(q + 1);
    const end = q + 1 + len;
    if (len < 2 || end > b.length) throw new ImageStripError(`damaged JPEG: a segment at byte ${p} runs past the end`);
    if (marker === 0xda) {
      // Start of scan: the compressed image and everything after it are kept as they are.
      parts.push(b.subarray(p));
      p = b.length;
      break;
    }
    const name = jpegSegmentName(marker, b.subarray(q + 3, end));
    if (name) removed.add(name);
    else parts.push(b.subarray(p, end));
    p = end;
  }
  if (p < b.length) parts.push(b.subarray(p));
  return { bytes: Buffer.concat(parts), removed: [...removed] };
}

const PNG_DROP: Record<string, string> = { eXIf: 'EXIF', tEXt: 'text', iTXt: 'text', zTXt: 'text', tIME: 'time' };

export function stripPng(b: Buffer): Stripped {
  if (!isPng(b)) throw new ImageStripError('not a PNG (no PNG signature)');
  const parts: Buffer[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  let p = 8;
  let sawEnd = false;
  while (p < b.length && !sawEnd) {
    if (p + 12 > b.length) throw new ImageStripError(`damaged PNG: a chunk at byte ${p} is cut off`);
    const len = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    const end = p + 12 + len;
    if (end > b.length) throw new ImageStripError(`damaged PNG: chunk ${type} runs past the end`);
    if (PNG_DROP[type]) removed.add(PNG_DROP[type]);
    else parts.push(b.subarray(p, end));
    sawEnd = type === 'IEND';
    p = end;
  }
  if (!sawEnd) throw new ImageStripError('damaged PNG: no IEND chunk');
  return { bytes: Buffer.concat(parts), removed: [...removed] };
}

/** Strip a JPEG or PNG; throws ImageStripError for anything else or damaged bytes. */
export function stripImageMetadata(b: Buffer): Stripped {
  if (isJpeg(b)) return stripJpeg(b);
  if (isPng(b)) return stripPng(b);
  throw new ImageStripError('not a JPEG or PNG image');
}
