/**
 * Each end-to-end test gets its own demo case file, served by the real `casefile serve`
 * process, and the figures `casefile stats --json` prints for that same file.
 */
import { test as base, expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stats } from '../../shared/schemas';

const BIN = fileURLToPath(new URL('../../cli/bin/casefile.mjs', import.meta.url));

export function casefile(...args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

export async function startServe(file: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`casefile serve printed no URL in 20 s:\n${out}\n${err}`)), 20_000);
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`casefile serve exited with ${code}:\n${err}`));
    });
  });
  return { url, child };
}

interface CaseFixtures {
  casePath: string;
  caseUrl: string;
  stats: Stats;
}

export const test = base.extend<CaseFixtures>({
  // eslint-disable-next-line no-empty-pattern
  casePath: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-'));
    const file = join(dir, 'demo.casefile');
    // This test's own key store: the demo people's private keys go there, and the served case
    // (spawned later, inheriting the environment) finds them; the user's ~/.casefile is untouched.
    process.env.CASEFILE_HOME = join(dir, 'home');
    casefile('init', file, '--demo');
    await use(file);
    rmSync(dir, { recursive: true, force: true });
  },
  caseUrl: async ({ casePath }, use) => {
    const { url, child } = await startServe(casePath);
    await use(url);
    child.kill('SIGTERM');
  },
  stats: async ({ casePath }, use) => {
    await use(JSON.parse(casefile('stats', casePath, '--json')) as Stats);
  },
});

export { expect };
