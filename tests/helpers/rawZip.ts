/**
 * Hand-built zip archives for the reader's refusal tests: every header field can be set to what
 * a hostile or broken archive would hold. Independent of db/bundle/zip.ts's writer on purpose.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data?: Buffer;
  /** Compress with deflate (default) or store. */
  method?: 0 | 8;
  flags?: number;
  /** Version made by, high byte (3 = Unix, 0 = DOS). */
  madeBy?: number;
  /** External attributes (for Unix: mode << 16). */
  external?: number;
  /** Override the declared uncompressed size (central and local). */
  declaredSize?: number;
  /** Override the compressed bytes (e.g. to fake a ratio). */
  body?: Buffer;
  /** Point this entry's central record at an earlier entry's local header (overlap). */
  reuseOffsetOf?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.data ?? Buffer.from(`contents of ${e.name}`);
    const method = e.method ?? 8;
    const body = e.body ?? (method === 8 ? deflateRawSync(data) : data);
    const size = e.declaredSize ?? data.length;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const flags = (e.flags ?? 0) | 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const at = e.reuseOffsetOf !== undefined ? offsets[e.reuseOffsetOf]! : offset;
    offsets.push(offset);
    if (e.reuseOffsetOf === undefined) {
      locals.push(local, name, body);
      offset += 30 + name.length + body.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(((e.madeBy ?? 3) << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE((e.external ?? (0o100644 << 16)) >>> 0, 38);
    c.writeUInt32LE(at, 42);
    centrals.push(c, name);
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
