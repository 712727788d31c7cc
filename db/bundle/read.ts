/**
 * `readBundle(path)`: open a case bundle for use (merge, import): the zip is checked for
 * safety, every file against the manifest and the signature (db/bundle/verify.ts) BEFORE the
 * data is parsed; a bundle that fails is refused with the verify summary. An unsigned but
 * intact bundle is read, and says so (`signed: false`); callers decide whether to accept it.
 */
import { readFileSync } from 'node:fs';
import { BUNDLE_PATHS, type BundleData, type BundleManifest } from './format';
import { formatVerifyReport, verifyArchive, type BundleVerifyReport } from './verify';
import { openZip, ZipSafetyError, type ZipArchive } from './zip';
import { sha256Hex } from '../sha256';

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    message: string,
    readonly report?: BundleVerifyReport,
  ) {
    super(message);
  }
}

export interface OpenedBundle {
  path: string;
  /** SHA-256 of the zip file: names the bundle (e.g. in the merge's audit entry). */
  sha256: string;
  manifest: BundleManifest;
  data: BundleData;
  signed: boolean;
  /** Who signed it: the exporter's name and key, when signed. */
  signer: { name: string; personId: string | null; publicKey: string; fingerprint: string } | null;
  report: BundleVerifyReport;
  /** A capture's bytes by SHA-256 (as listed in the manifest), or null when the bundle withheld it. */
  capture(sha256: string): Buffer | null;
  /** Any listed file's bytes. */
  file(path: string): Buffer;
  archive: ZipArchive;
}

export function readBundle(path: string, opts: { expectKey?: string } = {}): OpenedBundle {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new BundleError(`Cannot read the bundle ${path}: ${(e as Error).message}`);
  }
  const sha256 = sha256Hex(buf);
  let zip: ZipArchive;
  let report: BundleVerifyReport;
  let dataBytes: Buffer | undefined; // inflated once, by verify
  try {
    zip = openZip(buf);
    if (!zip.has(BUNDLE_PATHS.manifest)) throw new ZipSafetyError(`The archive has no ${BUNDLE_PATHS.manifest}: it is not a Casefile bundle.`);
    const keepData = (p: string, data: Buffer) => {
      if (p === BUNDLE_PATHS.data) dataBytes = data;
    };
    report = verifyArchive(zip, sha256, { ...opts, onFile: keepData });
  } catch (e) {
    if (e instanceof ZipSafetyError) throw new BundleError(`${path}: ${e.message}`);
    throw e;
  }
  if (report.status === 'invalid') throw new BundleError(`The bundle failed verification; nothing was read from it.\n${formatVerifyReport(path, report)}`, report);
  const manifest = report.manifest!;
  const listed = new Set(manifest.files.map((f) => f.path));
  if (!listed.has(BUNDLE_PATHS.data)) throw new BundleError(`${path}: the bundle has no ${BUNDLE_PATHS.data}, so it holds no records to read.`, report);
  let data: BundleData;
  try {
    data = JSON.parse((dataBytes ?? zip.read(BUNDLE_PATHS.data)).toString('utf8')) as BundleData;
  } catch (e) {
    throw new BundleError(`${path}: ${BUNDLE_PATHS.data} is not valid JSON: ${(e as Error).message}`, report);
  }
  if (data?.format !== 'casefile-bundle-data' || data.formatVersion !== 1 || typeof data.tables !== 'object' || data.tables === null) {
    throw new BundleError(`${path}: ${BUNDLE_PATHS.data} is not Casefile bundle data of format version 1.`, report);
  }
  const sig = manifest.signature;
  return {
    path,
    sha256,
    manifest,
    data,
    signed: report.status === 'valid',
    signer:
      report.status === 'valid' && sig
        ? { name: manifest.exporter.name, personId: manifest.exporter.personId, publicKey: sig.publicKey, fingerprint: report.signature.fingerprint ?? '' }
        : null,
    report,
    capture(hash) {
      const p = `${BUNDLE_PATHS.capturesDir}${hash}`;
      return listed.has(p) ? zip.read(p) : null;
    },
    file(p) {
      if (!listed.has(p)) throw new BundleError(`${path}: the bundle lists no file ${p}.`);
      return zip.read(p);
    },
    archive: zip,
  };
}
