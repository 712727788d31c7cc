/**
 * Time from opening the map (navigation to #/map) to its first idle render with the incidents
 * drawn: the performance mark `casefile:map-idle` that MapCanvas sets, read in headless
 * Chromium against the real `casefile serve`. Every load is a fresh browser context (nothing
 * cached) and every request that is not to 127.0.0.1 is blocked, as on an offline laptop.
 */
import { startServe } from '../tests/helpers/serveProcess';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function chromiumPath(): string | undefined {
  return [process.env.CASEFILE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => Boolean(p && existsSync(p)));
}

export interface MapLoads {
  /** ms from navigation start to the first idle render, per load. */
  loads: number[];
  best: number;
  median: number;
  /** Incidents the page said it drew. */
  points: string;
  /** Requests to anything but the local host (blocked). */
  blocked: string[];
  /** The page's own marks (map created, style loaded, data set, idle) of the median load, ms. */
  marks: Record<string, number>;
}

async function serve(casePath: string, env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const { url, child } = await startServe(casePath, { env: { ...process.env, ...env }, timeoutMs: 60_000 });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (set CASEFILE_CHROMIUM)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export async function measureMapLoads(browser: Browser, casePath: string, runs: number, env: Record<string, string> = {}): Promise<MapLoads> {
  const server = await serve(casePath, env);
  const loads: number[] = [];
  const blocked: string[] = [];
  const marks: Record<string, number>[] = [];
  let points = '';
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.route('**/*', (route) => {
        const u = new URL(route.request().url());
        if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
        blocked.push(u.href);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(`${server.url}#/map`);
      const ms = await page.waitForFunction(() => performance.getEntriesByName('casefile:map-idle')[0]?.startTime, null, { timeout: 120_000, polling: 50 });
      loads.push(Number(await ms.jsonValue()));
      marks.push(
        await page.evaluate(() =>
          Object.fromEntries([
            ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('casefile:')).map((m) => [m.name.slice(9), Math.round(m.startTime)]),
            ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/assets/index-') && r.name.endsWith('.js')).map((r) => ['app-js', Math.round(r.responseEnd)]),
          ]),
        ),
      );
      points = (await page.getByTestId('map-points').textContent()) ?? '';
      await context.close();
    }
  } finally {
    server.stop();
  }
  const sorted = [...loads].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { loads, best: sorted[0]!, median, points, blocked, marks: marks[loads.indexOf(median)] ?? {} };
}
