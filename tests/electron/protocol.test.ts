import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import {
  APP_SCHEME_PRIVILEGES,
  registerAppProtocol,
  registerSchemePrivileges,
  resolveAppPath,
  serveAppRequest,
} from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { tempDir } from '../helpers/caseFiles';

const SECRET = 'the case file password is hunter2';

/** A renderer build in <tmp>/dist/renderer, with a secret beside it that must stay unreachable. */
function site() {
  const base = tempDir();
  const root = join(base, 'dist', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Casefile</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(base, 'dist', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  return root;
}

describe('the casefile:// scheme', () => {
  it('is registered as a standard, secure scheme that supports fetch', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerSchemePrivileges(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'casefile', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves the renderer folder through protocol.handle', async () => {
    const root = site();
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol as unknown as Pick<Protocol, 'handle'>, root);
    expect(protocol.handle).toHaveBeenCalledWith('casefile', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const response = await handler(new Request('casefile://app/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Casefile</title>');
  });
});

describe('serving files', () => {
  it('serves index.html, scripts and styles with their MIME types and the CSP', async () => {
    const root = site();
    for (const [url, type] of [
      ['casefile://app/index.html', 'text/html'],
      ['casefile://app/', 'text/html'],
      ['casefile://app/assets/index-abc.js', 'text/javascript'],
      ['casefile://app/assets/index-abc.css', 'text/css'],
    ] as const) {
      const r = await serveAppRequest(root, { url });
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toContain(type);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 404, with the CSP, for a file that does not exist or is a folder', async () => {
    const root = site();
    for (const url of ['casefile://app/nope.js', 'casefile://app/assets', 'casefile://app/assets/']) {
      const r = await serveAppRequest(root, { url });
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each([
    'casefile://app/..%2fsecret.txt',
    'casefile://app/..%2f..%2fsecret.txt',
    'casefile://app/assets/..%2f..%2fsecret.txt',
    'casefile://app/%2e%2e%2fsecret.txt',
    'casefile://app/..%5csecret.txt',
    'casefile://app/%2e%2e/%2e%2e/secret.txt',
    'casefile://app/../../secret.txt',
    'casefile://app/index.html%00.js',
    'casefile://app/%E0%A4%A',
    'casefile://elsewhere/index.html',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const root = site();
    const r = await serveAppRequest(root, { url });
    expect(r.status).not.toBe(200);
    expect(await r.text()).not.toContain(SECRET);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses encoded ../ outright (403), not as a missing file', async () => {
    const root = site();
    expect(resolveAppPath(root, 'casefile://app/..%2f..%2fsecret.txt')).toBeNull();
    expect((await serveAppRequest(root, { url: 'casefile://app/..%2fsecret.txt' })).status).toBe(403);
  });

  it('refuses anything but GET and HEAD', async () => {
    const root = site();
    expect((await serveAppRequest(root, { url: 'casefile://app/index.html', method: 'POST' })).status).toBe(405);
    const head = await serveAppRequest(root, { url: 'casefile://app/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
