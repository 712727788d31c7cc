/**
 * `dialog:choosePath` in the desktop app: the system's open dialog for the folder of an Airwars
 * archive or a CSV file. The dialog is injected, so this runs in plain Node under test.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ChannelParsedInput, Result } from '../../shared/contract';
import type { MainHandler } from './ipc';

export function choosePathOptions(input: ChannelParsedInput<'dialog:choosePath'>): OpenDialogOptions {
  return input.kind === 'folder'
    ? { title: input.title ?? 'Choose the folder of the Airwars archive', properties: ['openDirectory'] }
    : { title: input.title ?? 'Choose a CSV file', properties: ['openFile'], filters: [{ name: 'CSV files', extensions: ['csv', 'txt'] }, { name: 'All files', extensions: ['*'] }] };
}

export function choosePathWith(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BrowserWindow | null): MainHandler {
  return async (input): Promise<Result<{ path: string | null }>> => {
    const options = choosePathOptions(input as ChannelParsedInput<'dialog:choosePath'>);
    const win = getWindow();
    const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return { ok: true, value: { path: r.canceled ? null : (r.filePaths[0] ?? null) } };
  };
}
