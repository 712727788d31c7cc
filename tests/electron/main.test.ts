/**
 * The main process wired together (electron/main/index.ts) against a fake `electron` module:
 * what a user would notice is that the one window is locked down, shows the app, and reaches
 * the demo case through IPC, and that nothing else can.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, WEB_PREFERENCES } from '../../electron/main/security';
import { CHANNELS, type Result } from '../../shared/contract';
import { tempDir } from '../helpers/caseFiles';
import { FakeIpcMain, FakeSession, FakeWebContents, invokeEvent } from './fakes';


function fakeElectron(opts: { gotLock?: boolean } = {}) {
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: vi.fn((_name: string, _value: string): void => undefined),
    getPath: vi.fn(() => app.userData),
    userData: '',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('lock');
      return opts.gotLock ?? true;
    }),
    whenReady: vi.fn(() => readyPromise),
    isReady: () => true,
    quit: vi.fn(),
  });
  app.setPath.mockImplementation((name: string, value: string) => {
    calls.push(`setPath:${name}`);
    if (name === 'userData') app.userData = value;
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    setTitle = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    static getAllWindows = () => windows;
  }
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  const defaultSession = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const Menu = { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() };
  const dialog = { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() };
  const shell = { openExternal: vi.fn(async () => undefined) };
  const module = { app, BrowserWindow: FakeWindow, protocol, session: { defaultSession }, ipcMain, Menu, dialog, shell };
  return { module, ready, calls, app, windows, protocol, defaultSession, ipcMain, Menu, dialog, shell };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const savedEnv = process.env.CASEFILE_USER_DATA;
let userData: string;
let running: { app: EventEmitter } | null = null;

beforeEach(() => {
  userData = join(tempDir(), 'profile');
  process.env.CASEFILE_USER_DATA = userData;
  vi.resetModules();
});
afterEach(() => {
  running?.app.emit('will-quit'); // closes the case file the app opened
  running = null;
  if (savedEnv === undefined) delete process.env.CASEFILE_USER_DATA;
  else process.env.CASEFILE_USER_DATA = savedEnv;
});

async function start(opts: { gotLock?: boolean } = {}) {
  const e = fakeElectron(opts);
  vi.doMock('electron', () => e.module);
  await import('../../electron/main/index');
  running = e;
  return e;
}

async function startReady() {
  const e = await start();
  e.ready();
  await flush();
  const window = e.windows[0];
  if (!window) throw new Error('no window was created');
  return { ...e, window };
}

describe('before the app is ready', () => {
  it('uses CASEFILE_USER_DATA, then takes the single-instance lock and registers the scheme', async () => {
    const e = await start();
    expect(e.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(e.calls.indexOf('setPath:userData')).toBeLessThan(e.calls.indexOf('lock'));
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'casefile', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(e.windows).toHaveLength(0);
  });

  it('a second instance quits without opening a window', async () => {
    const e = await start({ gotLock: false });
    e.ready();
    await flush();
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
  });
});

describe('the window', () => {
  it('is created locked down, hidden until ready, with the bundled preload', async () => {
    const { window } = await startReady();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ ...WEB_PREFERENCES });
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('loads the app from casefile://app and is titled with the demo case', async () => {
    const { window } = await startReady();
    expect(window.loadURL).toHaveBeenCalledWith('casefile://app/index.html');
    expect(window.options.title).toMatch(/^Casefile — Demo case/);
    const event = { preventDefault: vi.fn() };
    window.emit('page-title-updated', event, 'Casefile');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('cannot be navigated away or open windows', async () => {
    const { window, shell } = await startReady();
    expect(window.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(window.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://evil.example/');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('when ready', () => {
  it('serves the renderer on casefile:// with the CSP, refusing traversal', async () => {
    const e = await startReady();
    expect(e.protocol.handle).toHaveBeenCalledWith('casefile', expect.any(Function));
    const handler = e.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const escaped = await handler(new Request('casefile://app/..%2f..%2fpackage.json'));
    expect(escaped.status).toBe(403);
    expect(escaped.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('puts the CSP on the default session and denies its permissions', async () => {
    const e = await startReady();
    const callback = vi.fn();
    e.defaultSession.headersListener!({ responseHeaders: {} }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    const granted = vi.fn();
    e.defaultSession.permissionRequest!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('answers every channel for the window, from the demo case, and refuses other senders', async () => {
    const e = await startReady();
    expect(new Set(e.ipcMain.handlers.keys())).toEqual(new Set(CHANNELS));
    const fromWindow = invokeEvent(e.window.webContents, 'casefile://app/index.html#/incidents');
    const info = (await e.ipcMain.invoke('case:info', fromWindow, {})) as Result<{ path: string; counts: { incidents: number } }>;
    expect(info.ok).toBe(true);
    if (info.ok) {
      expect(info.value.path).toBe(join(userData, 'demo.casefile'));
      expect(info.value.counts.incidents).toBeGreaterThan(0);
    }
    const stranger = invokeEvent(new FakeWebContents(), 'casefile://app/index.html');
    expect(await e.ipcMain.invoke('case:info', stranger, {})).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('hardens every web contents created later', async () => {
    const e = await startReady();
    const later = new FakeWebContents();
    e.app.emit('web-contents-created', {}, later);
    expect(later.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(later.windowOpenHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('installs the menu with File → New and Open', async () => {
    const e = await startReady();
    const template = e.Menu.setApplicationMenu.mock.calls.at(-1)![0] as { label?: string; submenu?: { label?: string }[] }[];
    const file = template.find((m) => m.label === 'File')!;
    expect(file.submenu!.map((i) => i.label)).toEqual(expect.arrayContaining(['New Case File…', 'Open…', 'Open Recent']));
  });
});

describe('closing windows', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => Object.defineProperty(process, 'platform', platform));

  it('quits when the last window closes, except on macOS', async () => {
    const e = await startReady();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    e.app.emit('window-all-closed');
    expect(e.app.quit).not.toHaveBeenCalled();
    Object.defineProperty(process, 'platform', { value: 'linux' });
    e.app.emit('window-all-closed');
    expect(e.app.quit).toHaveBeenCalledTimes(1);
  });

  it('closes the case file when the app quits', async () => {
    const e = await startReady();
    const fromWindow = invokeEvent(e.window.webContents, 'casefile://app/index.html');
    e.app.emit('will-quit');
    expect(await e.ipcMain.invoke('case:info', fromWindow, {})).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'No case file is open. Use File → Open…' },
    });
  });
});
