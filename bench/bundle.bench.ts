/**
 * `npm run bench -- bundle`: export and verify a case bundle of the real archive
 * (../shared/data/airwars-syria imported with importAirwars; no captures), each against a
 * floor measured in the same run on the same bytes:
 *   export floor: deflate + CRC-32 + write the bundle's own files to a file with node:zlib, and
 *                 SHA-256 them (what any zip-and-hash exporter must do at least);
 *   verify floor: read the zip, inflate every entry and SHA-256 it (what any verifier must do).
 * Best of BENCH_RUNS (default 2). Target: each under 10 s. Nothing here fails on a time.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { exportBundle } from '../db/bundle/export';
import { verifyBundleFile } from '../db/bundle/verify';
import { openZip } from '../db/bundle/zip';
import { closeCaseFile, createCaseFile } from '../db/casefile';
import { importAirwars } from '../db/import/airwars/index';
import { ARCHIVE_DIR as archive, hasArchive } from '../tests/helpers/archive';

const runs = Number(process.env.BENCH_RUNS ?? 2);
const TARGET_SECONDS = 10;

if (!hasArchive) {
  console.log(`No Airwars archive at ${archive}; set CASEFILE_ARCHIVE. Nothing to measure.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'casefile-bench-bundle-'));
const s = (ms: number) => (ms / 1000).toFixed(2);
const best = (f: (i: number) => number) => Math.min(...Array.from({ length: runs }, (_, i) => f(i)));

try {
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (shared; figures are noisy, compare ratios).`);
  const file = join(work, 'archive.casefile');
  const cf = createCaseFile(file, { actor: 'bench' });
  const t0 = performance.now();
  importAirwars(cf, archive);
  const incidents = cf.db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
  console.log(`Imported ${incidents} incidents in ${s(performance.now() - t0)} s.`);

  for (const profile of ['internal', 'publication']) {
    let out = '';
    const exportMs = best((i) => {
      out = join(work, `${profile}-${i}.zip`);
      rmSync(out, { force: true });
      const t = performance.now();
      exportBundle(cf, { profile, filter: {}, out }, () => {});
      return performance.now() - t;
    });
    const bytes = readFileSync(out);
    const zip = openZip(bytes);
    const files = zip.entries.map((e) => ({ name: e.name, data: zip.read(e.name) }));
    const total = files.reduce((n, f) => n + f.data.length, 0);

    const exportFloor = best((i) => {
      const path = join(work, `floor-${i}.bin`);
      const t = performance.now();
      const fd = openSync(path, 'w');
      for (const f of files) {
        crc32(f.data);
        createHash('sha256').update(f.data).digest();
        writeSync(fd, deflateRawSync(f.data, { level: 6 }));
      }
      closeSync(fd);
      const ms = performance.now() - t;
      rmSync(path, { force: true });
      return ms;
    });

    let status = '';
    const verifyMs = best(() => {
      const t = performance.now();
      status = verifyBundleFile(out).status;
      return performance.now() - t;
    });
    const verifyFloor = best(() => {
      const t = performance.now();
      const b = readFileSync(out);
      const z = openZip(b);
      for (const e of z.entries) {
        const raw = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
        createHash('sha256').update(e.method === 8 ? inflateRawSync(raw) : raw).digest();
      }
      return performance.now() - t;
    });

    console.log(`\n${profile} bundle: ${files.length} files, ${(total / 1e6).toFixed(1)} MB uncompressed, ${(bytes.length / 1e6).toFixed(1)} MB zipped; verify says ${status}.`);
    console.log(`  export  ${s(exportMs)} s   floor (zlib deflate + CRC + SHA-256 + write of the same bytes) ${s(exportFloor)} s   ratio ${(exportMs / exportFloor).toFixed(2)}   target < ${TARGET_SECONDS} s: ${exportMs < TARGET_SECONDS * 1000 ? 'met' : 'NOT met'}`);
    console.log(`  verify  ${s(verifyMs)} s   floor (read + inflate + SHA-256 of the same zip) ${s(verifyFloor)} s   ratio ${(verifyMs / verifyFloor).toFixed(2)}   target < ${TARGET_SECONDS} s: ${verifyMs < TARGET_SECONDS * 1000 ? 'met' : 'NOT met'}`);
  }
  closeCaseFile(cf);
} finally {
  rmSync(work, { recursive: true, force: true });
}
