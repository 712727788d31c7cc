/**
 * Reading a colleague's bundle for a merge: it must verify (every file against the manifest, and
 * the signature when there is one) and carry full-fidelity data (profile `internal`: a redacted
 * bundle would merge its blanks over real data). Returns the data, who signed it, and a reader
 * for the captures' bytes.
 */
import { BUNDLE_PATHS, type BundleData, type BundleManifest } from './format';
import { HandlerError } from '../errors';
import { formatVerifyReport, verifyBundleBytes } from './verify';
import { openZip } from './zip';
import type { BundleSource } from './mergePlan';

export interface LoadedBundle {
  data: BundleData;
  manifest: BundleManifest;
  source: BundleSource;
  blobContent: (sha256: string) => Buffer | undefined;
}

export function loadBundleForMerge(bytes: Buffer, name = 'The bundle'): LoadedBundle {
  // The data file is inflated once: verify hands over its bytes as it checks them.
  let dataBytes: Buffer | undefined;
  const keepData = (path: string, data: Buffer) => {
    if (path === BUNDLE_PATHS.data) dataBytes = data;
  };
  const report = verifyBundleBytes(bytes, { onFile: keepData });
  if (report.status === 'invalid') {
    throw new HandlerError('refused', `${name} fails verification; nothing was merged.\n${formatVerifyReport(name, report)}`);
  }
  const manifest = report.manifest!;
  if (manifest.profile?.name !== 'internal') {
    throw new HandlerError(
      'refused',
      `${name} was exported with the "${manifest.profile?.name ?? '?'}" profile, which withholds or redacts data; only a bundle exported with the "internal" profile can be merged (merging redacted records would blank real ones). Nothing was merged.`,
    );
  }
  const zip = openZip(bytes);
  let data: BundleData;
  try {
    data = JSON.parse((dataBytes ?? zip.read(BUNDLE_PATHS.data)).toString('utf8')) as BundleData;
  } catch (e) {
    throw new HandlerError('invalid_input', `${name}: ${BUNDLE_PATHS.data} cannot be read: ${(e as Error).message}. Nothing was merged.`);
  }
  const s = report.signature;
  const signer = s.present && s.valid ? `${s.signer ?? 'unknown'} (key ${s.fingerprint})` : `${manifest.exporter?.name ?? 'unknown'} (unsigned)`;
  return {
    data,
    manifest,
    source: { sha256: report.bundleSha256, signer },
    blobContent: (sha) => {
      const path = `${BUNDLE_PATHS.capturesDir}${sha}`;
      return zip.has(path) ? zip.read(path) : undefined;
    },
  };
}
