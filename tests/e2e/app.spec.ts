/**
 * The real UI in Chromium, served by `casefile serve` over a fresh demo case file: what an
 * investigator sees on the incidents list, one incident, and the dashboard, checked against
 * the figures `casefile stats --json` prints for the same file.
 */
import type { Page } from '@playwright/test';
import type { Stats } from '../../shared/schemas';
import { at, expect, test } from './fixtures';

type GradeKey = keyof Stats['grades'];
const GRADE_KEYS: GradeKey[] = ['confirmed', 'fair', 'weak', 'contested', 'discounted', 'ungraded'];
const GRADE_NAMES: Record<GradeKey, string> = {
  confirmed: 'Confirmed',
  fair: 'Fair',
  weak: 'Weak',
  contested: 'Contested',
  discounted: 'Discounted',
  ungraded: 'Ungraded',
};
const PAGE_SIZE = 100;

/** A range as the UI publishes it: `3–5` with an en dash, or one number when min = max. */
function rangeText(r: { min: number; max: number }): string {
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

/** The case URL opened at a hash route, e.g. `#/dashboard`. */

async function shownTotal(page: Page): Promise<number> {
  const total = page.getByTestId('incident-total');
  await expect(total).toHaveText(/^\d+$/);
  return Number(await total.textContent());
}

test('opening the served URL shows the case incidents, and takes the token out of the address bar', async ({ page, caseUrl, stats }) => {
  await page.goto(caseUrl);

  await expect(page.getByRole('heading', { name: 'Incidents' })).toBeVisible();
  const total = await shownTotal(page);
  expect(total).toBeGreaterThan(0);
  expect(total).toBe(stats.incidents);
  await expect(page.getByTestId('incident-row')).toHaveCount(Math.min(total, PAGE_SIZE));
  await expect(page.getByTestId('incident-row').filter({ hasText: 'Baghuz' }).first()).toBeVisible();
  // The Arabic place name sits beside the English one, marked as right-to-left Arabic.
  await expect(page.locator('[data-testid=incident-row] span[dir=rtl][lang=ar]').first()).toBeVisible();

  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  // A reload still reaches the case: the token was kept for this tab.
  await page.reload();
  await expect(page.getByTestId('incident-total')).toHaveText(String(total));
});

test('clicking a row opens the read-only incident with its code, sources and history', async ({ page, caseUrl }) => {
  await page.goto(caseUrl);
  const row = page.getByTestId('incident-row').filter({ hasText: 'Baghuz' }).first();
  const code = (await row.getByRole('link').first().textContent())?.trim() ?? '';
  expect(code).not.toBe('');

  await row.locator('td').nth(1).click(); // the date cell: anywhere on the row opens it
  await expect(page).toHaveURL(/#\/incidents\/[^/?]+$/);
  await expect(page.getByTestId('incident-code')).toHaveText(code);
  await expect(page.getByRole('heading', { name: /^Sources/ })).toBeVisible();
  const sources = page.getByTestId('source');
  expect(await sources.count()).toBeGreaterThan(0);
  await expect(sources.first()).not.toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Internal — not for publication' })).toBeVisible();
  await expect(page.getByTestId('history-entry').first()).toBeVisible();
  // Read-only: nothing on the page can be edited.
  await expect(page.locator('main').locator('input, textarea, select, [contenteditable=true]')).toHaveCount(0);
  // Links out of the app open elsewhere and never replace it.
  for (const link of await page.locator('main a[href^="http"]').all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
  }

  // Back to the list, then open the same incident from the keyboard.
  await page.getByRole('link', { name: /All incidents/ }).click();
  const link = page.getByTestId('incident-row').filter({ hasText: 'Baghuz' }).first().getByRole('link', { name: code });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('incident-code')).toHaveText(code);
});

test('the dashboard shows the same figures as `casefile stats --json`', async ({ page, caseUrl, stats }) => {
  await page.goto(caseUrl);
  await page.getByRole('link', { name: 'Dashboard' }).click();

  const h = stats.headline;
  await expect(page.getByTestId('headline-incidents')).toHaveText(String(h.incidents));
  await expect(page.getByTestId('headline-killed')).toHaveText(rangeText(h.killed));
  await expect(page.getByTestId('headline-children')).toHaveText(rangeText(h.children));
  await expect(page.getByTestId('headline-women')).toHaveText(rangeText(h.women));
  await expect(page.getByTestId('headline-injured')).toHaveText(rangeText(h.injured));
  await expect(page.getByTestId('headline-named')).toHaveText(String(h.namedVictims));

  for (const g of GRADE_KEYS) {
    const t = stats.grades[g];
    await expect(page.getByTestId(`grade-${g}-incidents`), g).toHaveText(String(t.incidents));
    await expect(page.getByTestId(`grade-${g}-killed`), g).toHaveText(rangeText(t.killed));
  }
  await expect(page.getByTestId('conceded-incidents')).toHaveText(String(stats.conceded.incidents));
  await expect(page.getByTestId('conceded-killed')).toHaveText(rangeText(stats.conceded.killed));
});

test('a grade card leads to the incidents of that grade', async ({ page, caseUrl, stats }) => {
  const grade = GRADE_KEYS.find((g) => stats.grades[g].incidents > 0)!;
  await page.goto(at(caseUrl, '#/dashboard'));
  await page.getByRole('link', { name: `${GRADE_NAMES[grade]} incidents` }).click();

  await expect(page).toHaveURL(new RegExp(`#/incidents\\?grade=${grade}$`));
  await expect(page.getByTestId('incident-total')).toHaveText(String(stats.grades[grade].incidents));
});

test('filtering by grade in the URL shows only incidents of that grade', async ({ page, caseUrl, stats }) => {
  const graded = GRADE_KEYS.filter((g) => g !== 'ungraded' && stats.grades[g].incidents > 0);
  // The filter must narrow the list, or this test would prove nothing.
  const grade = graded.find((g) => stats.grades[g].incidents < stats.incidents);
  expect(grade, 'the demo case has incidents of more than one grade').toBeDefined();
  const expected = stats.grades[grade!].incidents;

  await page.goto(at(caseUrl, `#/incidents?grade=${grade}`));
  await expect(page.getByTestId('incident-total')).toHaveText(String(expected));
  const rows = page.getByTestId('incident-row');
  await expect(rows).toHaveCount(Math.min(expected, PAGE_SIZE));
  for (const row of await rows.all()) {
    await expect(row.locator('td').nth(4)).toHaveText(GRADE_NAMES[grade!]);
  }
  await expect(page.getByRole('checkbox', { name: GRADE_NAMES[grade!] })).toBeChecked();

  // The dashboard opened from here keeps the filter.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId(`grade-${grade}-incidents`)).toHaveText(String(expected));
  await expect(page.getByTestId('headline-incidents')).toHaveText(
    String(grade === 'confirmed' || grade === 'fair' ? expected : 0),
  );
});

test('sorting by a column header orders the rows and says so to assistive technology', async ({ page, caseUrl }) => {
  await page.goto(caseUrl);
  const header = page.getByRole('columnheader', { name: 'Code' });
  await expect(header).toHaveAttribute('aria-sort', 'none');

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=code&dir=asc/);
  const codes = await page.getByTestId('incident-row').locator('td:first-child').allTextContents();
  expect(codes.length).toBeGreaterThan(1);
  expect(codes).toEqual([...codes].sort());

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('incident-row').first().locator('td').first()).toHaveText(codes[codes.length - 1]!);
});

test('a wrong token shows a readable refusal, not a blank page', async ({ page, caseUrl }) => {
  const url = new URL(caseUrl);
  url.searchParams.set('token', 'not-the-token');
  await page.goto(url.href);

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/refused/i);
  await expect(alert).toContainText('casefile serve');
  await expect(page.getByTestId('incident-row')).toHaveCount(0);
});
