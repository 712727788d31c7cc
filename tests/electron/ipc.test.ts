import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import type { CaseFile } from '../../db/casefile';
import { NO_CASE_FILE_MESSAGE, registerContract, unregisterContract } from '../../electron/main/ipc';
import { CHANNELS, type Result } from '../../shared/contract';
import { incidentInput, tempCaseFile } from '../helpers/caseFiles';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './fakes';

const APP_PAGE = 'casefile://app/index.html#/incidents';

function setup(cf: CaseFile | null = tempCaseFile()) {
  const ipc = new FakeIpcMain();
  const window = new FakeWebContents();
  const trusted = new Set([window.id]);
  registerContract(ipc as unknown as IpcMain, () => cf, (sender: WebContents) => trusted.has(sender.id));
  const call = (event: unknown, channel: string, input: unknown = {}) => ipc.invoke(channel, event, input) as Promise<Result<unknown>>;
  return { ipc, window, cf, call };
}

async function incidentCount(call: (e: unknown, c: string, i?: unknown) => Promise<Result<unknown>>, window: object) {
  const r = await call(invokeEvent(window, APP_PAGE), 'incidents:list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { total: number }).total;
}

describe('registerContract', () => {
  it('registers exactly one handler for every channel of the contract', () => {
    const { ipc } = setup();
    expect(ipc.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect(new Set(ipc.handlers.keys())).toEqual(new Set(CHANNELS));
  });

  it('unregisterContract removes them all, so they can be registered again', () => {
    const { ipc } = setup();
    unregisterContract(ipc as unknown as IpcMain);
    expect(ipc.handlers.size).toBe(0);
    expect(() => registerContract(ipc as unknown as IpcMain, () => null, () => true)).not.toThrow();
    expect(ipc.handlers.size).toBe(CHANNELS.length);
  });
});

describe('a trusted window', () => {
  it('reaches the case file through dispatch', async () => {
    const { window, call, cf } = setup();
    const r = await call(invokeEvent(window, APP_PAGE), 'case:info');
    expect(r).toMatchObject({ ok: true, value: { path: cf!.path, name: 'test', counts: { incidents: 0 } } });
  });

  it('has its input validated by the contract', async () => {
    const { window, call } = setup();
    const r = await call(invokeEvent(window, APP_PAGE), 'incidents:list', { limit: 'all' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('can write: an incident it creates is listed afterwards', async () => {
    const { window, call } = setup();
    const created = await call(invokeEvent(window, APP_PAGE), 'incidents:create', { incident: incidentInput() });
    expect(created.ok).toBe(true);
    expect(await incidentCount(call, window)).toBe(1);
  });
});

describe('untrusted senders are refused before anything runs', () => {
  const cases: [string, (window: FakeWebContents) => unknown][] = [
    ['a foreign web origin', (w) => invokeEvent(w, 'https://evil.example/')],
    ['a file: page', (w) => invokeEvent(w, 'file:///tmp/index.html')],
    ['another casefile host', (w) => invokeEvent(w, 'casefile://evil/index.html')],
    ['a subframe of the app', (w) => invokeEvent(w, APP_PAGE, { subframe: true })],
    ['a frame that is gone', (w) => invokeEvent(w, null)],
    ['a window Casefile did not open', () => invokeEvent(new FakeWebContents(), APP_PAGE)],
  ];

  it.each(cases)('%s gets a refused result and writes nothing', async (_what, makeEvent) => {
    const { window, call } = setup();
    const r = await call(makeEvent(window), 'incidents:create', { incident: incidentInput() });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('Refused incidents:create') } });
    expect(await incidentCount(call, window)).toBe(0);
  });
});

describe('with no case file open', () => {
  it('every channel answers that none is open and says what to do', async () => {
    const { window, call } = setup(null);
    for (const channel of CHANNELS) {
      expect(await call(invokeEvent(window, APP_PAGE), channel)).toEqual({
        ok: false,
        error: { code: 'refused', message: NO_CASE_FILE_MESSAGE },
      });
    }
    expect(NO_CASE_FILE_MESSAGE).toBe('No case file is open. Use File → Open…');
  });
});
