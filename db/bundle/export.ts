/**
 * Export a case bundle (layout: db/bundle/format.ts). The work is a generator of progress
 * steps, so the CLI runs it to the end and the app runs it a slice at a time (db/bundle/jobs.ts)
 * with a progress bar. The zip is written beside its destination under a temporary name and
 * renamed into place only when complete: a failed or cancelled export leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BundlePreview } from '../../shared/contracts/bundle';
import type { Stats } from '../../shared/schemas';
import type { CaseFile } from '../casefile';
import { readMeta } from '../casefile';
import { HandlerError } from '../errors';
import type { ParsedFilter } from '../filters';
import { keyFingerprint } from '../signing';
import { computeStats, emptyTotals } from '../stats';
import { bundleVersions, currentVersionsOf, type CurrentRows } from './versions';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BUNDLE_PATHS, type BundleData, type BundleManifest, type ManifestFile } from './format';
import { findBundleProfile } from './profiles';
import { incidentPages, reportIndex } from './report';
import { backgroundCompressor, type BackgroundCompressor, type CompressedFile } from './backgroundCompress';
import { jsonTextChunks } from './jsonChunks';
import { selectBundle, type Selection } from './select';
import { csvFiles, incidentsGeoJson } from './tabular';
import { signedManifestText } from './verify';
import { createZipWriter } from './zip';
import { sha256Hex } from '../sha256';

export interface ExportRequest {
  profile: string;
  filter: ParsedFilter;
}

export interface ExportStep {
  phase: string;
  done: number;
  total: number;
}

export interface ExportResult {
  path: string;
  sha256: string;
  size: number;
  files: number;
  signed: boolean;
  incidents: number;
  manifest: BundleManifest;
}

function exporterKey(cf: CaseFile): string | null {
  if (!cf.profile) return null;
  return (cf.db.prepare('SELECT public_key FROM people WHERE id = ?').pluck().get(cf.profile.id) as string | null) ?? null;
}

/** The filter `casefile stats` would need to count exactly the bundle's incidents. */
function statsFor(cf: CaseFile, sel: Selection): Stats {
  const statuses = sel.profile.rules.statuses;
  let status = sel.filter.status;
  if (statuses) status = status && status.length ? status.filter((s) => statuses.includes(s)) : [...statuses];
  if (status && status.length === 0) {
    const grades = Object.fromEntries(['confirmed', 'fair', 'weak', 'contested', 'discounted', 'ungraded'].map((g) => [g, emptyTotals()])) as Stats['grades'];
    return { incidents: 0, grades, headline: emptyTotals(), conceded: { incidents: 0, killed: { min: 0, max: 0 }, injured: { min: 0, max: 0 } }, namedPeople: { people: 0, records: 0, inSeveralIncidents: 0 } };
  }
  const stats = computeStats(cf, { filter: { ...sel.filter, ...(status ? { status } : {}) } });
  if (stats.incidents !== sel.incidentIds.size) {
    throw new Error(`the report's figures count ${stats.incidents} incidents but the bundle holds ${sel.incidentIds.size}`);
  }
  return stats;
}

function suggestedPath(cf: CaseFile, profile: string, now: string): string {
  const stem = basename(cf.path).replace(/\.[^.]*$/, '');
  return join(dirname(cf.path), `${stem}-${profile.replace(/[^\p{L}\p{N}_-]+/gu, '-')}-${now.slice(0, 10)}.zip`);
}

export function previewBundle(cf: CaseFile, req: ExportRequest): BundlePreview {
  const sel = selectBundle(cf, findBundleProfile(cf, req.profile), req.filter);
  const key = exporterKey(cf);
  return {
    profile: sel.profile,
    included: {
      incidents: sel.incidentIds.size,
      sources: sel.tables.sources?.length ?? 0,
      victims: sel.tables.victims?.length ?? 0,
      captures: sel.files.length,
      captureBytes: sel.files.reduce((n, f) => n + f.bytes.length, 0),
    },
    withheld: sel.withheld,
    signer: cf.profile && key ? { name: cf.profile.name, fingerprint: keyFingerprint(key) } : null,
    suggestedPath: suggestedPath(cf, sel.profile.name, cf.now()),
  };
}

/** Bytes of files waiting on the compressor thread beyond which this thread compresses the next file itself. */
const BACKLOG_BYTES = 2 * 1024 * 1024;

const STORED_TYPES = /^(image|video|audio)\/|^application\/(zip|gzip|x-7z|x-rar|pdf)/;

export function* exportBundleSteps(cf: CaseFile, req: ExportRequest & { out: string }): Generator<ExportStep, ExportResult> {
  const out = req.out;
  if (existsSync(out)) throw new HandlerError('conflict', `${out} already exists; choose another file name (nothing was overwritten).`, [{ path: 'out', message: 'This file exists' }]);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new HandlerError('invalid_input', `The folder ${dirname(out)} does not exist.`, [{ path: 'out', message: 'No such folder' }]);
  const profile = findBundleProfile(cf, req.profile);
  yield { phase: 'Selecting records', done: 0, total: 1 };
  // Only an internal bundle can be merged back (db/bundle/mergeBundle.ts), so only it carries
  // each record's version lineage (db/bundle/versions.ts): what merge needs to find the common
  // version of a record on both sides. The rows are hashed as read, before any rule changes
  // them, so the lineage step need not read and hash every table again.
  const internal = profile.name === 'internal';
  let current: Map<string, CurrentRows> | undefined;
  const sel = selectBundle(cf, profile, req.filter, internal ? { beforeRedaction: (raw) => void (current = currentVersionsOf(cf, raw)) } : {});
  const meta = readMeta(cf);
  const exportedAt = cf.now();
  const stats = statsFor(cf, sel);
  const incidents = sel.tables.incidents ?? [];
  const total = 3 + 5 + sel.files.length + incidents.length + 1;
  let done = 1;
  const tmp = join(dirname(out), `.${basename(out)}.${randomUUID().slice(0, 8)}.partial`);
  const zip = createZipWriter(tmp, { mtime: new Date(exportedAt) });
  const files: ManifestFile[] = [];
  const listed = new Map<string, ManifestFile>();
  /** A file in the manifest, in the order files are listed; its hash and size are filled in once it is written. */
  const list = (path: string, originalSha256?: string): ManifestFile => {
    const f: ManifestFile = { path, sha256: '', size: 0, ...(originalSha256 ? { originalSha256 } : {}) };
    files.push(f);
    listed.set(path, f);
    return f;
  };
  const write = (c: CompressedFile) => {
    zip.addCompressed(c.name, c);
    Object.assign(listed.get(c.name)!, { sha256: c.sha256, size: c.size });
  };
  let finished = false;
  // Files are compressed (and hashed) on another thread while the next ones are built here
  // (db/bundle/backgroundCompress.ts); each is written to the zip as it comes back.
  let compressor: BackgroundCompressor | undefined;
  try {
    const worker = (compressor = backgroundCompressor());
    const compress = (path: string, content: Buffer | string, originalSha256?: string) => {
      const f = list(path, originalSha256);
      done++;
      for (const c of worker.take()) write(c);
      if (worker.backlog() < BACKLOG_BYTES) worker.file(path, content);
      else {
        // The worker is behind (it also deflates the case data): this thread compresses the file.
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        zip.add(path, bytes);
        Object.assign(f, { sha256: sha256Hex(bytes), size: bytes.length });
      }
    };
    const versions = internal ? { versions: bundleVersions(cf, sel.tables, current ? { current } : {}) } : {};
    current = undefined; // the stored rows' normalized copies: no longer needed, let them go
    const data: BundleData = { format: 'casefile-bundle-data', formatVersion: 1, caseId: meta.case_id ?? '', tables: sel.tables, ...versions };
    // Written in pieces (the same text as JSON.stringify(data)), each compressed on the other
    // thread as soon as it is written, while the spreadsheets and report are built here.
    list(BUNDLE_PATHS.data);
    worker.begin(BUNDLE_PATHS.data);
    let pieces = 0;
    for (const piece of jsonTextChunks(data)) {
      worker.chunk(piece);
      for (const c of worker.take()) write(c);
      if (++pieces % 8 === 0) yield { phase: 'Writing the case data', done, total };
    }
    worker.end();
    done++;
    yield { phase: 'Writing spreadsheets and map data', done, total };
    for (const f of csvFiles(sel.tables)) compress(f.name, f.bytes);
    compress(BUNDLE_PATHS.geojson, incidentsGeoJson(sel.tables).bytes);
    yield { phase: 'Adding captures', done, total };
    for (const f of sel.files) {
      const path = `${BUNDLE_PATHS.capturesDir}${f.sha256}`;
      if (!STORED_TYPES.test(f.mime)) compress(path, f.bytes, f.originalSha256);
      else {
        zip.add(path, f.bytes, { store: true }); // already compressed (images, video, archives)
        Object.assign(list(path, f.originalSha256), { sha256: sha256Hex(f.bytes), size: f.bytes.length });
        done++;
      }
      yield { phase: 'Adding captures', done, total };
    }
    const exporter = cf.profile?.name ?? cf.actor;
    const reportInput = { caseTitle: meta.case_name ?? 'Case', profileName: profile.name, exportedAt, exporter, stats, tables: sel.tables };
    compress(BUNDLE_PATHS.reportIndex, reportIndex(reportInput));
    let n = 0;
    for (const p of incidentPages(reportInput)) {
      compress(p.name, p.html);
      if (++n % 250 === 0) yield { phase: 'Writing the report', done, total };
    }
    while (worker.pending() > 0) {
      for (const c of worker.take(100)) write(c);
      if (worker.pending() > 0) yield { phase: 'Compressing', done, total };
    }
    const key = exporterKey(cf);
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      case: { id: meta.case_id ?? '', title: meta.case_name ?? null },
      exporter: { name: exporter, personId: cf.profile?.id ?? null, publicKey: key },
      exportedAt,
      profile: { name: profile.name, rules: profile.rules },
      filters: sel.filter,
      files,
    };
    if (cf.profile && key) manifest.signature = { algorithm: 'ed25519', publicKey: key, value: cf.profile.sign(signedManifestText(manifest)) };
    zip.add(BUNDLE_PATHS.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
    const size = zip.finish();
    finished = true;
    if (existsSync(out)) throw new HandlerError('conflict', `${out} appeared while the bundle was being written; it was not overwritten.`);
    renameSync(tmp, out);
    const sha256 = zip.sha256(); // of the bytes as written: the file is not read back
    yield { phase: 'Done', done: total, total };
    return { path: out, sha256, size, files: files.length + 1, signed: Boolean(manifest.signature), incidents: incidents.length, manifest };
  } finally {
    compressor?.close();
    if (!finished) zip.abort();
    rmSync(tmp, { force: true });
  }
}

/** Run an export to the end (the CLI, tests); `onStep` sees each progress step. */
export function exportBundle(cf: CaseFile, req: ExportRequest & { out: string }, onStep?: (s: ExportStep) => void): ExportResult {
  const it = exportBundleSteps(cf, req);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    onStep?.(r.value);
  }
}
