/**
 * Is there an Electron binary to run? Shared by start.mjs and the Playwright Electron spec, so
 * both give the same reason when there is not (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectronBinary(root = repoRoot) {
  const require = createRequire(join(root, 'package.json'));
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed in node_modules' };
  }
  let binary;
  try {
    // node_modules/electron exports the binary's path, and throws when the download never happened.
    binary = require('electron');
  } catch {
    const skipped = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' : '';
    return {
      path: null,
      reason: `node_modules/electron has no binary: it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download failed${skipped}; ${join(pkgDir, 'path.txt')} is missing`,
    };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { path: null, reason: `the Electron binary ${String(binary)} does not exist` };
  }
  return { path: binary };
}

/** The Electron version node_modules/electron would run (also the ABI target for native modules). */
export function electronVersion(root = repoRoot) {
  const require = createRequire(join(root, 'package.json'));
  return /** @type {{ version: string }} */ (require('electron/package.json')).version;
}
