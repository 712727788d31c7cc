/**
 * The window lockdown, in one place: web preferences, the Content-Security-Policy, and the
 * guards every WebContents gets (navigation, new windows, webviews, permissions).
 * OS calls (opening a link in the user's browser) are injected so this is tested in plain Node.
 */
import type { Event, Session, WebContents, WebPreferences } from 'electron';
import { APP_CSP } from '../../shared/csp';

export const APP_SCHEME = 'casefile';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Every renderer runs sandboxed and isolated, without Node, webviews or remote content. */
export const WEB_PREFERENCES = Object.freeze({
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} satisfies WebPreferences);

/** The window's web preferences: the lockdown above plus the bundled preload script. */
export function secureWebPreferences(preload: string): WebPreferences {
  return { ...WEB_PREFERENCES, preload };
}

/** The UI's policy (shared/csp.ts), the same that `casefile serve` sends. */
export const CONTENT_SECURITY_POLICY = APP_CSP;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for casefile://app/... and nothing else (no other host, port or credentials). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** Only web links go to the user's browser: never file:, javascript:, custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:');
}

export interface HardenDeps {
  /** shell.openExternal in the app; a fake in tests. */
  openExternal: (url: string) => unknown;
}

const hardened = new WeakSet<object>();

/**
 * Guard one WebContents: it can show only the app, open no windows, attach no webviews and
 * get no permissions. Web links the user clicks open in the OS browser instead. Idempotent.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const openOutside = (url: string) => {
    if (isExternalWebUrl(url)) void Promise.resolve(deps.openExternal(url)).catch(() => undefined);
  };

  contents.on('will-navigate', (event: Event & { url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event: Event & { url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  denyPermissions(contents.session);
}

/** No camera, microphone, geolocation, notifications, clipboard reads… for anyone. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Put the CSP on every response the session sees (the protocol sets it too). */
export function applySessionPolicy(session: Session): void {
  denyPermissions(session);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
