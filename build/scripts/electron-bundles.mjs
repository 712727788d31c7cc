/** The esbuild options for the two Electron bundles, shared by build-electron.mjs and the tests. */
import { join } from 'node:path';
import { repoRoot } from './electron-binary.mjs';

/** @param {string} root */
export function bundleOptions(root = repoRoot) {
  const outDir = join(root, 'dist', 'electron');
  const common = { bundle: true, format: /** @type {const} */ ('cjs'), sourcemap: true, logLevel: /** @type {const} */ ('warning'), absWorkingDir: root };
  return {
    main: {
      ...common,
      entryPoints: [join(root, 'electron/main/index.ts')],
      outfile: join(outDir, 'main.cjs'),
      platform: /** @type {const} */ ('node'),
      target: 'node20',
      external: ['electron', 'better-sqlite3'],
    },
    // An import job's worker thread (db/import/jobs.ts), beside main.cjs, which points it here.
    importWorker: {
      ...common,
      entryPoints: [join(root, 'db/import/jobWorker.ts')],
      outfile: join(outDir, 'importWorker.cjs'),
      platform: /** @type {const} */ ('node'),
      target: 'node20',
      external: ['electron', 'better-sqlite3'],
    },
    preload: {
      ...common,
      entryPoints: [join(root, 'electron/preload/index.ts')],
      outfile: join(outDir, 'preload.cjs'),
      // A sandboxed preload has no Node built-ins: bundling for the browser makes any slip an error here.
      platform: /** @type {const} */ ('browser'),
      target: 'chrome120',
      external: ['electron'],
      // The channel list comes with the contract's zod schemas; minified, it loads faster per window.
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
    },
  };
}

/**
 * What a bundle requires besides `electron`: a sandboxed preload can load nothing else.
 * @param {string} code
 * @returns {string[]}
 */
export function foreignRequires(code) {
  const names = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
  const computed = /\brequire\(\s*[^"'`\s)]/.test(code) ? ['<a computed module name>'] : [];
  return [...names.filter((n) => n !== 'electron'), ...computed];
}
