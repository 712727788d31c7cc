/**
 * The Electron main process: one locked-down window showing casefile://app, the case file
 * behind it, the IPC transport and the menu. Bundled to dist/electron/main.cjs.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { join, resolve } from 'node:path';
import { configureImportJobs } from '../../db/import/jobs';
import { createCaseSession, findNativeBinding, type CaseSession } from './caseSession';
import { choosePathWith } from './choosePath';
import { registerContract } from './ipc';
import { buildMenuTemplate, createMenuActions } from './menu';
import { registerAppProtocol, registerSchemePrivileges } from './protocol';
import { APP_ENTRY_URL, applySessionPolicy, hardenWebContents, secureWebPreferences } from './security';
import { guardUnload, LEAVE_DIALOG } from './unloadGuard';

/** dist/electron (this bundle), beside dist/renderer and dist/native. */
const bundleDir = __dirname;
const distDir = resolve(bundleDir, '..');
const rendererRoot = join(distDir, 'renderer');
const preloadPath = join(bundleDir, 'preload.cjs');

const openExternal = (url: string) => shell.openExternal(url);

// Tests (and anyone who wants a separate profile) point userData elsewhere. This comes first:
// the single-instance lock is held per userData folder.
if (process.env.CASEFILE_USER_DATA) app.setPath('userData', resolve(process.env.CASEFILE_USER_DATA));

registerSchemePrivileges(protocol);

let mainWindow: BrowserWindow | null = null;
let caseSession: CaseSession | null = null;
const trustedContents = new Set<number>();

function windowTitle(): string {
  const name = caseSession?.caseName();
  return name ? `Casefile — ${name}` : 'Casefile';
}

function refresh(): void {
  mainWindow?.setTitle(windowTitle());
  installMenu();
}

function installMenu(): void {
  if (!caseSession) return;
  const actions = createMenuActions({
    dialog,
    session: caseSession,
    getWindow: () => mainWindow,
    onChanged: refresh,
    appInfo: { version: app.getVersion(), versions: process.versions },
  });
  const state = { isMac: process.platform === 'darwin', isPackaged: app.isPackaged, recent: caseSession.recent() };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(state, actions)));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: windowTitle(),
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  const id = win.webContents.id;
  trustedContents.add(id);
  hardenWebContents(win.webContents, { openExternal });
  guardUnload(win.webContents, () => dialog.showMessageBoxSync(win, { ...LEAVE_DIALOG, buttons: [...LEAVE_DIALOG.buttons] }) === 0);
  // The title names the case file; the page's <title> does not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    trustedContents.delete(id);
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function start(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { openExternal }));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => caseSession?.close());

  void app.whenReady().then(() => {
    registerAppProtocol(protocol, rendererRoot);
    applySessionPolicy(session.defaultSession);
    const nativeBinding = findNativeBinding(distDir);
    // Imports run in a worker thread: the bundle beside this one (build/scripts/electron-bundles.mjs).
    configureImportJobs({ worker: join(bundleDir, 'importWorker.cjs'), nativeBinding });
    caseSession = createCaseSession({
      userDataDir: app.getPath('userData'),
      nativeBinding,
      showError: (title, message) => dialog.showErrorBox(title, message),
    });
    caseSession.openInitial();
    const current = caseSession;
    registerContract(ipcMain, () => current.current(), (sender) => trustedContents.has(sender.id), {
      'dialog:choosePath': choosePathWith(dialog, () => mainWindow),
    });
    mainWindow = createWindow();
    installMenu();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
