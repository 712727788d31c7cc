/**
 * The investigator's workbench in Chromium through `casefile serve`, as a new user works:
 * log an incident with an Arabic place name and two victims, attach a capture and check its
 * hash, find the incident again by another Arabic spelling, come back to a draft after a reload,
 * and try to save a minimum above its maximum.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Stats } from '../../shared/schemas';
import { at, casefile, expect, test } from './fixtures';


const incidentCount = (casePath: string) => (JSON.parse(casefile('stats', casePath, '--json')) as Stats).incidents;

async function fillNewIncident(page: Page, code: string) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByLabel('Date (or first day)').fill('2024-05-01');
  await page.getByLabel('Place (English)').fill('Al-Idhaa neighbourhood');
  await page.getByLabel('Place (Arabic)').fill('حيّ الإذاعة');
  await page.getByLabel('Governorate').fill('Aleppo');
}

test('a new incident with an Arabic place name and two victims is saved, and found again by another Arabic spelling', async ({ page, caseUrl, casePath }) => {
  const before = incidentCount(casePath);
  await page.goto(caseUrl);
  await page.getByRole('link', { name: 'New incident' }).click();
  await expect(page.getByRole('heading', { name: 'New incident' })).toBeVisible();
  await fillNewIncident(page, 'WB-001');
  await expect(page.getByLabel('Place (Arabic)')).toHaveAttribute('dir', 'auto');
  await page.getByLabel('Civilians killed minimum').fill('2');
  await page.getByLabel('Civilians killed maximum').fill('3');

  await page.getByRole('button', { name: 'Add a victim' }).click();
  await page.getByRole('button', { name: 'Add a victim' }).click();
  await page.getByLabel('Name in Latin script, victim 1').fill('Ahmad al-Ali');
  await page.getByLabel('Name in local script, victim 1').fill('أحمد العلي');
  await page.getByLabel('Gender, victim 1').selectOption('male');
  await page.getByLabel('Age, victim 1').fill('41');
  await page.getByLabel('Name in Latin script, victim 2').fill('Fatima al-Ali');
  await page.getByLabel('Name in local script, victim 2').fill('فاطمة العلي');
  await page.getByLabel('Age group, victim 2').selectOption('child');
  await page.getByRole('button', { name: 'Save' }).first().click();

  await expect(page.getByTestId('incident-code')).toHaveText('WB-001');
  await expect(page.locator('span[dir=rtl][lang=ar]', { hasText: 'حيّ الإذاعة' })).toBeVisible();
  await expect(page.getByTestId('victim')).toHaveCount(2);
  await expect(page.getByTestId('victim').nth(1)).toContainText('فاطمة العلي');
  expect(incidentCount(casePath)).toBe(before + 1);
  // The save is in the audit log.
  await expect(page.getByTestId('history-entry').first()).toBeVisible();

  // Another spelling: no shadda, bare alef for إ, haa for taa marbuta.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: /Search incidents/ })).toBeFocused();
  await page.keyboard.type('الاذاعه');
  await page.keyboard.press('Enter');
  const hit = page.getByTestId('search-result').filter({ hasText: 'WB-001' });
  await expect(hit).toBeVisible();
  const match = hit.getByTestId('search-match').filter({ hasText: 'Place (Arabic)' });
  await expect(match.locator('mark')).toHaveText('الإذاعة');
  // A victim by the Arabic name, spelt without hamza.
  await page.getByRole('searchbox', { name: /Search incidents/ }).fill('احمد العلي');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-result').filter({ hasText: 'Ahmad al-Ali' })).toContainText('WB-001');
});

test('a capture attached to a source keeps its SHA-256 and opens again byte-identical', async ({ page, caseUrl }) => {
  await page.goto(caseUrl);
  await page.getByTestId('incident-row').first().locator('td').nth(1).click();
  await page.getByRole('link', { name: 'Log a source' }).click();
  await page.getByLabel('Title').fill('صور من موقع الغارة');
  await page.getByLabel('Web address (URL)').fill('https://example.org/strike/photos-1');
  await page.getByLabel('Excerpt in the original language').fill('صور تظهر الدمار');
  await page.getByRole('button', { name: 'Log the source' }).click();
  await expect(page.getByTestId('source-title')).toHaveText('صور من موقع الغارة');

  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200_000)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await page.getByLabel('Choose capture files').setInputFiles({ name: 'strike-site.png', mimeType: 'image/png', buffer: bytes });
  const capture = page.getByTestId('capture').filter({ hasText: 'strike-site.png' });
  await expect(capture.getByTestId('capture-sha256')).toHaveText(sha256);
  await expect(capture).toContainText('image/png');

  const download = page.waitForEvent('download');
  await capture.getByRole('button', { name: 'Open' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('strike-site.png');
  const back = readFileSync((await file.path())!);
  expect(back.equals(bytes)).toBe(true);
  await expect(capture.getByTestId('capture-status')).toContainText('SHA-256 verified');

  // The same file again says where it already is, and is not added twice.
  await page.getByLabel('Choose capture files').setInputFiles({ name: 'again.png', mimeType: 'image/png', buffer: bytes });
  await expect(page.getByTestId('capture-message')).toContainText('already attached to this source as strike-site.png');
  await expect(page.getByTestId('capture')).toHaveCount(1);
});

test('a reload in the middle of an edit brings the draft back, after asking before leaving', async ({ page, caseUrl, casePath }) => {
  const before = incidentCount(casePath);
  await page.goto(at(caseUrl, '#/incidents/new'));
  await fillNewIncident(page, 'WB-002');
  await page.getByLabel('Internal notes').fill('Witness asked not to be named.');
  await expect(page.getByTestId('draft-state')).toHaveText(/draft kept/);

  let asked = false;
  page.once('dialog', (dialog) => {
    asked = dialog.type() === 'beforeunload';
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toBe(true);

  await expect(page.getByTestId('draft-notice')).toContainText('Draft restored');
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('WB-002');
  await expect(page.getByLabel('Place (Arabic)')).toHaveValue('حيّ الإذاعة');
  await expect(page.getByLabel('Internal notes')).toHaveValue('Witness asked not to be named.');
  expect(incidentCount(casePath)).toBe(before);

  // Leaving inside the app asks too; staying keeps everything.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('WB-002');

  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByTestId('incident-code')).toHaveText('WB-002');
  expect(incidentCount(casePath)).toBe(before + 1);
  // Saved: the draft is gone, so a new incident starts empty.
  await page.goto(at(caseUrl, '#/incidents/new'));
  await expect(page.getByLabel('Code', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('draft-notice')).toHaveCount(0);
});

test('saving a minimum above its maximum shows the error beside the field, saves nothing and loses nothing', async ({ page, caseUrl, casePath }) => {
  const before = incidentCount(casePath);
  await page.goto(at(caseUrl, '#/incidents/new'));
  await fillNewIncident(page, 'WB-003');
  await page.getByLabel('Civilians killed minimum').fill('5');
  await page.getByLabel('Civilians killed maximum').fill('2');
  await page.getByRole('button', { name: 'Save' }).first().click();

  const max = page.getByLabel('Civilians killed maximum');
  await expect(max).toHaveAttribute('aria-invalid', 'true');
  const error = page.getByTestId('error-incident.casualties.killed.max');
  await expect(error).toHaveText('Civilians killed: maximum (2) is below minimum (5)');
  // The message is tied to the field for assistive technology.
  expect(await max.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await expect(page).toHaveURL(/#\/incidents\/new$/);
  expect(incidentCount(casePath)).toBe(before);
  for (const [label, value] of [
    ['Code', 'WB-003'],
    ['Place (Arabic)', 'حيّ الإذاعة'],
    ['Civilians killed minimum', '5'],
    ['Civilians killed maximum', '2'],
  ] as const) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  }

  await max.fill('7');
  await expect(error).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByTestId('incident-code')).toHaveText('WB-003');
  await expect(page.getByTestId('casualty-killed')).toHaveText('5–7');
  expect(incidentCount(casePath)).toBe(before + 1);
});
