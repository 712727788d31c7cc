/**
 * `npm start`, after the build: the desktop app when an Electron binary is installed, otherwise
 * the same UI in the browser through `casefile serve`, saying plainly why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, repoRoot } from './electron-binary.mjs';

const cli = join(repoRoot, 'cli', 'bin', 'casefile.mjs');

/** Run a child in the foreground: pass Ctrl+C / termination on, and exit with its code. */
function runForwarding(command, args) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('error', (e) => {
    console.error(`Could not start ${command}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}

function runOrExit(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} failed${r.error ? `: ${r.error.message}` : ` (exit code ${r.status})`}.`);
    process.exit(r.status || 1);
  }
}

const electron = findElectronBinary();
if (electron.path) {
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(repoRoot, built))) {
      console.error(`${built} is missing: run \`npm run build\` first.`);
      process.exit(1);
    }
  }
  if (!existsSync(join(repoRoot, 'dist/native/better-sqlite3/build/Release/better_sqlite3.node'))) {
    runOrExit([join(repoRoot, 'build/scripts/electron-native.mjs')], 'Building better-sqlite3 for Electron');
  }
  runForwarding(electron.path, ['.']);
} else {
  console.log(
    `Electron is not available on this machine (${electron.reason}). Opening the same Casefile UI in your browser through \`casefile serve\` instead.`,
  );
  const demo = join(repoRoot, 'demo.casefile');
  if (!existsSync(demo)) runOrExit([cli, 'init', demo, '--demo'], 'Creating the demo case file');
  runForwarding(process.execPath, [cli, 'serve', demo, '--open']);
}
