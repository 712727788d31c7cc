/**
 * The preload: exposes `window.casefile` (the CasefileBridge) and nothing else. Only contract
 * channels reach IPC; anything else is answered here. Bundled to dist/electron/preload.cjs,
 * because a sandboxed preload can require nothing but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import { CHANNEL_NAMES as CHANNELS } from '../../shared/channels';
import type { CasefileBridge, Result } from '../../shared/contract';

const KNOWN = new Set<string>(CHANNELS);

export function createBridge(ipc: Pick<IpcRenderer, 'invoke'>): CasefileBridge {
  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !KNOWN.has(channel)) {
      return {
        ok: false,
        error: { code: 'unknown_channel', message: `Unknown channel ${JSON.stringify(channel)}. Known channels: ${CHANNELS.join(', ')}.` },
      };
    }
    try {
      return (await ipc.invoke(channel, input)) as Result<unknown>;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'internal', message: `${channel} failed in the desktop app: ${message}` } };
    }
  };
  return Object.freeze({ transport: 'electron', invoke }) as CasefileBridge;
}

contextBridge.exposeInMainWorld('casefile', createBridge(ipcRenderer));
