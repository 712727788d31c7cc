import { build } from 'esbuild';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleOptions, foreignRequires } from '../../build/scripts/electron-bundles.mjs';
import { CHANNELS, type CasefileBridge } from '../../shared/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), sendSync: vi.fn(), on: vi.fn(), postMessage: vi.fn() },
}));
vi.mock('electron', () => electron);

/** Load the preload afresh and return what it exposed. */
async function loadPreload(): Promise<{ name: string; bridge: CasefileBridge }[]> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/preload/index');
  return electron.contextBridge.exposeInMainWorld.mock.calls.map(([name, bridge]) => ({ name, bridge }));
}

async function loadBridge(): Promise<{ bridge: CasefileBridge }> {
  const [first] = await loadPreload();
  if (!first) throw new Error('the preload exposed nothing');
  return first;
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('the preload', () => {
  it('exposes one thing, window.casefile, with only invoke and transport', async () => {
    const exposed = await loadPreload();
    expect(exposed.map((e) => e.name)).toEqual(['casefile']);
    const bridge = exposed[0]!.bridge;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'transport']);
    expect(bridge.transport).toBe('electron');
    expect(typeof bridge.invoke).toBe('function');
  });

  it('refuses an unknown channel without touching IPC', async () => {
    const { bridge } = await loadBridge();
    const invoke = bridge.invoke as (channel: unknown, input: unknown) => Promise<unknown>;
    for (const channel of ['fs:read', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString', 42, undefined]) {
      expect(await invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('sends every contract channel through ipcRenderer.invoke and returns its result', async () => {
    const { bridge } = await loadBridge();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'from main' });
    const invoke = bridge.invoke as (channel: string, input: unknown) => Promise<unknown>;
    for (const channel of CHANNELS) {
      expect(await invoke(channel, { probe: channel })).toEqual({ ok: true, value: 'from main' });
    }
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual(CHANNELS.map((c) => [c, { probe: c }]));
  });

  it('turns an IPC failure into an error result instead of a rejected promise', async () => {
    const { bridge } = await loadBridge();
    electron.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'case:info'"));
    expect(await bridge.invoke('case:info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('No handler registered') },
    });
  });
});

describe('the bundled preload (dist/electron/preload.cjs)', () => {
  async function bundle(): Promise<string> {
    const result = await build({ ...bundleOptions().preload, write: false, sourcemap: false, logLevel: 'silent' });
    const js = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
    if (!js) throw new Error('esbuild produced no preload bundle');
    return js.text;
  }

  it('requires nothing but electron, as a sandboxed preload must', async () => {
    const code = await bundle();
    expect(foreignRequires(code)).toEqual([]);
    expect(code).toMatch(/require\(["']electron["']\)/);
  });

  it('runs with a sandbox-like require and exposes only invoke and transport', async () => {
    const code = await bundle();
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn();
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } };
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = exposeInMainWorld.mock.calls[0] as [string, CasefileBridge];
    expect(name).toBe('casefile');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'transport']);
    expect(await (bridge.invoke as (c: string, i: unknown) => Promise<unknown>)('shell:openExternal', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('the check itself catches a preload that requires a local file or a Node built-in', () => {
    expect(foreignRequires('const a=require("electron");const b=require("./db");const c=require(`fs`);')).toEqual(['./db', 'fs']);
    expect(foreignRequires('const m=require(name)')).toEqual(['<a computed module name>']);
  });
});
