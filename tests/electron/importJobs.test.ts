/**
 * The desktop side of imports: the bundled worker (dist/electron/importWorker.cjs) runs an import
 * in plain Node as it will in the Electron main process, and `dialog:choosePath` is answered by
 * the system dialog for trusted windows only, with its input validated.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, WebContents } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundleOptions, foreignRequires } from '../../build/scripts/electron-bundles.mjs';
import { configureImportJobs, startImportJob, waitForImportJob } from '../../db/import/jobs';
import { TSX_IMPORT_WORKER } from '../../db/import/jobWorkerTsx';
import { choosePathWith } from '../../electron/main/choosePath';
import { registerContract } from '../../electron/main/ipc';
import type { Result } from '../../shared/contract';
import { tempCaseFile, tempDir } from '../helpers/caseFiles';
import { syntheticArchive } from '../import/helpers';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './fakes';

const APP_PAGE = 'casefile://app/index.html#/import';

afterAll(() => configureImportJobs({ worker: TSX_IMPORT_WORKER }));

describe('the bundled import worker', () => {
  it('imports an archive from the esbuild bundle, needing only better-sqlite3 beside it', async () => {
    // Inside the checkout (gitignored dist/), so that require('better-sqlite3') resolves as in the app.
    const outDir = join(__dirname, '..', '..', 'dist', 'test-bundles');
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, 'importWorker.cjs');
    await build({ ...bundleOptions().importWorker, outfile, sourcemap: false, logLevel: 'silent' });
    expect(foreignRequires(readFileSync(outfile, 'utf8')).filter((m) => !m.startsWith('node:') && !['fs', 'path', 'crypto', 'worker_threads', 'os', 'util'].includes(m))).toEqual(['better-sqlite3']);
    configureImportJobs({ worker: outfile });
    const cf = tempCaseFile();
    const job = startImportJob(cf, { kind: 'airwars', dir: syntheticArchive(join(tempDir(), 'a'), 20) });
    const end = await waitForImportJob(job.id);
    expect(end).toMatchObject({ state: 'done', fraction: 1, report: { counts: { incidents: { created: 20 } } } });
  });
});

describe('dialog:choosePath in the desktop app', () => {
  function setup(paths: string[], canceled = false) {
    const ipc = new FakeIpcMain();
    const window = new FakeWebContents();
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled, filePaths: paths })) };
    const cf = tempCaseFile();
    registerContract(ipc as unknown as IpcMain, () => cf, (s: WebContents) => s.id === window.id, {
      'dialog:choosePath': choosePathWith(dialog as unknown as Pick<Dialog, 'showOpenDialog'>, () => null as BrowserWindow | null),
    });
    const call = (event: unknown, input: unknown) => ipc.invoke('dialog:choosePath', event, input) as Promise<Result<unknown>>;
    return { window, dialog, call };
  }

  it('opens a folder dialog and returns the chosen path', async () => {
    const { window, dialog, call } = setup(['/data/airwars']);
    expect(await call(invokeEvent(window, APP_PAGE), { kind: 'folder' })).toEqual({ ok: true, value: { path: '/data/airwars' } });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory'] }));
  });

  it('returns null when the dialog is cancelled', async () => {
    const { window, call } = setup([], true);
    expect(await call(invokeEvent(window, APP_PAGE), { kind: 'csv' })).toEqual({ ok: true, value: { path: null } });
  });

  it('refuses untrusted senders and bad input without opening a dialog', async () => {
    const { window, dialog, call } = setup(['/x']);
    expect(await call(invokeEvent(new FakeWebContents(), APP_PAGE), { kind: 'folder' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call(invokeEvent(window, APP_PAGE), { kind: 'printer' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
