/**
 * Bundle the Electron main process and preload with esbuild:
 *   electron/main/index.ts    → dist/electron/main.cjs     (Node; electron and better-sqlite3 stay external)
 *   electron/preload/index.ts → dist/electron/preload.cjs  (sandboxed: may require only `electron`)
 *   db/import/jobWorker.ts    → dist/electron/importWorker.cjs (an import job's worker thread)
 * Fails if the preload bundle would require anything else, since a sandboxed preload could not load it.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { bundleOptions, foreignRequires } from './electron-bundles.mjs';

const options = bundleOptions();
await build(options.main);
await build(options.preload);
await build(options.importWorker);

const foreign = foreignRequires(readFileSync(String(options.preload.outfile), 'utf8'));
if (foreign.length) {
  console.error(
    `dist/electron/preload.cjs requires ${foreign.join(', ')}: a sandboxed preload can only require "electron". Import less into electron/preload, or bundle it.`,
  );
  process.exit(1);
}
console.log('Built dist/electron/main.cjs, importWorker.cjs and preload.cjs (the preload requires only "electron").');
