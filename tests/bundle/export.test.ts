import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../db/bundle/export';
import type { BundleData, BundleManifest } from '../../db/bundle/format';
import { readBundle } from '../../db/bundle/read';
import { verifyBundleFile } from '../../db/bundle/verify';
import { openZip } from '../../db/bundle/zip';
import { call } from '../../db/handlers';
import { computeStats } from '../../db/stats';
import { bundleCase, GPS_RATIONALS, PUBLIC_VICTIM, SECRET } from '../helpers/bundleCase';

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every file of the zip, decompressed: by Info-ZIP's unzip when installed (an independent reader), else ours. */
function decompressedFiles(path: string): Map<string, Buffer> {
  const zip = openZip(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const e of zip.entries) {
    out.set(e.name, hasTool('unzip') ? execFileSync('unzip', ['-p', path, e.name], { maxBuffer: 1 << 30 }) : zip.read(e.name));
  }
  return out;
}

describe('an internal bundle', () => {
  it('holds every record at full fidelity, the CSVs, GeoJSON, captures, report and a signed manifest', () => {
    const { cf, dir } = bundleCase();
    const out = join(dir, 'internal.zip');
    const steps: string[] = [];
    const r = exportBundle(cf, { profile: 'internal', filter: {}, out }, (s) => steps.push(s.phase));
    expect(steps).toContain('Adding captures');
    const files = decompressedFiles(out);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as BundleManifest;
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const p of ['data/case.json', 'incidents.geojson', 'report/index.html', 'csv/incidents.csv', 'csv/sources.csv', 'csv/victims.csv', 'csv/belligerents.csv', 'csv/strike_reports.csv']) expect(files.has(p)).toBe(true);
    expect(manifest).toMatchObject({ format: 'casefile-bundle', profile: { name: 'internal' }, exporter: { name: 'Demo editor' } });
    expect(manifest.signature?.algorithm).toBe('ed25519');

    const data = JSON.parse(files.get('data/case.json')!.toString()) as BundleData;
    for (const table of ['incidents', 'victims', 'sources', 'source_incidents', 'captures', 'incident_belligerents', 'grade_history', 'review_decisions', 'people', 'audit_log']) {
      const rows = cf.db.prepare(`SELECT * FROM ${table}`).all();
      expect(data.tables[table], table).toHaveLength(rows.length);
    }
    const stored = cf.db.prepare('SELECT * FROM incidents ORDER BY code').all();
    expect(data.tables.incidents).toEqual(stored);
    expect(Object.keys(data.tables).some((t) => t.startsWith('search_') || t === 'blobs')).toBe(false);
    expect(data.tables.victims!.some((v) => v.name_latin === SECRET.victimLatin)).toBe(true);

    // Captures by hash, byte-identical in an internal bundle.
    for (const c of cf.db.prepare('SELECT sha256, content FROM blobs').all() as { sha256: string; content: Buffer }[]) {
      expect(files.get(`captures/${c.sha256}`)?.equals(c.content)).toBe(true);
    }
    const geo = JSON.parse(files.get('incidents.geojson')!.toString()) as { type: string; features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(stored.length);
    const located = (stored as Record<string, unknown>[]).find((i) => i.latitude !== null)!;
    const f = geo.features.find((x) => x.properties.code === located.code)!;
    expect(f.geometry!.coordinates).toEqual([located.longitude, located.latitude]);
    expect(f.properties).toMatchObject({ grade: located.grade, geo_precision: located.geo_precision, killed_min: located.killed_min, killed_max: located.killed_max });

    // The report: headline as `casefile stats` gives it; a page per incident; text escaped; no remote resource.
    const index = files.get('report/index.html')!.toString();
    const stats = computeStats(cf, { filter: {} });
    const k = stats.headline.killed;
    expect(index).toContain(`<th scope="row">Headline</th><td class="n">${stats.headline.incidents}</td><td class="n">${k.min === k.max ? k.min : `${k.min}–${k.max}`}</td>`);
    const pages = [...files.keys()].filter((p) => p.startsWith('report/incidents/'));
    expect(pages).toHaveLength(stored.length);
    const all = [...files.entries()].filter(([p]) => p.endsWith('.html')).map(([, b]) => b.toString()).join('\n');
    expect(all).not.toContain('<script>');
    expect(all).toContain('Strike on &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;market&quot;');
    expect(all).not.toMatch(/<(link|img|script)[^>]+(src|href)="https?:/);
    expect(all).not.toMatch(/href="\//);

    expect(r.signed).toBe(true);
    expect(verifyBundleFile(out).status).toBe('valid');
    expect(readBundle(out).data.tables.incidents).toHaveLength(stored.length);
  });

  it('loads into an empty case file and gives the same stats as its source', () => {
    const { cf, dir } = bundleCase();
    const out = join(dir, 'internal.zip');
    exportBundle(cf, { profile: 'internal', filter: {}, out });
    const bundle = readBundle(out);
    const { data } = bundle;
    // A plain load of every table as stored, the capture bytes from captures/ (the merge's
    // importer does the same through change()).
    const db = new Database(':memory:');
    for (const { sql } of cf.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").all() as { sql: string }[]) db.exec(sql);
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const [table, rows] of Object.entries(data.tables)) {
        for (const row of rows) {
          const cols = Object.keys(row);
          db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`).run(row);
        }
      }
      for (const c of data.tables.captures ?? []) {
        const bytes = bundle.capture(c.sha256 as string)!;
        db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, content) VALUES (?, ?, ?)').run(c.sha256, bytes.length, bytes);
      }
    })();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const loaded = { ...cf, db };
    expect(computeStats(loaded, { filter: {} })).toEqual(computeStats(cf, { filter: {} }));
    db.close();
  });
});

describe('a publication bundle', () => {
  it('holds no sensitive victim name, internal note, personal source, or GPS/EXIF metadata, in its bytes', () => {
    const { cf, dir, published, draft } = bundleCase();
    const preview = call(cf, 'bundle:preview', { profile: 'publication' });
    const out = join(dir, 'publication.zip');
    exportBundle(cf, { profile: 'publication', filter: {}, out });
    const files = decompressedFiles(out);
    const everything = Buffer.concat([...files.values()]);
    const has = (s: string | Buffer) => everything.includes(typeof s === 'string' ? Buffer.from(s, 'utf8') : s);

    // The checks can fail: what is allowed out is there.
    expect(has(PUBLIC_VICTIM)).toBe(true);
    expect(has(published.code)).toBe(true);
    expect(has('Public photo')).toBe(true);
    // What must not leave.
    expect(has(SECRET.victimLatin)).toBe(false);
    expect(has(SECRET.victimLocal)).toBe(false);
    expect(has(SECRET.note)).toBe(false);
    expect(has('Demo record built from the seed pages')).toBe(false); // the demo's own internal notes
    expect(has(SECRET.personalSourceTitle)).toBe(false);
    expect(has('Transcript:')).toBe(false);
    expect(has(SECRET.exifComment)).toBe(false);
    expect(has(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(has(GPS_RATIONALS)).toBe(false);
    expect(has('GPSLatitude')).toBe(false);
    expect(has('http://ns.adobe.com/xap')).toBe(false);
    expect(has('Demo investigator')).toBe(false); // staff names

    const data = JSON.parse(files.get('data/case.json')!.toString()) as BundleData;
    expect(data.tables.incidents!.every((i) => i.status === 'published')).toBe(true);
    expect(data.tables.incidents!.some((i) => i.id === draft.id)).toBe(false);
    for (const t of ['audit_log', 'review_decisions', 'data_problems', 'people', 'imports']) expect(data.tables[t], t).toBeUndefined();
    // The sensitive victim is counted (its row stays), not named.
    const victims = data.tables.victims!.filter((v) => v.incident_id === published.id);
    expect(victims).toHaveLength(cf.db.prepare('SELECT count(*) FROM victims WHERE incident_id = ?').pluck().get(published.id) as number);
    expect(victims.find((v) => v.sensitive === 1)).toMatchObject({ name_latin: null, name_local: null });

    // Stripped images: the manifest records both hashes, the JPEG's scan data is intact.
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as BundleManifest;
    const stripped = manifest.files.filter((f) => f.originalSha256);
    expect(stripped).toHaveLength(2);
    for (const f of stripped) {
      expect(cf.db.prepare('SELECT count(*) FROM blobs WHERE sha256 = ?').pluck().get(f.originalSha256)).toBe(1);
      expect(files.get(f.path)!.length).toBe(f.size);
    }
    const jpeg = [...files.entries()].find(([p, b]) => p.startsWith('captures/') && b[0] === 0xff && b[1] === 0xd8)![1];
    expect(jpeg.includes(Buffer.from('JFIF'))).toBe(true);
    expect(jpeg.subarray(-4).equals(Buffer.from([0xff, 0x00, 0x78, 0xff, 0xd9]).subarray(-4))).toBe(true);

    // The preview said exactly this beforehand.
    expect(preview.withheld.incidentsLeftOut.map((i) => i.id).sort()).toEqual(
      (cf.db.prepare("SELECT id FROM incidents WHERE status <> 'published' ORDER BY id").pluck().all() as string[]).sort(),
    );
    expect(preview.withheld.victimsUnnamed).toHaveLength(1);
    expect(preview.withheld.sourcesWithheld.map((s) => s.label)).toEqual([SECRET.personalSourceTitle]);
    expect(preview.withheld.capturesWithheld.map((c) => c.why)).toEqual(['its source is withheld']);
    expect(preview.withheld.imagesStripped.map((i) => i.label).sort()).toEqual(['map.png (image/png)', 'street.jpg (image/jpeg)']);
    expect(preview.withheld.notesRemoved.some((n) => n.label === `${published.code}: internal notes`)).toBe(true);
    expect(preview.withheld.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['audit_log', 'people']));
    expect(preview.included.incidents).toBe(data.tables.incidents!.length);
    expect(verifyBundleFile(out).status).toBe('valid');
  });
});

describe('custom profiles and export jobs', () => {
  it('a saved profile is audited, listed, used by export, and deleted', () => {
    const { cf, dir } = bundleCase();
    const internal = call(cf, 'bundle:profiles', {}).profiles.find((p) => p.name === 'internal')!;
    call(cf, 'bundle:saveProfile', { name: 'Press pack', description: 'no captures', rules: { ...internal.rules, includeCaptures: false, statuses: ['published'] } });
    expect(call(cf, 'bundle:profiles', {}).profiles.map((p) => p.name)).toEqual(['publication', 'internal', 'Press pack']);
    expect(cf.db.prepare("SELECT count(*) FROM audit_log WHERE reason = 'Bundle profile created: Press pack'").pluck().get()).toBe(1);
    expect(() => call(cf, 'bundle:saveProfile', { name: 'publication', rules: internal.rules })).toThrow(/built-in profile/);
    const out = join(dir, 'press.zip');
    exportBundle(cf, { profile: 'press pack', filter: {}, out });
    expect(openZip(readFileSync(out)).entries.some((e) => e.name.startsWith('captures/'))).toBe(false);
    expect(call(cf, 'bundle:deleteProfile', { name: 'Press pack' })).toEqual({ deleted: true });
    expect(() => call(cf, 'bundle:preview', { profile: 'Press pack' })).toThrow(/No bundle profile named "Press pack"/);
  });

  it('runs in steps with progress, refuses to overwrite, and a cancelled export leaves no file', () => {
    const { cf, dir } = bundleCase();
    const out = join(dir, 'job.zip');
    let p = call(cf, 'bundle:start', { profile: 'internal', out });
    while (!p.finished) p = call(cf, 'bundle:step', { jobId: p.jobId });
    expect(p.result).toMatchObject({ path: out, signed: true });
    expect(p.done).toBe(p.total);
    expect(() => call(cf, 'bundle:start', { profile: 'internal', out })).toThrow(/already exists/);
    const out2 = join(dir, 'cancelled.zip');
    const started = call(cf, 'bundle:start', { profile: 'internal', out: out2 });
    if (!started.finished) {
      expect(call(cf, 'bundle:cancel', { jobId: started.jobId })).toEqual({ cancelled: true });
      expect(existsSync(out2)).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
