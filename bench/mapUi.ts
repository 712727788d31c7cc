/**
 * Time from opening the map (navigation to #/map) to its first idle render with the incidents
 * drawn: the performance mark `casefile:map-idle` that MapCanvas sets, read in headless
 * Chromium against the real `casefile serve`. Every load is a fresh browser context (nothing
 * cached) and every request that is not to 127.0.0.1 is blocked, as on an offline laptop.
 *
 * The cases are measured in turns (one load of each, then the next round), so that a change
 * in the machine's load during the run falls on all of them alike. Beside them, a bare
 * MapLibre page (one background layer, no data, a map of the same size) measures what any map
 * costs on this machine: loading MapLibre and its worker, and drawing one frame.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startServe } from '../tests/helpers/serveProcess';
import { chromiumCpu, cpuSince, type CpuUse } from './chromiumCpu';

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
  /** Median CPU time Chromium used per load (navigation to idle), ms, by process type; null where /proc is not there. */
  cpu: CpuUse | null;
}

export interface MapCase {
  name: string;
  /** A case file to serve, or null for the bare MapLibre page. */
  path: string | null;
  target?: number;
}

const VIEWPORT = { width: 1400, height: 900 };
const IDLE_MARK = 'casefile:map-idle';
const BARE_ORIGIN = 'http://127.0.0.1:9';

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (set CASEFILE_CHROMIUM)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Let only local requests through; record the others. */
async function offline(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.fallback();
    blocked.push(u.href);
    return route.abort();
  });
}

/**
 * The bare page: MapLibre (the same package the app bundles) on a map as large as the app's,
 * with one background layer; served by the browser itself (nothing listens on its port).
 */
async function serveBare(context: BrowserContext): Promise<void> {
  const dist = join(dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')), 'dist');
  const files: Record<string, string> = {
    '/maplibre-gl.mjs': readFileSync(join(dist, 'maplibre-gl.mjs'), 'utf8'),
    '/maplibre-gl-worker.mjs': readFileSync(join(dist, 'maplibre-gl-worker.mjs'), 'utf8'),
  };
  const html = `<!doctype html><meta charset="utf-8"><body style="margin:0">
<div id="map" style="width:1049px;height:628px"></div>
<script type="module">
import { Map, setWorkerUrl } from './maplibre-gl.mjs';
setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);
const style = { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#c6d8e3' } }] };
const map = new Map({ container: 'map', style, bounds: [35.5, 29, 48.8, 37.5], fadeDuration: 0, attributionControl: false });
map.once('idle', () => performance.mark('${IDLE_MARK}'));
</script>`;
  await context.route(`${BARE_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
    const body = files[path];
    return body ? route.fulfill({ contentType: 'text/javascript', body }) : route.fulfill({ status: 404, body: 'not found' });
  });
}

async function loadOnce(
  browser: Browser,
  url: string | null,
  blocked: string[],
): Promise<{ ms: number; marks: Record<string, number>; points: string; cpu: CpuUse | null }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await offline(context, blocked);
    if (url === null) await serveBare(context);
    const page = await context.newPage();
    const before = chromiumCpu();
    await page.goto(url === null ? `${BARE_ORIGIN}/` : `${url}#/map`);
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, IDLE_MARK, { timeout: 120_000, polling: 50 });
    const cpu = cpuSince(before, chromiumCpu());
    const ms = Number(await handle.jsonValue());
    const marks = await page.evaluate(() =>
      Object.fromEntries([
        ...performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('casefile:'))
          .map((m) => [m.name.slice(9), Math.round(m.startTime)]),
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.includes('/assets/index-') && r.name.endsWith('.js'))
          .map((r) => ['app-js', Math.round(r.responseEnd)]),
      ]),
    );
    const points = url === null ? '' : ((await page.getByTestId('map-points').textContent()) ?? '');
    return { ms, marks, points, cpu };
  } finally {
    await context.close();
  }
}

/** `runs` rounds; in each, one fresh load of every case in turn. Results in the cases' order. */
export async function measureMapCases(browser: Browser, cases: readonly MapCase[], runs: number, env: Record<string, string> = {}): Promise<MapLoads[]> {
  const servers = new Map<MapCase, { url: string; stop: () => void }>();
  const results = cases.map(() => ({ loads: [] as number[], marks: [] as Record<string, number>[], cpu: [] as (CpuUse | null)[], points: '', blocked: [] as string[] }));
  try {
    for (const c of cases) {
      if (c.path === null) continue;
      const { url, child } = await startServe(c.path, { env: { ...process.env, ...env }, timeoutMs: 60_000 });
      servers.set(c, { url, stop: () => child.kill('SIGTERM') });
    }
    for (let i = 0; i < runs; i++) {
      for (const [k, c] of cases.entries()) {
        const r = results[k]!;
        const load = await loadOnce(browser, servers.get(c)?.url ?? null, r.blocked);
        r.loads.push(load.ms);
        r.marks.push(load.marks);
        r.cpu.push(load.cpu);
        r.points = load.points;
      }
    }
  } finally {
    for (const s of servers.values()) s.stop();
  }
  return results.map((r) => {
    const sorted = [...r.loads].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const cpus = r.cpu.filter((c): c is CpuUse => c !== null).sort((a, b) => a.total - b.total);
    return {
      loads: r.loads,
      best: sorted[0]!,
      median,
      points: r.points,
      blocked: r.blocked,
      marks: r.marks[r.loads.indexOf(median)] ?? {},
      cpu: cpus[Math.floor(cpus.length / 2)] ?? null,
    };
  });
}
