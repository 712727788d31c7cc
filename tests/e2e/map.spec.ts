/**
 * The offline map in the real UI, with every request that does not go to the local host
 * blocked: the imported real archive drawn over the bundled basemap (land, borders, labels in
 * both scripts, incident points), and geolocating by place search and by clicking the map.
 */
import type { Page, Route } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { at, casefile, expect, startServe, test } from './fixtures';
import { ARCHIVE_DIR, hasArchive } from '../helpers/archive';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(repoRoot, 'cli', 'bin', 'casefile.mjs');

/** Block everything but 127.0.0.1/localhost, as on a laptop with no connection; count what was tried. */
async function offline(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  return blocked;
}

function importerAvailable(): boolean {
  try {
    execFileSync(process.execPath, [BIN, 'import', '--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Rendered {
  land: number;
  borders: number;
  latinLabels: number;
  arabicLabels: number;
  incidents: number;
}

async function rendered(page: Page): Promise<Rendered> {
  return page.evaluate(() => {
    const handle = (window as unknown as { __casefileMap: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: { layers: string[] }): unknown[] }; arabicLabels(): number } }).__casefileMap;
    const count = (ids: string[]) => handle.map.queryRenderedFeatures({ layers: ids.filter((id) => handle.map.getLayer(id)) }).length;
    return {
      land: count(['land']),
      borders: count(['borders']),
      latinLabels: count(['country-labels', 'gov-labels', 'place-label-1', 'place-label-2', 'place-label-3', 'place-label-4', 'place-label-5']),
      arabicLabels: handle.arabicLabels(),
      incidents: count(['inc-points', 'inc-clusters']),
    };
  });
}

test('the map draws the real archive offline: land, borders, labels in both scripts and incidents', async ({ page, casePath }, testInfo) => {
  test.skip(!hasArchive, `The Airwars archive is not at ${ARCHIVE_DIR}.`);
  test.skip(!importerAvailable(), 'The `casefile import airwars` command is not available in this build.');
  test.setTimeout(240_000);
  casefile('import', 'airwars', ARCHIVE_DIR, casePath);
  const { url, child } = await startServe(casePath);
  try {
    const blocked = await offline(page);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(at(url, '#/map?debug=1'));
    await expect(page.getByTestId('incident-map')).toHaveAttribute('data-map-state', 'idle', { timeout: 120_000 });
    const drawn = Number((await page.getByTestId('map-points').textContent())!.replace(/,/g, ''));
    expect(drawn).toBeGreaterThanOrEqual(6681);
    await expect.poll(() => rendered(page).then((r) => r.arabicLabels), { timeout: 15_000 }).toBeGreaterThan(5);
    const r = await rendered(page);
    expect(r.land).toBeGreaterThan(0);
    expect(r.borders).toBeGreaterThan(0);
    expect(r.latinLabels).toBeGreaterThan(10);
    expect(r.incidents).toBeGreaterThan(10);
    await expect(page.locator('.map-label-ar[lang="ar"]').filter({ hasText: 'الرقة' }).first()).toBeVisible();
    const shot = testInfo.outputPath('map-offline-archive.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('offline map of the archive', { path: shot, contentType: 'image/png' });
    expect(blocked, 'the map asked for something beyond the local host').toEqual([]);

    // A cluster opens the list of its incidents, each a link to the incident.
    const cluster = await page.evaluate(() => {
      const { map } = (window as unknown as { __casefileMap: { map: { queryRenderedFeatures(o: { layers: string[] }): { geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number } } } }).__casefileMap;
      const f = map.queryRenderedFeatures({ layers: ['inc-clusters'] })[0]!;
      return map.project(f.geometry.coordinates);
    });
    await page.getByTestId('incident-map').click({ position: { x: cluster.x, y: cluster.y } });
    const list = page.getByTestId('map-selection');
    await expect(list.getByRole('link').first()).toBeVisible({ timeout: 15_000 });
    expect(blocked).toEqual([]);
  } finally {
    child.kill('SIGTERM');
  }
});

test('the map and the list share one filter: an area drawn on the map narrows both', async ({ page, caseUrl }) => {
  const blocked = await offline(page);
  await page.goto(at(caseUrl, '#/map?debug=1'));
  await expect(page.getByTestId('incident-map')).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
  const before = Number(await page.getByTestId('map-points').textContent());
  expect(before).toBeGreaterThan(1);

  // Shift-drag a box around part of the map.
  const box = (await page.getByTestId('incident-map').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.05);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page).toHaveURL(/bbox=/);
  await expect(page.getByTestId('area-filter')).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('map-points').textContent())).toBeLessThan(before);

  // The list shows the same area filter and the same number of incidents.
  const onMap = Number(await page.getByTestId('map-points').textContent());
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await expect(page.getByTestId('area-filter')).toBeVisible();
  await expect(page).toHaveURL(/bbox=/);
  await expect(page.getByTestId('incident-total')).toHaveText(String(onMap));
  expect(blocked).toEqual([]);
});

async function searchAndPick(page: Page, query: string) {
  const search = page.getByTestId('place-search');
  await expect(search).toBeEnabled({ timeout: 30_000 });
  await search.fill(query);
  await expect(page.getByRole('listbox', { name: 'Places found' }).getByRole('option').first()).toContainText('Al-Baghuz');
  await search.press('ArrowDown');
  await search.press('Enter');
}

test('geolocating: search "Baghuz", then click the map; MGRS and the nearest places follow', async ({ page, caseUrl }) => {
  const blocked = await offline(page);
  await page.goto(at(caseUrl, '#/map/locate?debug=1'));
  await searchAndPick(page, 'Baghuz');
  await expect(page.getByTestId('picker-lat')).toHaveValue(/^34\.46/);
  await expect(page.getByTestId('picker-lon')).toHaveValue(/^40\.94/);
  await expect(page.getByTestId('picker-precision')).toHaveValue('village');
  await expect(page.getByTestId('picker-mgrs')).toHaveValue(/^37S [A-Z]{2} \d{2} \d{2}$/);
  await expect(page.getByTestId('picker-nearest')).toContainText('Deir ez-Zor governorate');
  await expect(page.getByTestId('picker-nearest').locator('li').first()).toContainText('Al-Baghuz');

  // The same place in Arabic.
  const search = page.getByTestId('place-search');
  await search.fill('الباغوز');
  await expect(page.getByRole('listbox', { name: 'Places found' }).getByRole('option').first()).toContainText('Al-Baghuz');

  // Click the map: the point moves where the click was (to within a pixel, about 60 m here).
  const map = page.getByTestId('picker-map');
  await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
  await page.getByTestId('picker-precision').selectOption('exact');
  await expect
    .poll(() => page.evaluate(() => !(window as unknown as { __casefilePickerMap: { isMoving(): boolean } }).__casefilePickerMap.isMoving()))
    .toBe(true);
  await map.click({ position: { x: 120, y: 90 } });
  const expected = await page.evaluate(() => {
    const m = (window as unknown as { __casefilePickerMap: { unproject(p: [number, number]): { lat: number; lng: number }; getCanvas(): HTMLCanvasElement } }).__casefilePickerMap;
    // The click was 120, 90 from the element's corner; the canvas sits inside its border.
    const box = document.querySelector('[data-testid="picker-map"]')!.getBoundingClientRect();
    const canvas = m.getCanvas().getBoundingClientRect();
    return m.unproject([box.left + 120 - canvas.left, box.top + 90 - canvas.top]);
  });
  await expect.poll(async () => Number(await page.getByTestId('picker-lat').inputValue())).toBeCloseTo(expected.lat, 3);
  expect(Number(await page.getByTestId('picker-lon').inputValue())).toBeCloseTo(expected.lng, 3);
  await expect(page.getByTestId('picker-mgrs')).toHaveValue(/^37S [A-Z]{2} \d{5} \d{5}$/);

  // A grid reference typed by hand moves the point, and a wrong one is explained.
  const mgrs = page.getByTestId('picker-mgrs');
  await mgrs.fill('not a grid');
  await mgrs.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'not an MGRS grid reference' })).toBeVisible();
  expect(blocked).toEqual([]);
});

test('the incident editor geolocates through the picker and fills the empty place fields', async ({ page, caseUrl }) => {
  const blocked = await offline(page);
  await page.goto(at(caseUrl, '#/incidents/new?debug=1'));
  await expect(page.locator('#f-incident-latitude')).toBeVisible({ timeout: 30_000 });
  const open = page.getByTestId('open-location-picker');
  test.skip((await open.count()) === 0, 'The incident editor has no location picker in this build.');
  await open.click();
  await searchAndPick(page, 'Baghouz');
  await expect(page.locator('#f-incident-latitude')).toHaveValue(/^34\.46/);
  await expect(page.locator('#f-incident-longitude')).toHaveValue(/^40\.94/);
  await expect(page.locator('#f-incident-geoPrecision')).toHaveValue('village');
  await expect(page.locator('#f-incident-placeAr')).toHaveValue('الباغوز');
  await expect(page.locator('#f-incident-governorate')).toHaveValue('Deir ez-Zor');
  expect(blocked).toEqual([]);
});
