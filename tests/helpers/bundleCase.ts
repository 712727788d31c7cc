/**
 * A demo case with what a publication bundle must not leak: a sensitive victim with a name, a
 * distinctive internal note, a source holding personal data (with a capture), and a JPEG with
 * an EXIF block carrying GPS coordinates plus a PNG with text chunks on a public source. The
 * editor profile acts (so bundles are signed).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { change } from '../../db/audit';
import type { CaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { call } from '../../db/handlers';
import { fileKeyStore } from '../../db/keyStore';
import { actAs } from '../../db/profiles';
import { closeCaseFile } from '../../db/casefile';
import { afterEach } from 'vitest';
import { tempDir } from './caseFiles';
import { sourceInput } from './workbench';

export const SECRET = {
  victimLatin: 'Zaynab Qasrawi-Hidden',
  victimLocal: 'زينب المخفية',
  note: 'INTERNAL: informant lives at the bakery on 4th street',
  personalSourceTitle: 'Witness interview with a named family member',
  exifComment: 'Canon EOS secret serial 8842',
};
export const PUBLIC_VICTIM = 'Omar Public-Name';
/** GPS latitude 36° 20' 12.34" as three big-endian RATIONALs: bytes that must not survive stripping. */
export const GPS_RATIONALS = Buffer.from([0, 0, 0, 36, 0, 0, 0, 1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0x04, 0xd2, 0, 0, 0, 100]);

/** A small JPEG: SOI, JFIF, an EXIF APP1 with IFD0 → GPS IFD (latitude), an XMP APP1, a comment, a scan, EOI. */
export function jpegWithGps(): Buffer {
  const seg = (marker: number, payload: Buffer) => {
    const h = Buffer.from([0xff, marker, 0, 0]);
    h.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([h, payload]);
  };
  // TIFF (big endian): header, IFD0 with one entry GPSInfo (0x8825) → offset 26; GPS IFD with
  // GPSLatitudeRef 'N' and GPSLatitude (3 RATIONAL at offset 56).
  const tiff = Buffer.alloc(80);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // IFD0: 1 entry
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22); // next IFD
  tiff.writeUInt16BE(2, 26); // GPS IFD: 2 entries
  tiff.writeUInt16BE(1, 28); // GPSLatitudeRef
  tiff.writeUInt16BE(2, 30); // ASCII
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(2, 40); // GPSLatitude
  tiff.writeUInt16BE(5, 42); // RATIONAL
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  GPS_RATIONALS.copy(tiff, 56);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const xmp = Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>36,20.2N</exif:GPSLatitude></x:xmpmeta>`, 'latin1');
  const jfif = Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1');
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56, 0xff, 0x00, 0x78]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, jfif), seg(0xe1, exif), seg(0xe1, xmp), seg(0xfe, Buffer.from(SECRET.exifComment)), scan, Buffer.from([0xff, 0xd9])]);
}

export function pngWithText(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${SECRET.exifComment}`, 'latin1')),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const open: CaseFile[] = [];
afterEach(() => {
  while (open.length) closeCaseFile(open.pop()!);
});

export interface BundleCase {
  cf: CaseFile;
  dir: string;
  published: { id: string; code: string };
  draft: { id: string; code: string };
}

export function bundleCase(): BundleCase {
  const dir = tempDir();
  const cf = createDemoCaseFile(join(dir, 'demo.casefile'), { keyStore: fileKeyStore(join(dir, 'home')), actor: 'tester' });
  open.push(cf);
  const editor = cf.db.prepare("SELECT id FROM people WHERE role = 'editor'").pluck().get() as string;
  actAs(cf, editor);
  const pick = (status: string) => cf.db.prepare('SELECT id, code FROM incidents WHERE status = ? ORDER BY code LIMIT 1').get(status) as { id: string; code: string };
  // Published and graded incidents are locked against edits in the app: the setup writes through
  // change() (audited) directly, as an investigator would have before publishing.
  const published = pick('published');
  const draft = pick('graded');
  change(cf, 'test setup', (w) => {
    w.update('incidents', { id: published.id }, { internal_notes: SECRET.note, summary: 'Strike on <script>alert(1)</script> & "market"' });
    const ord = (cf.db.prepare('SELECT coalesce(max(ord), -1) + 1 FROM victims WHERE incident_id = ?').pluck().get(published.id) as number);
    w.insert('victims', { id: randomUUID(), incident_id: published.id, ord, name_latin: SECRET.victimLatin, name_local: SECRET.victimLocal, harm: 'killed', sensitive: 1, notes: 'Cousin of the informant' });
    w.insert('victims', { id: randomUUID(), incident_id: published.id, ord: ord + 1, name_latin: PUBLIC_VICTIM, harm: 'killed', sensitive: 0 });
  });
  const personal = call(cf, 'sources:create', { source: sourceInput({ title: SECRET.personalSourceTitle, url: 'https://example.org/witness', sensitivePersonal: true, sensitiveGraphic: false }) });
  call(cf, 'captures:add', { sourceId: personal.id, fileName: 'witness.txt', mimeType: 'text/plain', dataBase64: Buffer.from(`Transcript: ${SECRET.victimLatin}`).toString('base64') });
  const photo = call(cf, 'sources:create', { source: sourceInput({ title: 'Public photo', url: 'https://example.org/photo', sensitivePersonal: false, sensitiveGraphic: false }) });
  call(cf, 'captures:add', { sourceId: photo.id, fileName: 'street.jpg', mimeType: 'image/jpeg', dataBase64: jpegWithGps().toString('base64') });
  call(cf, 'captures:add', { sourceId: photo.id, fileName: 'map.png', mimeType: 'image/png', dataBase64: pngWithText().toString('base64') });
  change(cf, 'test setup: link sources', (w) => {
    w.insert('source_incidents', { source_id: personal.id, incident_id: published.id, ord: 90 });
    w.insert('source_incidents', { source_id: photo.id, incident_id: published.id, ord: 91 });
  });
  return { cf, dir, published, draft };
}
