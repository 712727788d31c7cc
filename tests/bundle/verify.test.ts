import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetKeyStore, setActingAs } from '../../cli/identity';
import { runCli as run } from '../helpers/cli';
import type { BundleManifest } from '../../db/bundle/format';
import { readBundle } from '../../db/bundle/read';
import { verifyBundleFile } from '../../db/bundle/verify';
import { createZipWriter, openZip } from '../../db/bundle/zip';
import { tempDir } from '../helpers/caseFiles';
import { rawZip } from '../helpers/rawZip';

afterEach(() => {
  resetKeyStore();
  setActingAs(null);
});

/** A demo case exported by the CLI as a signed publication bundle. */
async function signedBundle(profile = 'publication'): Promise<{ dir: string; zip: string; file: string }> {
  const dir = tempDir();
  const file = join(dir, 'demo.casefile');
  expect((await run('init', file, '--demo')).code).toBe(0);
  const zip = join(dir, `${profile}.zip`);
  const r = await run('--as', 'Demo editor', 'export', 'bundle', file, zip, '--profile', profile);
  expect(r.err).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Signed by Demo editor/);
  return { dir, zip, file };
}

/** The same bundle with its files changed by `edit` (path → new bytes, or null to drop). */
function rewrite(src: string, dest: string, edit: (path: string, bytes: Buffer) => Buffer | null, add: [string, Buffer][] = []): string {
  const zip = openZip(readFileSync(src));
  const w = createZipWriter(dest);
  for (const e of zip.entries) {
    const b = edit(e.name, zip.read(e.name));
    if (b) w.add(e.name, b);
  }
  for (const [p, b] of add) w.add(p, b);
  w.finish();
  return dest;
}

function hasTool(name: string): boolean {
  return spawnSync('which', [name]).status === 0;
}

describe('casefile verify BUNDLE.zip', () => {
  it('says VALID for an untouched signed bundle, with the signer and fingerprint', async () => {
    const { zip } = await signedBundle();
    const r = await run('verify', zip);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/signature valid, by Demo editor \(key fingerprint [0-9a-f ]+\)/);
    expect(r.out).toMatch(/VALID: every file matches the signed manifest\./);
  });

  it('fails and names the file when one byte inside the zip changes', async () => {
    const { zip, dir } = await signedBundle();
    const bytes = readFileSync(zip);
    const manifest = JSON.parse(openZip(bytes).read('manifest.json').toString()) as BundleManifest;
    const target = 'report/index.html';
    const e = openZip(bytes).entries.find((x) => x.name === target)!;
    const tampered = Buffer.from(bytes);
    tampered[e.dataOffset + Math.floor(e.compressedSize / 2)]! ^= 0x01;
    const path = join(dir, 'tampered.zip');
    writeFileSync(path, tampered);
    const r = await run('verify', path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`ALTERED {3}${target.replace('.', '\\.')}`));
    expect(r.err).toMatch(/INVALID: 1 file problem/);
    expect(manifest.files.some((f) => f.path === target)).toBe(true);
  });

  it('names a file whose contents were replaced (CRC recomputed), a missing file and an extra file', async () => {
    const { zip, dir } = await signedBundle();
    const path = rewrite(zip, join(dir, 'edited.zip'), (p, b) => (p === 'csv/victims.csv' ? null : p === 'incidents.geojson' ? Buffer.concat([b.subarray(0, 10), Buffer.from('X'), b.subarray(11)]) : b), [['notes.txt', Buffer.from('added later')]]);
    const report = verifyBundleFile(path);
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { path: 'csv/victims.csv', problem: 'missing' },
        { path: 'notes.txt', problem: 'extra' },
        expect.objectContaining({ path: 'incidents.geojson', problem: 'altered', detail: expect.stringMatching(/^SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}$/) }),
      ]),
    );
    expect(report.problems).toHaveLength(3);
    const r = await run('verify', path);
    expect(r.err).toMatch(/MISSING {3}csv\/victims\.csv/);
    expect(r.err).toMatch(/EXTRA {5}notes\.txt/);
    expect(() => readBundle(path)).toThrow(/failed verification; nothing was read/);
  });

  it('fails the signature when the manifest is changed, even with every file intact', async () => {
    const { zip, dir } = await signedBundle();
    const path = rewrite(zip, join(dir, 'manifest.zip'), (p, b) => {
      if (p !== 'manifest.json') return b;
      const m = JSON.parse(b.toString()) as BundleManifest;
      m.profile.name = 'internal';
      return Buffer.from(JSON.stringify(m, null, 2));
    });
    const r = await run('verify', path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/signature INVALID: the manifest was changed after it was signed/);
    expect(verifyBundleFile(path).problems).toEqual([]);
  });

  it('checks the signer against an expected key fingerprint', async () => {
    const { zip } = await signedBundle();
    const fp = verifyBundleFile(zip).signature.fingerprint!;
    expect((await run('verify', zip, '--key', fp)).code).toBe(0);
    const other = await run('verify', zip, '--key', '0000 0000 0000 0000');
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/KEY MISMATCH/);
  });

  it('says UNSIGNED (exit 3) for a bundle exported without a profile', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.casefile');
    await run('init', file, '--demo');
    const zip = join(dir, 'plain.zip');
    const e = await run('export', 'bundle', file, zip, '--profile', 'internal');
    expect(e.out).toMatch(/UNSIGNED/);
    const r = await run('verify', zip);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/UNSIGNED: every file matches the manifest/);
  });

  it('refuses an unsafe zip before extracting anything, and still verifies case files', async () => {
    const dir = tempDir();
    const evil = join(dir, 'evil.zip');
    writeFileSync(evil, rawZip([{ name: 'manifest.json', data: Buffer.from('{}') }, { name: '../../.bashrc', data: Buffer.from('rm -rf ~') }]));
    const r = await run('verify', evil);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/REFUSED\. Refused: entry "\.\.\/\.\.\/\.bashrc" has a "\.\." segment/);
    const { file } = await signedBundle();
    expect((await run('verify', file)).code).toBe(0);
  });

  it('export bundle explains a missing profile and a wrong extension', async () => {
    const dir = tempDir();
    const file = join(dir, 'demo.casefile');
    await run('init', file, '--demo');
    expect((await run('export', 'bundle', file, join(dir, 'x.zip'))).err).toMatch(/Say which profile/);
    expect((await run('export', 'bundle', file, join(dir, 'x.tar'), '--profile', 'internal')).err).toMatch(/must end in \.zip/);
    expect((await run('export', 'bundle', file, join(dir, 'x.zip'), '--profile', 'press')).err).toMatch(/No bundle profile named "press"\. Profiles: publication, internal\./);
  });
});

describe('real clients', () => {
  it('GDAL ogrinfo reads every incident of incidents.geojson', async () => {
    if (!hasTool('ogrinfo')) return console.warn('skipped: ogrinfo is not installed (apt-get install gdal-bin)');
    const { zip, dir } = await signedBundle('internal');
    const z = openZip(readFileSync(zip));
    const geo = join(dir, 'incidents.geojson');
    writeFileSync(geo, z.read('incidents.geojson'));
    const features = (JSON.parse(z.read('incidents.geojson').toString()) as { features: unknown[] }).features.length;
    expect(features).toBeGreaterThan(0);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', geo]).toString();
    expect(info).toMatch(new RegExp(`Feature Count: ${features}\\b`));
    expect(info).toMatch(/Geometry: Point/);
    expect(info).toMatch(/grade: String/);
    expect(info).toMatch(/killed_min: Integer/);
    const all = execFileSync('ogrinfo', ['-ro', '-al', '-q', geo]).toString();
    expect(all.match(/OGRFeature\(incidents\):/g)).toHaveLength(features);
  });

  it('Info-ZIP tests the archive and Python reads the CSVs', async () => {
    const { zip } = await signedBundle('internal');
    if (hasTool('unzip')) execFileSync('unzip', ['-tq', zip]);
    else console.warn('skipped unzip -t: unzip is not installed');
    if (!hasTool('python3')) return console.warn('skipped: python3 is not installed');
    const rows = execFileSync('python3', ['-c', 'import csv,io,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(len(list(csv.DictReader(io.TextIOWrapper(z.open("csv/incidents.csv"), encoding="utf-8")))))', zip]).toString().trim();
    expect(Number(rows)).toBe(readBundle(zip).data.tables.incidents!.length);
  });
});
