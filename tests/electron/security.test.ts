import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  applySessionPolicy,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAppUrl,
  isExternalWebUrl,
  secureWebPreferences,
  WEB_PREFERENCES,
} from '../../electron/main/security';
import { FakeSession, FakeWebContents } from './fakes';

function hardened() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { openExternal });
  return { contents, openExternal };
}

describe('the window', () => {
  it('is sandboxed and isolated, without Node, webviews or insecure content', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('cannot have its lockdown changed at run time', () => {
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(() => {
      (WEB_PREFERENCES as { sandbox: boolean }).sandbox = false;
    }).toThrow();
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it("starts from default-src 'none'", () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
  });

  it('allows only the app itself to run scripts: no eval, no inline script, no remote host', () => {
    expect(directives.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives.get('connect-src')).toBe("'self'");
  });

  it('allows what the UI needs and forbids objects, forms, base and framing', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'child-src': 'blob:',
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
  });

  it('is put on every response of the session, replacing any other policy', () => {
    const session = new FakeSession();
    applySessionPolicy(session as unknown as Session);
    const callback = vi.fn();
    session.headersListener!(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('navigation', () => {
  it('stays on the app: in-app URLs go ahead', () => {
    const { contents } = hardened();
    expect(contents.navigate('will-navigate', 'casefile://app/index.html#/incidents')).toBe(false);
  });

  it('never replaces the app with a web page; the link opens in the browser instead', () => {
    const { contents, openExternal } = hardened();
    expect(contents.navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/phish');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'casefile://evil/index.html', 'casefile://app:8080/x', 'data:text/html,hi'])(
    'refuses %s and does not hand it to the OS',
    (url) => {
      const { contents, openExternal } = hardened();
      expect(contents.navigate('will-navigate', url)).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('refuses redirects away from the app without opening anything', () => {
    const { contents, openExternal } = hardened();
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'casefile://app/index.html')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reads the URL from the event, not only the deprecated argument', () => {
    const { contents } = hardened();
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('new windows, webviews and permissions', () => {
  it('denies every window.open; web links open in the OS browser', () => {
    const { contents, openExternal } = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://airwars.org/civilian-casualties/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://airwars.org/civilian-casualties/', 'http://example.org/']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'casefile://app/index.html', 'smb://host/share', 'not a url'])(
    'denies window.open(%s) and opens nothing',
    (url) => {
      const { contents, openExternal } = hardened();
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('refuses to attach a webview', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { contents } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      contents.session.permissionRequest!(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(contents.session.permissionCheck!(contents, permission, 'casefile://app', {})).toBe(false);
    }
  });

  it('hardens a WebContents once, so one click opens one browser tab', () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { openExternal });
    hardenWebContents(contents as unknown as WebContents, { openExternal });
    contents.navigate('will-navigate', 'https://example.org/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('URL checks', () => {
  it('knows the app origin', () => {
    expect(isAppUrl('casefile://app/index.html')).toBe(true);
    expect(isAppUrl('casefile://app/')).toBe(true);
    expect(isAppUrl('casefile://user:pw@app/')).toBe(false);
    expect(isAppUrl('casefile://application/')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('treats only http(s) as external web links', () => {
    expect(isExternalWebUrl('https://x.org')).toBe(true);
    expect(isExternalWebUrl('HTTP://x.org')).toBe(true);
    expect(isExternalWebUrl('file:///x')).toBe(false);
    expect(isExternalWebUrl('javascript:void 0')).toBe(false);
    expect(isExternalWebUrl('mailto:a@b.c')).toBe(false);
  });
});
