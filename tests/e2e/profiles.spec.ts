/**
 * Who is acting: on a case file where this user has no profile, the app asks for one before
 * anything else; the new profile's changes are signed, and the audit page verifies them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casefile, expect, startServe, test } from './fixtures';

test('first start: a setup screen before anything else, then the case as the new person', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-e2e-setup-'));
  process.env.CASEFILE_HOME = join(dir, 'home'); // a user who has never used Casefile
  const file = join(dir, 'empty.casefile');
  casefile('init', file);
  const { url, child } = await startServe(file);
  try {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Incidents' })).toHaveCount(0);

    // Nothing is created without a name and a role.
    await page.getByRole('button', { name: 'Create my profile' }).click();
    await expect(page.getByText('Give your name')).toBeVisible();
    await expect(page.getByText('Choose a role')).toBeVisible();

    await page.getByLabel('Your name').fill('Amira Haddad');
    await page.getByRole('radio', { name: /^Reviewer/ }).check();
    await page.getByRole('button', { name: 'Create my profile' }).click();
    await expect(page.getByRole('heading', { name: 'Incidents' })).toBeVisible();
    await expect(page.getByTestId('current-profile')).toContainText('Amira Haddad');
    await expect(page.getByTestId('current-profile')).toContainText('Reviewer');

    // The audit trail names her, her entry is signed, and it verifies.
    await page.getByRole('link', { name: 'Audit trail' }).click();
    const entry = page.getByTestId('audit-entry').first();
    await expect(entry).toContainText('Amira Haddad');
    await expect(entry).toContainText('signed');
    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await expect(page.getByTestId('verify-result')).toContainText(/All 1 audit entries verify: 1 signed by 1 person/);

    // A reload (or the next run) opens as her: no setup screen.
    await page.reload();
    await expect(page.getByTestId('current-profile')).toContainText('Amira Haddad');
    await expect(page.getByRole('heading', { name: 'Who are you?' })).toHaveCount(0);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the audit page shows who changed what, before and after, and filters by person', async ({ page, caseUrl }) => {
  const url = new URL(caseUrl);
  url.hash = '#/audit';
  await page.goto(url.href);
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  const total = Number(await page.getByTestId('audit-total').textContent());
  expect(total).toBeGreaterThan(10);
  await page.getByLabel('Who').selectOption('Casefile demo');
  await expect(page.getByTestId('audit-entry').first()).toContainText('Casefile demo');
  await page.getByLabel('What').selectOption({ label: 'incidents' });
  await expect(page.getByTestId('audit-entry').first()).toContainText('Added incidents');
  await page.getByRole('button', { name: 'Verify the trail' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(`All ${total} audit entries verify`);
});
