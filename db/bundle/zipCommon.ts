/** What the zip writer (zipWriter.ts) and the safe reader (zip.ts) share: names, limits, signatures. */

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

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_STRONG_ENCRYPTION = 0x0040;
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const MAX_32 = 0xffffffff;
export const UNIX = 3;
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const FAT_DIRECTORY = 0x10;

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

