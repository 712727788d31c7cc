import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../cli/serve/server';
import { incidentInput, snapshot, tempCaseFile, tempDir } from '../helpers/caseFiles';
import { call } from '../../db/handlers';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function serve() {
  const cf = tempCaseFile();
  call(cf, 'incidents:create', { incident: incidentInput({ code: 'S1' }) });
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Casefile</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  running = await startServer({ cf, staticDir: dir });
  return { cf, srv: running };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that the Host header and path can be anything. */
function raw(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const invoke = (srv: RunningServer, headers: Record<string, string>, body: unknown) =>
  raw(srv.port, {
    method: 'POST',
    path: '/api/invoke',
    headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('casefile serve', () => {
  it('listens on 127.0.0.1 only and prints a URL with a random token', async () => {
    const { srv } = await serve();
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${srv.token}`);
    expect(srv.token.length).toBeGreaterThanOrEqual(32);
    const other = await startServer({ cf: tempCaseFile(), staticDir: tempDir() });
    expect(other.token).not.toBe(srv.token);
    await other.close();
  });

  it('answers the contract with the right token', async () => {
    const { srv } = await serve();
    const r = await invoke(srv, { authorization: `Bearer ${srv.token}` }, { channel: 'incidents:list', input: {} });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { total: 1, rows: [{ code: 'S1' }] } });
  });

  it('refuses a request without the token, or with a wrong one, and writes nothing', async () => {
    const { srv, cf } = await serve();
    const before = snapshot(cf);
    const create = { channel: 'incidents:create', input: { incident: incidentInput({ code: 'EVIL' }) } };
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: srv.token }, { authorization: `Bearer ${srv.token}x` }]) {
      const r = await invoke(srv, headers, create);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(snapshot(cf)).toEqual(before);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const { srv } = await serve();
    for (const host of ['evil.example', `evil.example:${srv.port}`, `127.0.0.1:${srv.port + 1}`]) {
      const api = await invoke(srv, { host, authorization: `Bearer ${srv.token}` }, { channel: 'case:info', input: {} });
      expect(api.status, host).toBe(403);
      const page = await raw(srv.port, { path: '/', headers: { host } });
      expect(page.status, host).toBe(403);
    }
    // HTTP/1.0 without any Host header.
    const noHost = await new Promise<string>((resolve) => {
      const sock = connect(srv.port, '127.0.0.1', () => sock.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      sock.on('data', (c) => (text += c));
      sock.on('close', () => resolve(text));
    });
    expect(noHost).toMatch(/^HTTP\/1\.[01] 403/);
    const local = await raw(srv.port, { path: '/', headers: { host: `localhost:${srv.port}` } });
    expect(local.status).toBe(200);
  });

  it('refuses a cross-origin browser request', async () => {
    const { srv } = await serve();
    const r = await invoke(srv, { authorization: `Bearer ${srv.token}`, origin: 'http://evil.example' }, { channel: 'case:info', input: {} });
    expect(r.status).toBe(403);
  });

  it('turns bad requests into readable errors', async () => {
    const { srv } = await serve();
    const auth = { authorization: `Bearer ${srv.token}` };
    const unknown = JSON.parse((await invoke(srv, auth, { channel: 'db:drop', input: {} })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const notJson = await raw(srv.port, { method: 'POST', path: '/api/invoke', headers: { host: `127.0.0.1:${srv.port}`, ...auth }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const get = await raw(srv.port, { path: '/api/invoke', headers: { host: `127.0.0.1:${srv.port}`, ...auth } });
    expect(get.status).toBe(405);
  });

  it('serves the UI with a strict CSP and nothing outside it', async () => {
    const { srv } = await serve();
    const host = { host: `127.0.0.1:${srv.port}` };
    const index = await raw(srv.port, { path: `/?token=${srv.token}`, headers: host });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Casefile</title>');
    expect(String(index.headers['content-security-policy'])).toMatch(/^default-src 'none'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw(srv.port, { path: '/assets/app.js', headers: host })).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const r = await raw(srv.port, { path, headers: host });
      expect([403, 404], path).toContain(r.status);
      expect(r.body).not.toContain('secret');
    }
    expect((await raw(srv.port, { path: '/missing.js', headers: host })).status).toBe(404);
  });
});
