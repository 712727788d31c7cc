/**
 * The desktop app itself, driven by Playwright: it opens on the demo case's Incidents page and
 * its window is locked down. Needs the Electron binary and `npm run build` (dist/electron,
 * dist/renderer, dist/native); skips, saying why, where the binary is not installed.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, repoRoot } from '../../build/scripts/electron-binary.mjs';

const binary = findElectronBinary();
const electronBinaryExists = binary.path !== null;

test.skip(
  !electronBinaryExists,
  `Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); this spec runs where the binary exists.${
    binary.path === null ? ` Reason: ${binary.reason}` : ''
  }`,
);

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  // Its own profile: a fresh demo case, no recent files, no single-instance clash.
  userData = mkdtempSync(join(tmpdir(), 'casefile-electron-'));
  app = await electron.launch({
    args: ['.'],
    cwd: repoRoot,
    env: { ...process.env, CASEFILE_USER_DATA: userData },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('opens on the demo case’s Incidents page', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveURL(/^casefile:\/\/app\/index\.html#\/incidents/);
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
  await expect(page.getByTestId('incident-row').first()).toBeVisible();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/^Casefile — Demo case/);
});

test('the window is locked down', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown>;
    };
    const p = contents.getLastWebPreferences();
    return {
      sandbox: p.sandbox,
      contextIsolation: p.contextIsolation,
      nodeIntegration: p.nodeIntegration,
      nodeIntegrationInWorker: p.nodeIntegrationInWorker,
      webviewTag: p.webviewTag,
      webSecurity: p.webSecurity,
    };
  });
  expect(prefs).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
  });

  // The page sees the bridge and nothing of Node or Electron.
  const seen = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((window as unknown as { casefile: object }).casefile).sort(),
    transport: (window as unknown as { casefile: { transport: string } }).casefile.transport,
  }));
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'transport'], transport: 'electron' });

  // An unknown channel is refused by the preload.
  const refused = await page.evaluate(() =>
    (window as unknown as { casefile: { invoke(c: string, i: unknown): Promise<unknown> } }).casefile.invoke('shell:open', {}),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

  // The CSP is in force: inline script does not run.
  const inlineRan = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.appendChild(s);
    return Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan);
  });
  expect(inlineRan).toBe(false);

  // Links cannot replace the app, nor open new windows: web links go to the OS browser
  // (recorded here instead of launching one), anything else goes nowhere.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { opened: string[] }).opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  await page.evaluate(() => {
    window.open('https://example.org/popup', '_blank');
    window.open('file:///etc/passwd', '_blank');
    window.location.href = 'https://example.org/navigate';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
    .toEqual(['https://example.org/popup', 'https://example.org/navigate']);
  expect(page.url()).toMatch(/^casefile:\/\/app\//);
  expect(app.windows()).toHaveLength(1);
});
