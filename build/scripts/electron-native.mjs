/**
 * Build a copy of better-sqlite3 for Electron's ABI into dist/native/better-sqlite3, leaving the
 * Node build in node_modules for the CLI and the tests. The Electron main process passes
 * dist/native/better-sqlite3/build/Release/better_sqlite3.node as `nativeBinding`.
 *
 * Needs the Electron headers from https://electronjs.org/headers (internet) and a C++ toolchain.
 * Not part of the test path: the tests run better-sqlite3 in plain Node.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { electronVersion, repoRoot } from './electron-binary.mjs';

const require = createRequire(join(repoRoot, 'package.json'));
const target = electronVersion();
const source = join(repoRoot, 'node_modules', 'better-sqlite3');
const dest = join(repoRoot, 'dist', 'native', 'better-sqlite3');
const binary = join(dest, 'build', 'Release', 'better_sqlite3.node');
const stamp = join(dest, 'electron-target.txt');

function fail(message) {
  console.error(`\nelectron-native: ${message}\n`);
  process.exit(1);
}

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === target && !process.argv.includes('--force')) {
  console.log(`better-sqlite3 for Electron ${target} is already built: ${relative(repoRoot, binary)}`);
  process.exit(0);
}
if (!existsSync(join(source, 'binding.gyp'))) fail(`${relative(repoRoot, source)} is missing; run npm install first.`);

let nodeGyp;
try {
  nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  fail('node-gyp is not installed in node_modules (it comes with npm and electron-builder); run npm install first.');
}

// A fresh copy without the Node build, so a stale binary for the wrong ABI is never picked up.
rmSync(dest, { recursive: true, force: true });
cpSync(source, dest, {
  recursive: true,
  filter: (path) => {
    const rel = relative(source, path);
    return !(rel === 'build' || rel.startsWith(`build${sep}`) || rel === 'node_modules' || rel.startsWith(`node_modules${sep}`));
  },
});

// npm passes ~/.npmrc's `nodedir` as npm_config_nodedir; node-gyp would then quietly build
// against Node's headers (the wrong ABI for Electron). Drop it, whatever its case.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
const args = [
  nodeGyp,
  'rebuild',
  '--release',
  '--runtime=electron',
  `--target=${target}`,
  `--arch=${process.arch}`,
  '--dist-url=https://electronjs.org/headers',
];
console.log(`Building better-sqlite3 for Electron ${target} (${process.arch}) in ${relative(repoRoot, dest)} …`);
const run = spawnSync(process.execPath, args, { cwd: dest, env, stdio: 'inherit' });

if (run.error || run.status !== 0 || !existsSync(binary)) {
  rmSync(dest, { recursive: true, force: true });
  const why = run.error ? run.error.message : run.status !== 0 ? `node-gyp exited with code ${run.status}` : `${relative(repoRoot, binary)} was not produced`;
  fail(
    [
      `Could not build better-sqlite3 for Electron ${target}: ${why}.`,
      'This needs the Electron headers from https://electronjs.org/headers (an internet connection) and a C++ toolchain (python3, make, g++).',
      'Until it succeeds the desktop app cannot open case files; the browser UI (`casefile serve`) and the tests do not need it.',
    ].join('\n'),
  );
}
writeFileSync(stamp, `${target}\n`);
console.log(`Built ${relative(repoRoot, binary)} for Electron ${target}.`);
