/** The zip writer: deflate (or store, for media already compressed), CRC-32, UTF-8 names, regular-file attributes. */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { FLAG_UTF8, MAX_32, METHOD_DEFLATE, METHOD_STORE, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, S_IFREG, UNIX, ZipSafetyError, unsafeNameReason } from './zipCommon';


/** A DOS date and time (local fields, 2-second resolution) for a Date. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface ZipWriter {
  /** Add a file. `store`: keep the bytes as they are (JPEG, PNG, video, zip: already compressed). */
  add(name: string, data: Buffer, opts?: { store?: boolean }): void;
  /** Add a file compressed elsewhere (db/bundle/backgroundCompress.ts): method 8 (raw deflate) or 0 (stored), body, CRC-32 and size. */
  addCompressed(name: string, file: { method: number; body: Buffer; crc: number; size: number }): void;
  /** Write the central directory and close the file; returns the archive's size. */
  finish(): number;
  /** The SHA-256 of the archive's bytes, hashed as they were written (after finish). */
  sha256(): string;
  /** Close without finishing (after an error); the caller removes the partial file. */
  abort(): void;
}

export function createZipWriter(path: string, opts: { mtime?: Date; level?: number } = {}): ZipWriter {
  const fd = openSync(path, 'w');
  const { date, time } = dosDateTime(opts.mtime ?? new Date());
  const entries: Written[] = [];
  const names = new Set<string>();
  let offset = 0;
  let closed = false;
  const hash = createHash('sha256');
  let digest: string | null = null;
  const write = (buf: Buffer) => {
    hash.update(buf);
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    offset += buf.length;
  };

  const checkName = (name: string) => {
    if (closed) throw new Error('zip: add after finish');
    const bad = unsafeNameReason(name);
    if (bad) throw new ZipSafetyError(`zip: entry "${name}" ${bad}`, name);
    if (names.has(name.toLowerCase())) throw new ZipSafetyError(`zip: entry "${name}" is added twice`, name);
    names.add(name.toLowerCase());
  };
  const entry = (name: string, method: number, crc: number, body: Buffer, size: number) => {
    if (offset > MAX_32 || body.length > MAX_32 || size > MAX_32) {
      throw new Error(`zip: the bundle is larger than 4 GB at "${name}"; this writer does not write zip64`);
    }
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(SIG_LOCAL, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0
    h.writeUInt16LE(FLAG_UTF8, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(nameBuf.length, 26);
    h.writeUInt16LE(0, 28);
    entries.push({ name: nameBuf, method, crc, compressedSize: body.length, size, offset });
    write(h);
    write(nameBuf);
    write(body);
  };

  return {
    add(name, data, addOpts = {}) {
      checkName(name);
      const crc = crc32(data) >>> 0;
      let method = METHOD_STORE;
      let body = data;
      if (!addOpts.store && data.length > 0) {
        const deflated = deflateRawSync(data, { level: opts.level ?? 6 });
        if (deflated.length < data.length) {
          method = METHOD_DEFLATE;
          body = deflated;
        }
      }
      entry(name, method, crc, body, data.length);
    },
    addCompressed(name, file) {
      checkName(name);
      if (file.method !== METHOD_DEFLATE && (file.method !== METHOD_STORE || file.body.length !== file.size)) throw new Error(`zip: "${name}" is neither deflated nor stored`);
      entry(name, file.method, file.crc >>> 0, file.body, file.size);
    },
    finish() {
      if (closed) throw new Error('zip: finish twice');
      const start = offset;
      for (const e of entries) {
        const c = Buffer.alloc(46);
        c.writeUInt32LE(SIG_CENTRAL, 0);
        c.writeUInt16LE((UNIX << 8) | 20, 4); // made by: Unix, 2.0
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(FLAG_UTF8, 8);
        c.writeUInt16LE(e.method, 10);
        c.writeUInt16LE(time, 12);
        c.writeUInt16LE(date, 14);
        c.writeUInt32LE(e.crc, 16);
        c.writeUInt32LE(e.compressedSize, 20);
        c.writeUInt32LE(e.size, 24);
        c.writeUInt16LE(e.name.length, 28);
        // extra 30, comment 32, disk 34, internal attributes 36: 0
        c.writeUInt32LE(((S_IFREG | 0o644) << 16) >>> 0, 38);
        c.writeUInt32LE(e.offset, 42);
        write(c);
        write(e.name);
      }
      if (entries.length > 0xffff) throw new Error('zip: more than 65,535 files; this writer does not write zip64');
      const end = Buffer.alloc(22);
      end.writeUInt32LE(SIG_EOCD, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      write(end);
      closeSync(fd);
      closed = true;
      digest = hash.digest('hex');
      return offset;
    },
    sha256() {
      if (digest === null) throw new Error('zip: sha256 before finish');
      return digest;
    },
    abort() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

