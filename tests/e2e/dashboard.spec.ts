/**
 * The dashboard's figures lead to the incidents behind them: a month of the chart to that
 * month's incidents of that grade, a headline figure to the Confirmed and Fair incidents, the
 * conceded figure to the incidents a belligerent assessed as credible.
 */
import type { Stats } from '../../shared/schemas';
import { at, casefile, expect, test } from './fixtures';


test('the monthly chart is drawn, and a month leads to its incidents of that grade', async ({ page, caseUrl, casePath }) => {
  await page.goto(at(caseUrl, '#/dashboard'));
  await expect(page.getByTestId('monthly-chart').locator('svg .recharts-bar-rectangle').first()).toBeVisible();
  await page.getByText('The figures by month, as a table').click();
  const cell = page.getByTestId('month-2017-03-fair');
  await expect(cell).toBeVisible();
  const killed = (await cell.textContent())!.trim();
  await cell.click();
  await expect(page).toHaveURL(/#\/incidents\?grade=fair&from=2017-03-01&to=2017-03-31$/);
  const monthly = JSON.parse(casefile('stats', casePath, '--json', '--from', '2017-03-01', '--to', '2017-03-31')) as Stats;
  await expect(page.getByTestId('incident-total')).toHaveText(String(monthly.grades.fair.incidents));
  const k = monthly.grades.fair.killed;
  expect(killed).toBe(k.min === k.max ? String(k.min) : `${k.min}–${k.max}`);

  // The incidents-per-month view of the same chart.
  await page.goto(at(caseUrl, '#/dashboard'));
  await page.getByRole('radio', { name: 'Incidents' }).check();
  await page.getByText('The figures by month, as a table').click();
  await expect(page.getByTestId('month-2017-03-fair')).toHaveText(String(monthly.grades.fair.incidents));
});

test('headline and conceded figures lead to the incidents they sum, under the dashboard filter', async ({ page, caseUrl, casePath }) => {
  const stats = JSON.parse(casefile('stats', casePath, '--json', '--country', 'Syria')) as Stats;
  await page.goto(at(caseUrl, '#/dashboard?country=Syria'));
  await page.getByTestId('headline-killed').click();
  await expect(page).toHaveURL(/#\/incidents\?grade=confirmed&grade=fair&country=Syria$/);
  await expect(page.getByTestId('incident-total')).toHaveText(String(stats.headline.incidents));

  await page.goto(at(caseUrl, '#/dashboard?country=Syria'));
  await page.getByTestId('conceded-incidents').click();
  await expect(page).toHaveURL(/position=credible/);
  await expect(page.getByTestId('incident-total')).toHaveText(String(stats.conceded.incidents));
});
