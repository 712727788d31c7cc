import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createZipWriter, openZip, unsafeNameReason, ZipSafetyError } from '../../db/bundle/zip';
import { rawZip } from '../helpers/rawZip';

function refusal(buf: Buffer): ZipSafetyError {
  try {
    openZip(buf);
  } catch (e) {
    if (e instanceof ZipSafetyError) return e;
    throw e;
  }
  throw new Error('the archive was accepted');
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'casefile-zip-'));
}

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('zip writer', () => {
  it('writes an archive the reader and Info-ZIP read back byte for byte', () => {
    const dir = tmp();
    const path = join(dir, 'a.zip');
    const w = createZipWriter(path);
    const text = Buffer.from('naïve café, مرحبا\n'.repeat(500));
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    w.add('data/case.json', text);
    w.add('captures/abc', binary, { store: true });
    w.add('empty.txt', Buffer.alloc(0));
    w.addCompressed('pre/deflated.txt', { method: 8, body: deflateRawSync(text), crc: crc32(text) >>> 0, size: text.length });
    const size = w.finish();
    const bytes = readFileSync(path);
    expect(size).toBe(bytes.length);
    expect(w.sha256()).toBe(createHash('sha256').update(bytes).digest('hex'));
    const zip = openZip(bytes);
    expect(zip.entries.map((e) => e.name)).toEqual(['data/case.json', 'captures/abc', 'empty.txt', 'pre/deflated.txt']);
    expect(zip.read('pre/deflated.txt').equals(text)).toBe(true);
    expect(zip.read('data/case.json').equals(text)).toBe(true);
    expect(zip.read('captures/abc').equals(binary)).toBe(true);
    expect(zip.read('empty.txt').length).toBe(0);
    expect(zip.entries[0]!.compressedSize).toBeLessThan(text.length);
    expect(zip.entries[1]!.method).toBe(0);
    if (hasTool('unzip')) {
      execFileSync('unzip', ['-tq', path]);
      expect(execFileSync('unzip', ['-p', path, 'data/case.json']).equals(text)).toBe(true);
      expect(execFileSync('unzip', ['-p', path, 'pre/deflated.txt']).equals(text)).toBe(true);
    }
  });

  it('refuses to write an unsafe or repeated name', () => {
    const w = createZipWriter(join(tmp(), 'b.zip'));
    expect(() => w.add('../evil', Buffer.from('x'))).toThrow(/"\.\.\/evil" has a "\.\." segment/);
    w.add('a.txt', Buffer.from('x'));
    expect(() => w.add('A.TXT', Buffer.from('y'))).toThrow(/added twice/);
    w.abort();
  });
});

describe('zip reader refuses unsafe archives before reading any entry', () => {
  const ok = { name: 'fine.txt' };
  it.each([
    ['/etc/passwd', /"\/etc\/passwd" has an absolute path/],
    ['../../home/x/.bashrc', /has a "\.\." segment/],
    ['data/../../x', /has a "\.\." segment/],
    ['data\\..\\x', /uses a backslash/],
    ['C:/Windows/x', /starts with a drive letter/],
    ['a//b', /empty or "\." path segment/],
    ['a\u0000b', /control character/],
  ])('a path like %j', (name, message) => {
    const e = refusal(rawZip([ok, { name }]));
    expect(e.message).toMatch(message);
    expect(e.entry).toBe(name);
  });

  it('a symbolic link', () => {
    const e = refusal(rawZip([ok, { name: 'link', data: Buffer.from('/etc/passwd'), method: 0, external: (0o120777 << 16) >>> 0 }]));
    expect(e.message).toBe('Refused: entry "link" is a symbolic link.');
  });

  it('a device or pipe', () => {
    expect(refusal(rawZip([{ name: 'fifo', external: (0o010644 << 16) >>> 0 }])).message).toMatch(/"fifo" is not a regular file/);
  });

  it('duplicate names, also differing only in case', () => {
    expect(refusal(rawZip([{ name: 'a.txt' }, { name: 'a.txt' }])).message).toBe('Refused: entry "a.txt" appears twice.');
    expect(refusal(rawZip([{ name: 'Report.html' }, { name: 'report.HTML' }])).message).toMatch(/"Report.html" and "report.HTML" differ only in case/);
  });

  it('an encrypted entry', () => {
    expect(refusal(rawZip([ok, { name: 'secret.txt', flags: 1 }])).message).toBe('Refused: entry "secret.txt" is encrypted.');
  });

  it('an unknown compression method', () => {
    const buf = rawZip([{ name: 'x.bin', method: 0 }]);
    // Patch both headers' method to 12 (bzip2).
    buf.writeUInt16LE(12, 8);
    buf.writeUInt16LE(12, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(refusal(buf).message).toMatch(/"x.bin" uses compression method 12/);
  });

  it('a stored entry whose declared size differs from its bytes', () => {
    expect(refusal(rawZip([{ name: 'x.txt', method: 0, declaredSize: 3 }])).message).toMatch(/stored entry "x.txt" declares 3 bytes but holds/);
  });

  it('an absurd compression ratio (a zip bomb)', () => {
    const huge = Buffer.alloc(50 * 1024 * 1024);
    const e = refusal(rawZip([{ name: 'bomb.txt', data: huge }]));
    expect(e.message).toMatch(/entry "bomb.txt" would expand \d+ times .* a zip bomb/);
  });

  it('a total uncompressed size beyond the limit', () => {
    const data = Buffer.alloc(2 * 1024 * 1024, 'a');
    const buf = rawZip([{ name: 'a' , data }, { name: 'b', data }]);
    expect(() => openZip(buf, { maxTotalSize: 3 * 1024 * 1024, maxRatio: 1e9, ratioMinSize: 0, maxEntries: 10 })).toThrow(/expand to more than 3145728 bytes \(at "b"\): a zip bomb/);
  });

  it('overlapping entries (the same bytes counted twice)', () => {
    expect(refusal(rawZip([{ name: 'a.txt' }, { name: 'b.txt', reuseOffsetOf: 0 }])).message).toMatch(/is named "a.txt" in its local header|overlap/);
  });

  it('not a zip at all, or a truncated one', () => {
    expect(refusal(Buffer.from('just some text that is long enough')).message).toMatch(/Not a zip archive/);
    const good = rawZip([ok]);
    expect(refusal(good.subarray(0, good.length - 5)).message).toMatch(/Not a zip archive/);
  });
});

describe('zip reader checks what it inflates', () => {
  it('an entry that inflates to more than it declares is stopped at the declared size', () => {
    const data = Buffer.alloc(100_000, 'z');
    const zip = openZip(rawZip([{ name: 'liar.txt', data, declaredSize: 1000 }]), { maxTotalSize: 1e9, maxRatio: 1e9, ratioMinSize: 1e9, maxEntries: 10 });
    expect(() => zip.read('liar.txt')).toThrow(/"liar.txt" inflates to more than the 1000 bytes it declares/);
  });

  it('an entry that inflates to less than it declares', () => {
    const zip = openZip(rawZip([{ name: 'short.txt', data: Buffer.from('abc'), declaredSize: 10 }]));
    expect(() => zip.read('short.txt')).toThrow(/"short.txt" declares 10 bytes but holds 3/);
  });

  it('an altered byte fails the CRC', () => {
    const data = Buffer.from('the original text');
    const buf = rawZip([{ name: 't.txt', data, method: 0 }]);
    buf[buf.indexOf(data)] = 'T'.charCodeAt(0);
    expect(() => openZip(buf).read('t.txt')).toThrow(/"t.txt" fails its CRC-32 check/);
  });

  it('a damaged deflate stream is named', () => {
    const zip = openZip(rawZip([{ name: 'bad.txt', data: Buffer.from('abc'), body: Buffer.from([0xff, 0xff, 0xff]) }]));
    expect(() => zip.read('bad.txt')).toThrow(/"bad.txt" cannot be inflated/);
  });

  it('accepts archives from Info-ZIP', () => {
    if (!hasTool('zip')) return console.warn('skipped: the zip command is not installed (apt-get install zip)');
    const dir = tmp();
    writeFileSync(join(dir, 'x.txt'), 'hello');
    execFileSync('zip', ['-q', join(dir, 'x.zip'), 'x.txt'], { cwd: dir });
    expect(openZip(readFileSync(join(dir, 'x.zip'))).read('x.txt').toString()).toBe('hello');
  });

  it('names a safe relative path as safe', () => {
    expect(unsafeNameReason('report/incidents/CS1.html')).toBeNull();
  });
});
