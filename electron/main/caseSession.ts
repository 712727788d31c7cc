/**
 * The case file the desktop app has open, and the list of recently opened ones.
 * Paths, the file system checks and the error dialog are injected so this runs in plain Node.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { closeCaseFile, createCaseFile, openCaseFile, readMeta, type CaseFile, type OpenOptions } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { fileKeyStore, type KeyStore } from '../../db/keyStore';
import { restoreProfile } from '../../db/profiles';

export const MAX_RECENT = 10;
export const RECENT_FILE = 'recent.json';
export const DEMO_FILE = 'demo.casefile';

/** Where a better-sqlite3 built for Electron's ABI lives (build/scripts/electron-native.mjs). */
export function nativeBindingPath(distDir: string): string {
  return join(distDir, 'native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** The rebuilt binary when it exists; otherwise better-sqlite3 loads its own (packaged app). */
export function findNativeBinding(distDir: string, exists: (p: string) => boolean = existsSync): string | undefined {
  const p = nativeBindingPath(distDir);
  return exists(p) ? p : undefined;
}

export interface CaseSessionDeps {
  /** app.getPath('userData'): holds recent.json and the demo case. */
  userDataDir: string;
  nativeBinding?: string | undefined;
  actor?: string;
  /** dialog.showErrorBox in the app. */
  showError: (title: string, message: string) => void;
  exists?: (path: string) => boolean;
  createDemo?: (path: string, opts: OpenOptions) => CaseFile;
  /** This user's signing keys; by default kept in userData (profiles/, current.json). */
  keyStore?: KeyStore;
}

export interface CaseSession {
  current(): CaseFile | null;
  /** The open case's name, for the window title. */
  caseName(): string | null;
  /** Open an existing case file; on failure show why and keep the current one. */
  open(path: string): boolean;
  /** Create a new empty case file and switch to it. */
  create(path: string): boolean;
  /** On start: the most recent case that still opens, else the demo case (created if needed). */
  openInitial(): boolean;
  recent(): string[];
  clearRecent(): void;
  close(): void;
}

export function createCaseSession(deps: CaseSessionDeps): CaseSession {
  const exists = deps.exists ?? existsSync;
  const createDemo = deps.createDemo ?? createDemoCaseFile;
  const recentPath = join(deps.userDataDir, RECENT_FILE);
  const demoPath = join(deps.userDataDir, DEMO_FILE);
  const options: OpenOptions = {
    keyStore: deps.keyStore ?? fileKeyStore(deps.userDataDir),
    ...(deps.actor ? { actor: deps.actor } : {}),
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
  };
  let currentFile: CaseFile | null = null;

  function readRecent(): string[] {
    try {
      const data = JSON.parse(readFileSync(recentPath, 'utf8')) as { recent?: unknown };
      const list = Array.isArray(data.recent) ? data.recent : [];
      return list.filter((p): p is string => typeof p === 'string' && exists(p)).slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  function writeRecent(list: string[]): void {
    try {
      mkdirSync(dirname(recentPath), { recursive: true });
      writeFileSync(recentPath, JSON.stringify({ recent: list.slice(0, MAX_RECENT) }, null, 2));
    } catch {
      // A recent list that cannot be saved is not worth interrupting the user for.
    }
  }

  function remember(path: string): void {
    writeRecent([path, ...readRecent().filter((p) => p !== path)]);
  }

  function switchTo(path: string, make: () => CaseFile, title: string): boolean {
    const full = resolve(path);
    if (currentFile && resolve(currentFile.path) === full) return true;
    let next: CaseFile;
    try {
      next = make();
    } catch (e) {
      deps.showError(title, e instanceof Error ? e.message : String(e));
      return false;
    }
    // Act as whoever this user last acted as in that case file; else the app asks first.
    restoreProfile(next);
    const previous = currentFile;
    currentFile = next;
    if (previous) closeCaseFile(previous);
    remember(full);
    return true;
  }

  return {
    current: () => currentFile,
    caseName() {
      if (!currentFile) return null;
      try {
        return readMeta(currentFile).case_name ?? null;
      } catch {
        return null;
      }
    },
    open: (path) => switchTo(path, () => openCaseFile(resolve(path), options), 'Could not open the case file'),
    create: (path) => switchTo(path, () => createCaseFile(resolve(path), options), 'Could not create the case file'),
    openInitial() {
      const last = readRecent()[0];
      if (last && switchTo(last, () => openCaseFile(last, options), 'Could not open the last case file')) return true;
      mkdirSync(deps.userDataDir, { recursive: true });
      const make = () => (exists(demoPath) ? openCaseFile(demoPath, options) : createDemo(demoPath, options));
      return switchTo(demoPath, make, 'Could not open the demo case');
    },
    recent: readRecent,
    clearRecent: () => writeRecent([]),
    close() {
      if (currentFile) closeCaseFile(currentFile);
      currentFile = null;
    },
  };
}
