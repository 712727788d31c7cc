/**
 * A small zip writer and a SAFE zip reader (PKWARE APPNOTE 6.3, no zip64, no encryption), with
 * no dependency beyond node:zlib.
 *
 * Writer: deflate (or store, for media that is already compressed), CRC-32, UTF-8 names,
 * regular-file attributes, entries written straight to a file descriptor.
 *
 * Reader: `openZip` parses the end-of-central-directory record and the central directory, and
 * refuses the whole archive BEFORE any entry is read or extracted when one entry is unsafe:
 * absolute paths, `..` or `.` segments, backslashes, drive letters, control characters,
 * symlinks or other non-regular files, duplicate names (also when they differ only in case),
 * encrypted entries, unknown compression methods, local headers that disagree with the
 * central directory, entries that overlap or lie outside the file, and zip bombs (a
 * compression ratio or a total uncompressed size beyond the limits). `read(name)` inflates with
 * an output cap and refuses an entry whose actual size or CRC differs from the declared one.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export class ZipSafetyError extends Error {
  override name = 'ZipSafetyError';
  constructor(
    message: string,
    /** The entry the refusal is about, when it is about one. */
    readonly entry?: string,
  ) {
    super(message);
  }
}

export interface ZipLimits {
  /** Largest total of declared uncompressed sizes (bytes). */
  maxTotalSize: number;
  /** Largest uncompressed size / compressed size of one entry. */
  maxRatio: number;
  /** Ratios are only checked above this uncompressed size (tiny files compress absurdly too). */
  ratioMinSize: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalSize: 4 * 1024 ** 3 - 1,
  maxRatio: 200,
  ratioMinSize: 1024 * 1024,
  maxEntries: 500_000,
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const MAX_32 = 0xffffffff;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const FAT_DIRECTORY = 0x10;

/** Why a name is not a safe relative path inside an archive, or null when it is. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return 'has a control character in its name';
  if (name.includes('\\')) return 'uses a backslash in its path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.startsWith('/')) return 'has an absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'has a ".." segment that would leave the destination folder';
  if (segments.some((s) => s === '.' || s === '')) return 'has an empty or "." path segment';
  return null;
}

// ---------------------------------------------------------------- writer

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
  /** Write the central directory and close the file; returns the archive's size. */
  finish(): number;
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
  const write = (buf: Buffer) => {
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    offset += buf.length;
  };

  return {
    add(name, data, addOpts = {}) {
      if (closed) throw new Error('zip: add after finish');
      const bad = unsafeNameReason(name);
      if (bad) throw new ZipSafetyError(`zip: entry "${name}" ${bad}`, name);
      if (names.has(name.toLowerCase())) throw new ZipSafetyError(`zip: entry "${name}" is added twice`, name);
      names.add(name.toLowerCase());
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
      if (offset > MAX_32 || body.length > MAX_32 || data.length > MAX_32) {
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
      h.writeUInt32LE(data.length, 22);
      h.writeUInt16LE(nameBuf.length, 26);
      h.writeUInt16LE(0, 28);
      entries.push({ name: nameBuf, method, crc, compressedSize: body.length, size: data.length, offset });
      write(h);
      write(nameBuf);
      write(body);
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
      return offset;
    },
    abort() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

// ---------------------------------------------------------------- reader

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Where the compressed bytes start in the archive. */
  dataOffset: number;
  isDirectory: boolean;
}

export interface ZipArchive {
  /** The files (directories are listed apart), in central-directory order. */
  readonly entries: readonly ZipEntry[];
  readonly directories: readonly string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated and checked against its declared size and CRC-32. */
  read(name: string): Buffer;
}

function refuse(message: string, entry?: string): never {
  throw new ZipSafetyError(message, entry);
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  return refuse('Not a zip archive: no end-of-central-directory record (the file is truncated or not a zip).');
}

/** Parse and check a zip held in memory. Throws ZipSafetyError naming the first unsafe entry. */
export function openZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (buf.length < 22) refuse('Not a zip archive: the file is too short.');
  const eocd = findEocd(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const countHere = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || countHere !== count) refuse('Refused: a multi-part (spanned) zip archive.');
  if (count === 0xffff || cdSize === MAX_32 || cdOffset === MAX_32) refuse('Refused: a zip64 archive (not written by Casefile).');
  if (count > limits.maxEntries) refuse(`Refused: ${count} entries, more than the limit of ${limits.maxEntries}.`);
  if (cdOffset + cdSize > eocd) refuse('Refused: the central directory lies outside the archive.');

  const entries: ZipEntry[] = [];
  const directories: string[] = [];
  const seen = new Map<string, string>();
  const ranges: { start: number; end: number; name: string }[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) refuse(`Refused: central directory entry ${i + 1} is damaged.`);
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > eocd) refuse(`Refused: central directory entry ${i + 1} is damaged.`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;

    const bad = unsafeNameReason(name);
    if (bad) refuse(`Refused: entry "${name}" ${bad}.`, name);
    const folded = name.replace(/\/$/, '').toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      refuse(earlier === name ? `Refused: entry "${name}" appears twice.` : `Refused: entries "${earlier}" and "${name}" differ only in case and would overwrite each other.`, name);
    }
    seen.set(folded, name);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) refuse(`Refused: entry "${name}" is encrypted.`, name);
    const mode = madeBy === UNIX ? (external >>> 16) & S_IFMT : 0;
    if (mode === 0o120000) refuse(`Refused: entry "${name}" is a symbolic link.`, name);
    const isDirectory = name.endsWith('/') || mode === S_IFDIR || (madeBy !== UNIX && (external & FAT_DIRECTORY) !== 0);
    if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) refuse(`Refused: entry "${name}" is not a regular file (a device, pipe or socket).`, name);
    if (isDirectory) {
      if (size !== 0 || compressedSize !== 0) refuse(`Refused: directory entry "${name}" has contents.`, name);
      directories.push(name);
      continue;
    }
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE) refuse(`Refused: entry "${name}" uses compression method ${method}; only stored and deflated files are read.`, name);
    if (compressedSize === MAX_32 || size === MAX_32 || localOffset === MAX_32) refuse(`Refused: entry "${name}" is a zip64 entry.`, name);
    if (method === METHOD_STORE && compressedSize !== size) refuse(`Refused: stored entry "${name}" declares ${size} bytes but holds ${compressedSize}.`, name);
    if (size >= limits.ratioMinSize && size / Math.max(1, compressedSize) > limits.maxRatio) {
      refuse(`Refused: entry "${name}" would expand ${Math.round(size / Math.max(1, compressedSize))} times (${size} bytes from ${compressedSize}): a zip bomb.`, name);
    }
    total += size;
    if (total > limits.maxTotalSize) refuse(`Refused: the files would expand to more than ${limits.maxTotalSize} bytes (at "${name}"): a zip bomb.`, name);

    // The local header must agree with the central directory.
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== SIG_LOCAL) refuse(`Refused: entry "${name}" has no local header where the directory says.`, name);
    const lFlags = buf.readUInt16LE(localOffset + 6);
    const lMethod = buf.readUInt16LE(localOffset + 8);
    const lNameLen = buf.readUInt16LE(localOffset + 26);
    const lExtraLen = buf.readUInt16LE(localOffset + 28);
    const lName = buf.toString('utf8', localOffset + 30, localOffset + 30 + lNameLen);
    if (lName !== name) refuse(`Refused: entry "${name}" is named "${lName}" in its local header.`, name);
    if (lMethod !== method || (lFlags & FLAG_ENCRYPTED) !== (flags & FLAG_ENCRYPTED)) refuse(`Refused: entry "${name}": its local header disagrees with the central directory.`, name);
    if (!(lFlags & 0x0008)) {
      const lCompressed = buf.readUInt32LE(localOffset + 18);
      const lSize = buf.readUInt32LE(localOffset + 22);
      if (lCompressed !== compressedSize || lSize !== size) refuse(`Refused: entry "${name}": its local header declares another size than the central directory.`, name);
    }
    const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
    if (dataOffset + compressedSize > cdOffset) refuse(`Refused: entry "${name}" runs past the end of the file data.`, name);
    ranges.push({ start: localOffset, end: dataOffset + compressedSize, name });
    entries.push({ name, method, crc, compressedSize, size, dataOffset, isDirectory: false });
  }
  // Overlapping entries (the same bytes counted many times) are a known zip-bomb construction.
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) refuse(`Refused: entries "${ranges[i - 1]!.name}" and "${ranges[i]!.name}" overlap.`, ranges[i]!.name);
  }

  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    directories,
    has: (name) => byName.has(name),
    read(name) {
      const e = byName.get(name);
      if (!e) throw new ZipSafetyError(`The archive has no file "${name}".`, name);
      const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      let data: Buffer;
      if (e.method === METHOD_STORE) data = Buffer.from(raw);
      else {
        try {
          // One byte more than declared: a larger actual size is detected, never fully inflated.
          data = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength/i.test((err as Error).message)) {
            refuse(`Refused: entry "${name}" inflates to more than the ${e.size} bytes it declares.`, name);
          }
          refuse(`Refused: entry "${name}" cannot be inflated: ${(err as Error).message}.`, name);
        }
      }
      if (data.length !== e.size) refuse(`Refused: entry "${name}" declares ${e.size} bytes but holds ${data.length}.`, name);
      if ((crc32(data) >>> 0) !== e.crc) refuse(`Refused: entry "${name}" fails its CRC-32 check (the bytes are damaged or altered).`, name);
      return data;
    },
  };
}

/** Read a zip file from disk and check it (see openZip). */
export function openZipFile(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ZipSafetyError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  return openZip(buf, limits);
}

/** Whether these bytes start like a zip archive (a local header or an empty archive's end record). */
export function looksLikeZip(head: Buffer): boolean {
  return head.length >= 4 && (head.readUInt32LE(0) === SIG_LOCAL || head.readUInt32LE(0) === SIG_EOCD);
}
