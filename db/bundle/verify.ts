/**
 * Verify a case bundle: the zip is safe to open (db/bundle/zip.ts), every file the manifest
 * lists is there with its SHA-256 and size, no file is there that the manifest does not list,
 * and the manifest's Ed25519 signature holds. Every problem is named; nothing is extracted.
 *
 * A valid signature proves the manifest was signed by the holder of the key it names; compare
 * the key's fingerprint with the exporter's (`expectKey`) to know it was them.
 */
import { readFileSync } from 'node:fs';
import { canonicalJson } from '../audit';
import { keyFingerprint, verifyHashSignature } from '../signing';
import { BUNDLE_FORMAT, BUNDLE_PATHS, type BundleManifest, type ManifestFile } from './format';
import { openZip, ZipSafetyError, type ZipArchive } from './zip';
import { sha256Hex } from '../sha256';

export type FileProblem =
  | { path: string; problem: 'missing' }
  | { path: string; problem: 'extra' }
  | { path: string; problem: 'altered'; detail: string };

export interface BundleVerifyReport {
  /** valid: intact and signed; unsigned: intact but without a signature; invalid: anything else. */
  status: 'valid' | 'unsigned' | 'invalid';
  /** sha256 of the zip file itself. */
  bundleSha256: string;
  /** Refusal of the zip itself (unsafe entry, not a zip, no readable manifest). */
  refused: string | null;
  manifest: BundleManifest | null;
  files: { checked: number; bytes: number };
  problems: FileProblem[];
  signature: { present: boolean; valid: boolean; publicKey: string | null; fingerprint: string | null; signer: string | null; expected: boolean | null };
}

/** The bytes a bundle's signature covers: the canonical JSON of the manifest without `signature`. */
export function signedManifestText(manifest: BundleManifest): string {
  const { signature: _omit, ...rest } = manifest;
  return canonicalJson(rest);
}

function isManifestFile(f: unknown): f is ManifestFile {
  if (typeof f !== 'object' || f === null) return false;
  const r = f as Record<string, unknown>;
  return typeof r.path === 'string' && typeof r.sha256 === 'string' && typeof r.size === 'number';
}

/** Parse manifest.json, with a message saying what is wrong with it. */
export function parseManifest(bytes: Buffer): BundleManifest {
  let m: unknown;
  try {
    m = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ZipSafetyError(`${BUNDLE_PATHS.manifest} is not valid JSON: ${(e as Error).message}`, BUNDLE_PATHS.manifest);
  }
  const r = m as Record<string, unknown>;
  if (typeof m !== 'object' || m === null || r.format !== BUNDLE_FORMAT) {
    throw new ZipSafetyError(`${BUNDLE_PATHS.manifest} is not a Casefile bundle manifest (format is not "${BUNDLE_FORMAT}").`, BUNDLE_PATHS.manifest);
  }
  if (r.formatVersion !== 1) {
    throw new ZipSafetyError(`This bundle has format version ${String(r.formatVersion)}; this Casefile reads version 1. Update Casefile to read it.`, BUNDLE_PATHS.manifest);
  }
  if (!Array.isArray(r.files) || !r.files.every(isManifestFile)) {
    throw new ZipSafetyError(`${BUNDLE_PATHS.manifest} has no valid file list (each file needs path, sha256 and size).`, BUNDLE_PATHS.manifest);
  }
  return m as BundleManifest;
}

function checkSignature(manifest: BundleManifest, expectKey: string | undefined): BundleVerifyReport['signature'] {
  const sig = manifest.signature;
  const signer = manifest.exporter?.name ?? null;
  if (!sig) return { present: false, valid: false, publicKey: null, fingerprint: null, signer, expected: null };
  const valid =
    sig.algorithm === 'ed25519' &&
    typeof sig.publicKey === 'string' &&
    typeof sig.value === 'string' &&
    (manifest.exporter?.publicKey ?? sig.publicKey).trim() === sig.publicKey.trim() &&
    verifyHashSignature(sig.publicKey, signedManifestText(manifest), sig.value);
  const fingerprint = typeof sig.publicKey === 'string' ? keyFingerprint(sig.publicKey) : null;
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const expected = expectKey === undefined ? null : fingerprint !== null && (norm(fingerprint) === norm(expectKey) || norm(sig.publicKey) === norm(expectKey));
  return { present: true, valid, publicKey: sig.publicKey, fingerprint, signer, expected };
}

export interface VerifyOptions {
  /** The fingerprint or public key the signer is expected to have. */
  expectKey?: string;
  /**
   * Sees each listed file's bytes as they are checked (inflated once), so that a reader that
   * verifies first (merge, readBundle) need not inflate the same file again. Called before the
   * file's hash is compared: use the bytes only once the report says the bundle is intact.
   */
  onFile?: (path: string, data: Buffer) => void;
}

/** Verify an archive already opened (and so already checked for safety). */
export function verifyArchive(zip: ZipArchive, bundleSha256: string, opts: VerifyOptions = {}): BundleVerifyReport {
  const manifest = parseManifest(zip.read(BUNDLE_PATHS.manifest));
  const problems: FileProblem[] = [];
  const listed = new Set<string>();
  let bytes = 0;
  for (const f of manifest.files) {
    if (listed.has(f.path)) {
      problems.push({ path: f.path, problem: 'altered', detail: 'listed twice in the manifest' });
      continue;
    }
    listed.add(f.path);
    if (!zip.has(f.path)) {
      problems.push({ path: f.path, problem: 'missing' });
      continue;
    }
    let data: Buffer;
    try {
      data = zip.read(f.path);
    } catch (e) {
      problems.push({ path: f.path, problem: 'altered', detail: (e as Error).message });
      continue;
    }
    bytes += data.length;
    opts.onFile?.(f.path, data);
    const hash = sha256Hex(data);
    if (data.length !== f.size) problems.push({ path: f.path, problem: 'altered', detail: `${data.length} bytes, the manifest says ${f.size}` });
    else if (hash !== f.sha256) problems.push({ path: f.path, problem: 'altered', detail: `SHA-256 ${hash}, the manifest says ${f.sha256}` });
  }
  for (const e of zip.entries) {
    if (e.name !== BUNDLE_PATHS.manifest && !listed.has(e.name)) problems.push({ path: e.name, problem: 'extra' });
  }
  const signature = checkSignature(manifest, opts.expectKey);
  const intact = problems.length === 0 && (!signature.present || signature.valid) && signature.expected !== false;
  return {
    status: !intact ? 'invalid' : signature.present ? 'valid' : 'unsigned',
    bundleSha256,
    refused: null,
    manifest,
    files: { checked: manifest.files.length, bytes },
    problems,
    signature,
  };
}

/** Verify a bundle held in memory. Never throws for a bad bundle: the report says what is wrong. */
export function verifyBundleBytes(buf: Buffer, opts: VerifyOptions = {}): BundleVerifyReport {
  const bundleSha256 = sha256Hex(buf);
  try {
    const zip = openZip(buf);
    if (!zip.has(BUNDLE_PATHS.manifest)) throw new ZipSafetyError(`The archive has no ${BUNDLE_PATHS.manifest}: it is not a Casefile bundle.`);
    return verifyArchive(zip, bundleSha256, opts);
  } catch (e) {
    if (!(e instanceof ZipSafetyError)) throw e;
    return {
      status: 'invalid',
      bundleSha256,
      refused: e.message,
      manifest: null,
      files: { checked: 0, bytes: 0 },
      problems: [],
      signature: { present: false, valid: false, publicKey: null, fingerprint: null, signer: null, expected: null },
    };
  }
}

export function verifyBundleFile(path: string, opts: { expectKey?: string } = {}): BundleVerifyReport {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ZipSafetyError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  return verifyBundleBytes(buf, opts);
}

/** A readable summary, one line per problem. */
export function formatVerifyReport(path: string, r: BundleVerifyReport): string {
  const lines: string[] = [];
  if (r.refused) {
    lines.push(`${path}: REFUSED. ${r.refused}`, 'Nothing was extracted.');
    return lines.join('\n');
  }
  const m = r.manifest!;
  lines.push(`Bundle ${path}`, `  SHA-256   ${r.bundleSha256}`);
  lines.push(`  case      ${m.case?.title ?? '(untitled)'} (${m.case?.id ?? 'no id'})`);
  lines.push(`  exported  ${m.exportedAt} by ${m.exporter?.name ?? 'unknown'} with profile "${m.profile?.name ?? '?'}"`);
  lines.push(`  files     ${r.files.checked} listed, ${r.files.bytes} bytes checked`);
  for (const p of r.problems) {
    lines.push(p.problem === 'missing' ? `  MISSING   ${p.path}` : p.problem === 'extra' ? `  EXTRA     ${p.path} (not in the manifest)` : `  ALTERED   ${p.path}: ${p.detail}`);
  }
  const s = r.signature;
  if (!s.present) lines.push('  signature NONE: the exporter had no signing key, so who made this bundle cannot be checked.');
  else if (!s.valid) lines.push(`  signature INVALID: the manifest was changed after it was signed, or the signature is not ${s.signer ?? 'the exporter'}'s (key ${s.fingerprint}).`);
  else lines.push(`  signature valid, by ${s.signer ?? 'unknown'} (key fingerprint ${s.fingerprint})`);
  if (s.expected === false) lines.push('  KEY MISMATCH: the bundle was not signed with the key you expected.');
  const verdict =
    r.status === 'valid'
      ? 'VALID: every file matches the signed manifest.'
      : r.status === 'unsigned'
        ? 'UNSIGNED: every file matches the manifest, but nothing proves who wrote it.'
        : `INVALID: ${[r.problems.length ? `${r.problems.length} file problem${r.problems.length === 1 ? '' : 's'}` : '', s.present && !s.valid ? 'bad signature' : '', s.expected === false ? 'unexpected key' : ''].filter(Boolean).join(', ')}.`;
  lines.push(verdict);
  return lines.join('\n');
}
