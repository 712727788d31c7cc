/**
 * A minimal internal bundle built straight from a case file's rows (the merge tests' own
 * builder; the real exporter lives in db/bundle/export*): data/case.json with every merged
 * table and its versions (db/bundle/versions.ts bundleVersions), captures by hash, and a
 * manifest listing each file's SHA-256, signed with `signingKey` when given.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import type { CaseFile } from '../../db/casefile';
import { readMeta } from '../../db/casefile';
import type { Row } from '../../db/audit';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_PATHS, type BundleData, type BundleManifest } from '../../db/bundle/format';
import { bundleVersions, MERGE_TABLES } from '../../db/bundle/versions';
import { signedManifestText } from '../../db/bundle/verify';
import { createZipWriter } from '../../db/bundle/zip';

export function bundleDataOf(cf: CaseFile): { data: BundleData; blobs: Map<string, Buffer> } {
  const tables: Record<string, Row[]> = {};
  const blobs = new Map<string, Buffer>();
  for (const t of MERGE_TABLES) {
    const rows = cf.db.prepare(`SELECT * FROM ${t}`).all() as Row[];
    if (t === 'blobs') {
      tables[t] = rows.map(({ content, ...rest }) => {
        blobs.set(String(rest.sha256), content as Buffer);
        return rest;
      });
    } else tables[t] = rows;
  }
  const data: BundleData = { format: 'casefile-bundle-data', formatVersion: 1, caseId: readMeta(cf).case_id!, tables, versions: bundleVersions(cf, tables) };
  return { data, blobs };
}

export function writeTestBundle(
  cf: CaseFile,
  out: string,
  opts: { profile?: string; store?: boolean; signer?: { name: string; privateKeyPem: string; publicKeyPem: string } } = {},
): void {
  const { data, blobs } = bundleDataOf(cf);
  const files: [string, Buffer][] = [[BUNDLE_PATHS.data, Buffer.from(JSON.stringify(data))]];
  for (const [sha, bytes] of blobs) files.push([`${BUNDLE_PATHS.capturesDir}${sha}`, bytes]);
  const meta = readMeta(cf);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    case: { id: meta.case_id!, title: meta.case_name ?? null },
    exporter: { name: opts.signer?.name ?? cf.actor, personId: null, publicKey: opts.signer?.publicKeyPem ?? null },
    exportedAt: cf.now(),
    profile: { name: opts.profile ?? 'internal', rules: {} },
    filters: {},
    files: files.map(([path, bytes]) => ({ path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length })),
  };
  if (opts.signer) {
    const value = sign(null, Buffer.from(signedManifestText(manifest)), createPrivateKey(opts.signer.privateKeyPem)).toString('base64');
    manifest.signature = { algorithm: 'ed25519', publicKey: opts.signer.publicKeyPem, value };
  }
  const zip = createZipWriter(out);
  zip.add(BUNDLE_PATHS.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const [path, bytes] of files) zip.add(path, bytes, { store: opts.store ?? false });
  zip.finish();
}
