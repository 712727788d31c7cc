/**
 * The application menu and what its File items do. Switching case files reloads the window,
 * so the renderer reads everything again from the newly opened file.
 */
import type { BrowserWindow, Dialog, MenuItemConstructorOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename } from 'node:path';
import type { CaseSession } from './caseSession';
import { APP_ENTRY_URL } from './security';

/** The renderer's Import page (renderer/app/App.tsx routes live in the hash). */
export const IMPORT_PAGE_URL = `${APP_ENTRY_URL}#/import`;

export const CASEFILE_FILTERS = [{ name: 'Casefile case files', extensions: ['casefile'] }];

export interface MenuActions {
  newCase(): Promise<void>;
  openCase(): Promise<void>;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Show the Import page (an Airwars archive or any CSV). */
  importData(): void;
  about(): Promise<void>;
}

export interface MenuState {
  isMac: boolean;
  isPackaged: boolean;
  recent: string[];
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = state.recent.length
    ? state.recent.map((path) => ({ label: `${basename(path)} — ${path}`, click: () => actions.openRecent(path) }))
    : [{ label: 'No recent case files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Case File…', accelerator: 'CmdOrCtrl+N', click: () => void actions.newCase() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openCase() },
      {
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: 'Clear Recent', enabled: state.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importData() },
      { type: 'separator' },
      { label: 'Close Window', role: 'close' },
      ...(state.isMac ? [] : [{ type: 'separator' as const }, { label: 'Quit', role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [{ label: 'About Casefile', click: () => void actions.about() }],
  };
  return [...(state.isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, help];
}

export interface MenuActionDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>;
  session: CaseSession;
  getWindow: () => BrowserWindow | null;
  /** After a switch (or a change to the recent list): update the title, rebuild the menu. */
  onChanged: () => void;
  appInfo: { version: string; versions: Record<string, string | undefined> };
}

/** Make sure a name typed without the extension still becomes a .casefile file. */
export function withCasefileExtension(path: string): string {
  return /\.casefile$/i.test(path) ? path : `${path}.casefile`;
}

export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const afterSwitch = (switched: boolean) => {
    if (!switched) return;
    deps.getWindow()?.webContents.reload();
    deps.onChanged();
  };
  const save = (options: SaveDialogOptions) => {
    const win = deps.getWindow();
    return win ? deps.dialog.showSaveDialog(win, options) : deps.dialog.showSaveDialog(options);
  };
  const open = (options: OpenDialogOptions) => {
    const win = deps.getWindow();
    return win ? deps.dialog.showOpenDialog(win, options) : deps.dialog.showOpenDialog(options);
  };

  return {
    async newCase() {
      const r = await save({
        title: 'New Case File',
        buttonLabel: 'Create',
        defaultPath: 'Untitled.casefile',
        filters: CASEFILE_FILTERS,
        // No overwrite confirmation: an existing file is never replaced; createCaseFile refuses it.
        properties: ['createDirectory'],
      });
      if (r.canceled || !r.filePath) return;
      afterSwitch(deps.session.create(withCasefileExtension(r.filePath)));
    },
    async openCase() {
      const r = await open({ title: 'Open Case File', filters: CASEFILE_FILTERS, properties: ['openFile'] });
      const path = r.filePaths[0];
      if (r.canceled || !path) return;
      afterSwitch(deps.session.open(path));
    },
    openRecent(path) {
      afterSwitch(deps.session.open(path));
      deps.onChanged(); // a recent file that could not be opened may have left the list
    },
    clearRecent() {
      deps.session.clearRecent();
      deps.onChanged();
    },
    importData() {
      void deps.getWindow()?.webContents.loadURL(IMPORT_PAGE_URL);
    },
    async about() {
      const v = deps.appInfo.versions;
      await deps.dialog.showMessageBox({
        type: 'info',
        title: 'About Casefile',
        message: `Casefile ${deps.appInfo.version}`,
        detail: [
          'An offline workbench for investigating alleged civilian harm from military action.',
          '',
          `Electron ${v.electron ?? '?'} · Chromium ${v.chrome ?? '?'} · Node ${v.node ?? '?'}`,
        ].join('\n'),
        buttons: ['OK'],
      });
    },
  };
}
