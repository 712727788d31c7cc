/**
 * File → Import…, end to end in Chromium through `casefile serve`: an Airwars-layout archive
 * imports with a progress bar that reaches done and a report listing problems by file and line;
 * a CSV is mapped, its bad row shown before committing, then imported; a cancelled import
 * leaves the case file as it was.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bigArchive, smallArchive } from './importArchives';

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'casefile-e2e-import-'));
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

/** What a change would alter: row counts and the audit trail's head. */
function fingerprint(casePath: string) {
  const db = new Database(casePath, { readonly: true });
  try {
    const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    return { incidents: n('incidents'), sources: n('sources'), victims: n('victims'), audit: n('audit_log'), imports: n('imports'), head };
  } finally {
    db.close();
  }
}

async function openImport(page: Page, caseUrl: string) {
  await page.goto(caseUrl);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
}

test('imports an Airwars archive: the progress bar reaches done, the report lists problems by file and line', async ({ page, caseUrl, casePath }) => {
  const dir = smallArchive(join(work, 'archive'));
  const before = fingerprint(casePath);
  await openImport(page, caseUrl);
  await page.getByLabel('Archive folder').fill(dir);
  await page.getByRole('button', { name: 'Import archive' }).click();

  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');

  const report = page.getByTestId('import-report');
  const created = Number(await report.getByTestId('count-incidents').getByRole('cell').first().textContent());
  expect(created).toBeGreaterThan(0);
  expect(fingerprint(casePath).incidents).toBe(before.incidents + created);
  const problems = report.getByTestId('import-problem');
  expect(await problems.count()).toBeGreaterThan(0);
  const first = problems.first().getByRole('cell');
  await expect(first.nth(0)).toHaveText(/\.csv$/);
  await expect(first.nth(1)).toHaveText(/^\d+$/);
  await expect(first.nth(4)).not.toBeEmpty();

  // The saved report is listed with the past imports.
  await expect(page.getByTestId('past-imports').getByRole('row')).toHaveCount(2);

  await report.getByRole('link', { name: 'Show the incidents with data problems' }).click();
  await expect(page).toHaveURL(/#\/incidents\?problems=yes/);
  const total = Number(await page.getByTestId('incident-total').textContent());
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(before.incidents + created);
});

test('maps a CSV: guesses preselected, the bad row shown before committing, the mapping saved, then imported', async ({ page, caseUrl, casePath }) => {
  const csv = join(work, 'list.csv');
  writeFileSync(
    csv,
    ['Ref,Date,Place,Civilians killed,Injured', 'E2E-1,2017-03-17,Mosul,4,1 – 2', 'E2E-2,2017-03-18,Raqqa,3 – 1,Unknown', ',2017-03-19,Nowhere,1,1', 'E2E-3,2017-03-20,Hama,Unknown,'].join('\n'),
  );
  const before = fingerprint(casePath);
  await openImport(page, caseUrl);
  await page.getByLabel(/Any spreadsheet saved as CSV/).check();
  await page.getByLabel('CSV file', { exact: true }).fill(csv);
  await page.getByRole('button', { name: 'Map its columns' }).click();

  const columns = page.getByTestId('column-table');
  await expect(columns.getByLabel('Ref')).toHaveValue('code');
  await expect(columns.getByLabel('Civilians killed')).toHaveValue('killed');
  await expect(columns.getByLabel('Place')).toHaveValue('placeEn');

  // The dry run: what importing would do, the bad rows by line, and nothing saved yet.
  const dry = page.getByTestId('import-report');
  await expect(dry.getByRole('heading', { name: /nothing saved yet/ })).toBeVisible();
  const bad = dry.getByTestId('import-problem').filter({ hasText: 'E2E-2' });
  await expect(bad.first().getByRole('cell').nth(0)).toHaveText('list.csv');
  await expect(bad.first().getByRole('cell').nth(1)).toHaveText('3');
  await expect(dry.getByTestId('import-problem').filter({ hasText: 'left out' }).first().getByRole('cell').nth(1)).toHaveText('4');
  expect(fingerprint(casePath)).toEqual(before);

  // Changing the mapping asks for a fresh check before importing.
  await columns.getByLabel('Injured').selectOption({ label: 'Leave out' });
  await expect(page.getByRole('button', { name: /^Import \d+ rows$/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Check the mapping' }).click();

  await page.getByLabel('Save this mapping as').fill('Monthly list');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved as “Monthly list”')).toBeVisible();

  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('import-report').getByTestId('count-incidents').getByRole('cell').first()).toHaveText('3');
  expect(fingerprint(casePath).incidents).toBe(before.incidents + 3);

  // Next time, the saved mapping is offered.
  await page.getByRole('button', { name: 'Start another import' }).click();
  await page.getByLabel(/Any spreadsheet saved as CSV/).check();
  await page.getByLabel('CSV file', { exact: true }).fill(csv);
  await page.getByRole('button', { name: 'Map its columns' }).click();
  await page.getByLabel('Use a saved mapping').selectOption('Monthly list');
  await expect(page.getByTestId('column-table').getByLabel('Injured')).toHaveValue('__skip');
});

test('a cancelled import leaves the case file as it was', async ({ page, caseUrl, casePath }) => {
  const dir = bigArchive(join(work, 'big'));
  const before = fingerprint(casePath);
  await openImport(page, caseUrl);
  await page.getByLabel('Archive folder').fill(dir);
  await page.getByRole('button', { name: 'Import archive' }).click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'running');
  // Elsewhere in the app a banner says an import is running, and leads back to it.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByTestId('import-running-banner').getByRole('link', { name: 'See its progress' }).click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'running');
  // The bar moves while it runs (the page polls the job's status).
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  // Other changes wait for the import: the page says so while it runs.
  await expect(page.getByText('Other changes to this case file wait until the import has finished')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  await expect(page.getByText('Nothing was saved: the case file is as it was before.')).toBeVisible();
  expect(fingerprint(casePath)).toEqual(before);
  await expect(page.getByText('Nothing has been imported into this case file yet.')).toBeVisible();
});
