/**
 * "The first page of the list in under a second after opening the archive", measured: start
 * `casefile serve` on the case file, then load the UI in Chromium (each time in a fresh browser
 * context, nothing cached) until the first incident row is on screen.
 */
import { startServe } from '../tests/helpers/serveProcess';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export interface FirstPage {
  skipped?: string;
  serveMs: number;
  firstPage: number[];
  median: number;
}

const LOADS = 5;

function chromiumPath(): string | undefined {
  return [process.env.CASEFILE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && existsSync(p)));
}

export async function measureFirstPage(repoRoot: string, casePath: string): Promise<FirstPage> {
  const none = { serveMs: 0, firstPage: [], median: 0 };
  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) return { ...none, skipped: 'no built UI: run `npm run build` first' };
  const executablePath = chromiumPath();
  if (!executablePath) return { ...none, skipped: 'no Chromium found (set CASEFILE_CHROMIUM)' };

  const started = performance.now();
  // A key store of its own, so that the bench's profile never touches the user's.
  const env = { ...process.env, CASEFILE_HOME: join(dirname(casePath), 'home') };
  const { url, child } = await startServe(casePath, { env, timeoutMs: 60_000 });
  try {
    const serveMs = performance.now() - started;
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    const firstPage: number[] = [];
    try {
      const setup = await chooseProfile(browser, url);
      if (setup) return { ...none, serveMs, skipped: setup };
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        const t = performance.now();
        await page.goto(url);
        try {
          await page.getByTestId('incident-row').first().waitFor({ state: 'visible', timeout: 30_000 });
        } catch {
          const shown = (await page.locator('h1, [role=alert]').allTextContents()).join(' / ');
          return { ...none, serveMs, skipped: `no incident row within 30 s; the page showed: ${shown || '(nothing)'}` };
        }
        firstPage.push(performance.now() - t);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const sorted = [...firstPage].sort((a, b) => a - b);
    return { serveMs, firstPage, median: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * A case file nobody has acted in asks "who are you?" first (profiles): answer it once, before
 * timing, as a bench investigator. Returns why it could not, or null.
 */
async function chooseProfile(browser: Browser, url: string): Promise<string | null> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    const row = page.getByTestId('incident-row').first();
    const who = page.getByRole('heading', { name: /who are you/i });
    await row.or(who).first().waitFor({ timeout: 30_000 });
    if (await row.isVisible()) return null;
    await page.getByLabel(/your name/i).fill('Bench investigator');
    await page.getByLabel(/investigator/i).first().check();
    await page.getByRole('button', { name: /create/i }).click();
    await row.waitFor({ timeout: 30_000 });
    return null;
  } catch (e) {
    return `could not get past the profile question: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await context.close();
  }
}
