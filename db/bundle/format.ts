/**
 * The layout of a case bundle (issue 8): what export writes, verify checks and merge reads.
 * Export (db/bundle/export*.ts), verify (db/bundle/verify*.ts) and merge (db/bundle/merge*.ts)
 * all go through these names and types; change them here, in one place.
 *
 * A bundle is a zip:
 *   manifest.json          every other file with its SHA-256 and size; case, exporter, time,
 *                          profile and filters; signed (see BundleManifest.signature)
 *   data/case.json         BundleData: the records at full fidelity, re-importable (merge reads it)
 *   csv/incidents.csv, csv/sources.csv, csv/victims.csv, csv/belligerents.csv, csv/strike_reports.csv
 *   incidents.geojson      RFC 7946 FeatureCollection
 *   captures/<sha256>      each included capture's bytes, named by their hash
 *   report/index.html ...  static report readable from disk
 */
import type { Row } from '../audit';

export const BUNDLE_FORMAT = 'casefile-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const BUNDLE_PATHS = {
  manifest: 'manifest.json',
  data: 'data/case.json',
  geojson: 'incidents.geojson',
  capturesDir: 'captures/',
  csvDir: 'csv/',
  reportIndex: 'report/index.html',
} as const;

/** One file listed in the manifest. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  /** For an image whose metadata was stripped: the hash of the original bytes in the case file. */
  originalSha256?: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  /** meta 'case_id' (or equivalent) of the exporting case file, and its title. */
  case: { id: string; title: string | null };
  exporter: { name: string; personId: string | null; publicKey: string | null };
  exportedAt: string;
  profile: { name: string; rules: unknown };
  filters: unknown;
  files: ManifestFile[];
  /**
   * Ed25519 over canonicalJson(the manifest without `signature`), base64. Absent only when the
   * exporter has no key (then verify reports the bundle as unsigned, not as valid).
   */
  signature?: { algorithm: 'ed25519'; publicKey: string; value: string };
}

/**
 * data/case.json. `tables` holds rows exactly as stored (column → value; file contents are not
 * inlined: captures refer to blobs by sha256 and the bytes are under captures/).
 * `versions` is each record's version lineage (oldest first, last = the version exported), keyed
 * by table then by recordKey(); merge uses it to find the common version of a record on both
 * sides. Absent or missing for a record = no known history for it.
 */
export interface BundleData {
  format: 'casefile-bundle-data';
  formatVersion: 1;
  caseId: string;
  tables: Record<string, Row[]>;
  versions?: Record<string, Record<string, string[]>>;
}

/** A record's key inside its table: its primary-key values (db/audit.ts auditedTables()) joined. */
export function recordKey(keyColumns: readonly string[], row: Row): string {
  return keyColumns.map((c) => String(row[c])).join('\u001f');
}
