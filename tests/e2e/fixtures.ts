/**
 * Each end-to-end test gets its own demo case file, served by the real `casefile serve`
 * process, and the figures `casefile stats --json` prints for that same file.
 */
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stats } from '../../shared/schemas';
import { CASEFILE_BIN as BIN, startServe } from '../helpers/serveProcess';

export { startServe };

export function casefile(...args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

/** The served case's URL opened at an app route (`#/map`, `#/incidents/…`). */
export function at(caseUrl: string, hash: string): string {
  const url = new URL(caseUrl);
  url.hash = hash;
  return url.href;
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
