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
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { DEFAULT_ZIP_LIMITS, FAT_DIRECTORY, FLAG_ENCRYPTED, FLAG_STRONG_ENCRYPTION, MAX_32, METHOD_DEFLATE, METHOD_STORE, SIG_CENTRAL, SIG_EOCD, SIG_LOCAL, S_IFDIR, S_IFMT, S_IFREG, UNIX, ZipSafetyError, unsafeNameReason, type ZipLimits } from './zipCommon';

export { DEFAULT_ZIP_LIMITS, ZipSafetyError, unsafeNameReason, type ZipLimits } from './zipCommon';
export { createZipWriter, type ZipWriter } from './zipWriter';


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
