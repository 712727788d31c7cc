/** Small stand-ins for Electron objects, enough to drive the main-process modules in Node. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  url?: string;
  preventDefault: ReturnType<typeof vi.fn>;
  defaultPrevented: () => boolean;
}

export function fakeEvent(url?: string): FakeEvent {
  const preventDefault = vi.fn();
  return { ...(url === undefined ? {} : { url }), preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  headersListener:
    | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void)
    | null = null;
  setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequest']) => {
    this.permissionRequest = h;
  });
  setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheck']) => {
    this.permissionCheck = h;
  });
  webRequest = {
    onHeadersReceived: vi.fn((h: FakeSession['headersListener']) => {
      this.headersListener = h;
    }),
  };
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((h: FakeWebContents['windowOpenHandler']) => {
    this.windowOpenHandler = h;
  });
  reload = vi.fn();

  /** Emit a navigation event the way Electron does; true when the app prevented it. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = fakeEvent(url);
    this.emit(kind, event, url);
    return event.defaultPrevented();
  }
}

/** An ipcMain that records handlers so tests can invoke them. */
export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle = vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  async invoke(channel: string, event: unknown, input?: unknown): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, input);
  }
}

/** An invoke event from a frame at `url`; `subframe` gives it a parent frame. */
export function invokeEvent(sender: object, url: string | null, opts: { subframe?: boolean } = {}): unknown {
  const main = { url: 'casefile://app/index.html', parent: null };
  return {
    sender,
    senderFrame: url === null ? null : { url, parent: opts.subframe ? main : null },
  };
}
