import { describe, expect, it } from 'vitest';
import { createHttpBridge, takeToken } from './bridge';

function fakeWindow(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const win = {
    location: { href },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        win.location.href = new URL(url, win.location.href).href;
      },
    },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    },
  };
  return { win: win as unknown as Window, storage, location: win.location };
}

function respond(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
}

describe('token', () => {
  it('takes the token from the URL, keeps it for the tab, and removes it from the address bar', () => {
    const { win, storage, location } = fakeWindow('http://127.0.0.1:4000/?token=abc&x=1#/incidents?grade=fair');
    expect(takeToken(win)).toBe('abc');
    expect(storage.get('casefile.token')).toBe('abc');
    expect(location.href).toBe('http://127.0.0.1:4000/?x=1#/incidents?grade=fair');
  });

  it('finds the kept token after a reload', () => {
    const { win } = fakeWindow('http://127.0.0.1:4000/#/dashboard', { 'casefile.token': 'kept' });
    expect(takeToken(win)).toBe('kept');
  });
});

describe('HTTP bridge', () => {
  it('posts the channel and input with the bearer token, and returns the Result as sent', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl: typeof fetch = async (url, init) => {
      seen = { url: String(url), init: init! };
      return new Response(JSON.stringify({ ok: true, value: { total: 0, rows: [] } }), { status: 200 });
    };
    const bridge = createHttpBridge('t0k', '/api/invoke', fetchImpl);
    const result = await bridge.invoke('incidents:list', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { total: 0, rows: [] } });
    expect(seen!.url).toBe('/api/invoke');
    expect(seen!.init.method).toBe('POST');
    expect(seen!.init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: 'Bearer t0k' });
    expect(JSON.parse(String(seen!.init.body))).toEqual({ channel: 'incidents:list', input: { limit: 5 } });
  });

  it('passes a handler error through unchanged', async () => {
    const error = { code: 'not_found', message: 'No incident with id x in this case file.' };
    const bridge = createHttpBridge('t', '/api/invoke', respond(200, JSON.stringify({ ok: false, error })));
    expect(await bridge.invoke('incidents:get', { id: 'x' })).toEqual({ ok: false, error });
  });

  it.each([
    [401, '{"ok":false,"error":{"code":"refused","message":"wrong token"}}', /refused access \(HTTP 401\)/],
    [403, 'Forbidden', /refused access \(HTTP 403\)/],
    [500, '<html>oops</html>', /unreadable answer \(HTTP 500\)/],
    [200, '{"hello":1}', /unexpected answer/],
  ])('turns HTTP %i into a refusal a person can act on', async (status, body, message) => {
    const result = await createHttpBridge('t', '/api/invoke', respond(status, body)).invoke('case:info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('refused');
      expect(result.error.message).toMatch(message);
    }
  });

  it('refuses without calling the server when there is no token', async () => {
    let called = false;
    const bridge = createHttpBridge(null, '/api/invoke', async () => ((called = true), new Response('{}')));
    const result = await bridge.invoke('case:info', {});
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('says when the server cannot be reached', async () => {
    const bridge = createHttpBridge('t', '/api/invoke', async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await bridge.invoke('case:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Cannot reach/) } });
  });
});
