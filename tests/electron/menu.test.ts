import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { CaseSession } from '../../electron/main/caseSession';
import { buildMenuTemplate, createMenuActions, type MenuActionDeps, type MenuActions } from '../../electron/main/menu';

const noActions: MenuActions = {
  newCase: vi.fn(async () => undefined),
  openCase: vi.fn(async () => undefined),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  importData: vi.fn(),
  about: vi.fn(async () => undefined),
};

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  if (!menu) throw new Error(`no ${label} menu`);
  return menu.submenu as MenuItemConstructorOptions[];
}

describe('the menu', () => {
  const state = { isMac: false, isPackaged: true, recent: ['/cases/mosul.casefile', '/cases/raqqa.casefile'] };

  it('has File, Edit, View and Help', () => {
    expect(buildMenuTemplate(state, noActions).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers New and Open with their shortcuts, recent files, Close Window and Quit', () => {
    const file = submenu(buildMenuTemplate(state, noActions), 'File');
    expect(file.find((i) => i.label === 'New Case File…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(file.find((i) => i.label === 'Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((i) => i.label === 'Close Window')?.role).toBe('close');
    expect(file.find((i) => i.label === 'Quit')?.role).toBe('quit');
    const recent = file.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toContain('mosul.casefile');
    (recent[1]!.click as () => void)();
    expect(noActions.openRecent).toHaveBeenCalledWith('/cases/raqqa.casefile');
  });

  it('shows the developer tools item only in development', () => {
    const roles = (isPackaged: boolean) => submenu(buildMenuTemplate({ ...state, isPackaged }, noActions), 'View').map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('says when there are no recent files', () => {
    const file = submenu(buildMenuTemplate({ ...state, recent: [] }, noActions), 'File');
    const recent = file.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]).toMatchObject({ label: 'No recent case files', enabled: false });
  });
});

function actionDeps(overrides: Partial<MenuActionDeps> = {}) {
  const reload = vi.fn();
  const window = { webContents: { reload } } as unknown as BrowserWindow;
  const session = { open: vi.fn(() => true), create: vi.fn(() => true), clearRecent: vi.fn() } as unknown as CaseSession;
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/cases/new-case' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/cases/raqqa.casefile'] })),
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  };
  const onChanged = vi.fn();
  const deps = {
    dialog,
    session,
    getWindow: () => window,
    onChanged,
    appInfo: { version: '0.1.0', versions: { electron: '41.7.1' } },
    ...overrides,
  } as unknown as MenuActionDeps;
  return { actions: createMenuActions(deps), reload, session, dialog, onChanged };
}

describe('the File actions', () => {
  it('File → Import… (Ctrl+I) shows the Import page in the window', () => {
    const file = submenu(buildMenuTemplate({ isMac: false, isPackaged: true, recent: [] }, noActions), 'File');
    const item = file.find((i) => i.label === 'Import…')!;
    expect(item.accelerator).toBe('CmdOrCtrl+I');
    (item.click as () => void)();
    expect(noActions.importData).toHaveBeenCalled();
    const loadURL = vi.fn(async () => undefined);
    const { actions } = actionDeps({ getWindow: () => ({ webContents: { loadURL } }) as unknown as BrowserWindow });
    actions.importData();
    expect(loadURL).toHaveBeenCalledWith('casefile://app/index.html#/import');
  });

  it('New asks where to save a .casefile, creates it and reloads the window', async () => {
    const { actions, dialog, session, reload, onChanged } = actionDeps();
    await actions.newCase();
    const options = (dialog.showSaveDialog.mock.calls[0] as unknown[])[1] as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(['casefile']);
    expect(session.create).toHaveBeenCalledWith('/cases/new-case.casefile');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalled();
  });

  it('Open opens the chosen file and reloads the window', async () => {
    const { actions, session, reload } = actionDeps();
    await actions.openCase();
    expect(session.open).toHaveBeenCalledWith('/cases/raqqa.casefile');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { actions, session, dialog, reload } = actionDeps();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await actions.openCase();
    await actions.newCase();
    expect(session.open).not.toHaveBeenCalled();
    expect(session.create).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('keeps the window as it is when the file could not be opened', async () => {
    const { actions, session, reload } = actionDeps();
    (session.open as ReturnType<typeof vi.fn>).mockReturnValue(false);
    await actions.openCase();
    actions.openRecent('/cases/gone.casefile');
    expect(reload).not.toHaveBeenCalled();
  });

  it('About names the app and its version', async () => {
    const { actions, dialog } = actionDeps();
    await actions.about();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'About Casefile', message: 'Casefile 0.1.0' }));
  });
});
