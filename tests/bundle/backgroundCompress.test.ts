/**
 * The export's pieces (db/bundle/jsonChunks.ts, db/bundle/backgroundCompress.ts): JSON written
 * in pieces is exactly JSON.stringify's text, and files compressed on the worker thread come back
 * with the CRC-32, SHA-256 and size of their bytes and a body that inflates to them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBundleSteps } from '../../db/bundle/export';
import { verifyBundleFile } from '../../db/bundle/verify';
import { bundleCase } from '../helpers/bundleCase';
import { backgroundCompressor, type BackgroundCompressor, type CompressedFile } from '../../db/bundle/backgroundCompress';
import { jsonChunks, jsonTextChunks } from '../../db/bundle/jsonChunks';

const sample = {
  format: 'casefile-bundle-data',
  formatVersion: 1,
  skipped: undefined,
  caseId: 'c-1',
  tables: {
    incidents: Array.from({ length: 2503 }, (_, i) => ({ id: `i-${i}`, place: i % 7 ? 'Raqqa' : 'الرقة "old city"\n', killed: i % 3 ? i : null, at: new Date(Date.UTC(2017, 0, 1 + (i % 28))), gone: undefined })),
    empty: [],
    one: [{ a: 1 }],
    sparse: [undefined, 1, () => 2],
  },
  versions: { incidents: Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`i-${i}`, [`v${i}`, `deleted:v${i}`]])) },
  nothing: null,
};

describe('JSON in pieces', () => {
  it('joins to exactly JSON.stringify(value), whatever the piece size', () => {
    const whole = JSON.stringify(sample);
    for (const rowsPerChunk of [1, 7, 1000, 5000]) expect([...jsonChunks(sample, { rowsPerChunk })].join('')).toBe(whole);
    const joined = [...jsonTextChunks(sample, 10_000, { rowsPerChunk: 100 })];
    expect(joined.length).toBeGreaterThan(5);
    expect(joined.join('')).toBe(whole);
    for (const v of [[], {}, 'text', 3, null, [1, [2, [3, [4]]]], { a: { b: { c: { d: [1] } } } }]) expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v));
  });
});

describe('the background compressor', () => {
  let c: BackgroundCompressor | undefined;
  afterEach(() => c?.close());

  const takeAll = (comp: BackgroundCompressor): Map<string, CompressedFile> => {
    const out = new Map<string, CompressedFile>();
    while (comp.pending() > 0) for (const f of comp.take(50)) out.set(f.name, f);
    return out;
  };
  const check = (f: CompressedFile | undefined, bytes: Buffer) => {
    expect(f).toBeDefined();
    expect(f!.size).toBe(bytes.length);
    expect(f!.crc).toBe(crc32(bytes) >>> 0);
    expect(f!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(f!.method === 8 ? inflateRawSync(f!.body) : f!.body).toEqual(bytes);
  };

  it('returns whole files and a file given in pieces, each with its CRC, hash and size', () => {
    c = backgroundCompressor();
    const text = 'incident,place\n'.repeat(5000) + 'الرقة\n';
    const random = createHash('sha512').update('seed').digest(); // 64 bytes deflate cannot shrink
    c.file('a.csv', text);
    c.begin('data.json');
    const pieces = [...jsonTextChunks(sample, 50_000, { rowsPerChunk: 200 })];
    for (const p of pieces) c.chunk(p);
    c.end();
    c.file('empty.txt', Buffer.alloc(0));
    c.file('random.bin', random);
    expect(c.pending()).toBe(4);
    expect(c.backlog()).toBe(text.length + random.length); // whole files only
    const got = takeAll(c);
    expect(c.backlog()).toBe(0);
    check(got.get('a.csv'), Buffer.from(text, 'utf8'));
    check(got.get('data.json'), Buffer.from(JSON.stringify(sample), 'utf8'));
    expect(got.get('data.json')!.method).toBe(8);
    check(got.get('empty.txt'), Buffer.alloc(0));
    check(got.get('random.bin'), random);
    expect(got.get('random.bin')!.method).toBe(0); // stored: deflate would make it larger
    expect(c.pending()).toBe(0);
    expect(c.take(10)).toEqual([]);
  });

  it('works where the thread may not block on Atomics.wait (it watches the flag instead)', () => {
    c = backgroundCompressor({ blockingWait: false });
    const text = 'a spreadsheet row\n'.repeat(20_000);
    c.file('b.csv', text);
    const got = takeAll(c);
    check(got.get('b.csv'), Buffer.from(text, 'utf8'));
  });

  it('refuses misuse: pieces without begin, a whole file while pieces are open, use after close', () => {
    c = backgroundCompressor();
    expect(() => c!.chunk('x')).toThrow(/without begin/);
    c.begin('d');
    expect(() => c!.file('e', 'x')).toThrow(/not ended/);
    c.close();
    expect(() => c!.end()).toThrow(/after close/);
  });
});

describe('an export using the compressor', () => {
  it('stopped halfway (cancel) leaves no file; run to the end, its bundle verifies', () => {
    const { cf, dir } = bundleCase();
    const out = join(dir, 'halfway.zip');
    const steps = exportBundleSteps(cf, { profile: 'internal', filter: {}, out });
    const phases: string[] = [];
    for (let r = steps.next(); !r.done && !phases.includes('Adding captures'); r = steps.next()) phases.push(r.value.phase);
    expect(phases).toContain('Writing spreadsheets and map data');
    steps.return(undefined as never); // what bundle:cancel does
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const whole = exportBundleSteps(cf, { profile: 'internal', filter: {}, out });
    let r = whole.next();
    while (!r.done) r = whole.next();
    expect(r.value.manifest.files[0]!.path).toBe('data/case.json');
    expect(verifyBundleFile(out).status).toBe('valid');
  });
});
