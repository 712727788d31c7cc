/**
 * Duplicate incidents, end to end in Chromium through `casefile serve`: two near-identical
 * incidents logged in the demo case (same day and spot, the same page cited, the same victim)
 * appear as a suggested pair with their reasons; merging them drops the incident count by one,
 * moves the sources and victims, and leaves the absorbed code resolving to the survivor; undoing
 * the merge brings both incidents back exactly as they were.
 */
import type { Page } from '@playwright/test';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import type { IncidentInput } from '../../shared/schemas';
import { CASUALTY_FIELDS } from '../../shared/casualty';
import { at, expect, startServe, test as base } from './fixtures';

const A = 'DUPA1';
const B = 'DUPB2';

/** An incident as the editor would save it; override what the test is about. */
const incidentInput = (over: Partial<IncidentInput>): IncidentInput => ({
  code: 'X', dateStart: null, dateEnd: null, datePrecision: 'day', localTime: null, placeEn: null, placeAr: null,
  district: null, governorate: null, country: null, latitude: null, longitude: null, geoPrecision: null,
  strikeType: 'Airstrike', strikeStatus: 'likely',
  casualties: Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, { min: null, max: null }])) as IncidentInput['casualties'],
  causeOfDeath: null, infrastructure: null, summary: null, internalNotes: null, status: 'draft', assigneeId: null,
  grade: null, gradeRationale: null, belligerents: [], ...over,
});

const source = (url: string, title: string) => ({
  kind: 'local_media', outlet: 'Local outlet', author: null, url, archiveUrl: null, language: 'Arabic', publishedDate: '2017-05-03',
  accessedDate: null, title, excerptOriginal: null, excerptTranslation: null, credibilityNotes: null,
  sensitivePersonal: false, sensitiveGraphic: false,
}) as const;
const victim = (nameLatin: string, nameLocal: string) => ({
  id: null, nameLatin, nameLocal, gender: 'male', age: null, ageGroup: null, harm: 'killed', familyGroup: null,
  civilianStatusContested: false, sensitive: false,
}) as const;

const test = base.extend<{ logged: { a: string; b: string } }>({
  logged: async ({ casePath }, use) => {
    const cf = openCaseFile(casePath, { actor: 'Test setup' });
    const where = { dateStart: '2017-05-02', placeEn: 'Al Mansoura', placeAr: 'المنصورة', governorate: 'Raqqa', country: 'Syria', latitude: 35.83, longitude: 38.75, geoPrecision: 'exact' as const };
    const a = call(cf, 'incidents:create', { incident: incidentInput({ ...where, code: A, summary: null }) });
    const b = call(cf, 'incidents:create', { incident: incidentInput({ ...where, code: B, placeEn: 'Mansoura', summary: 'Strike on the bakery' }) });
    call(cf, 'sources:create', { source: source('https://example.org/news/1?utm_source=x', 'Bakery hit'), incidentIds: [a.id] });
    call(cf, 'sources:create', { source: source('http://www.example.org/news/1', 'Bakery hit (repost)'), incidentIds: [b.id], allowDuplicate: true });
    call(cf, 'victims:save', { incidentId: a.id, victims: [victim('Khaled al-Hassan', 'خالد الحسن')] });
    call(cf, 'victims:save', { incidentId: b.id, victims: [victim('Khaled al Hassan', 'خالد الحسن'), victim('Mahmoud al Hassan', 'محمود الحسن')] });
    closeCaseFile(cf);
    await use({ a: a.id, b: b.id });
  },
  caseUrl: async ({ casePath, logged }, use) => {
    void logged;
    const { url, child } = await startServe(casePath);
    await use(url);
    child.kill('SIGTERM');
  },
});


async function dashboardTotal(page: Page, caseUrl: string): Promise<number> {
  await page.goto(at(caseUrl, '#/dashboard'));
  const total = page.getByTestId('stats-incidents');
  await expect(total).toHaveText(/^\d+$/);
  return Number(await total.textContent());
}

async function listTotal(page: Page, caseUrl: string): Promise<number> {
  await page.goto(at(caseUrl, '#/incidents'));
  const total = page.getByTestId('incident-total');
  await expect(total).toHaveText(/^\d+$/);
  return Number(await total.textContent());
}

test('merge two incidents, see counts and codes right, undo and see everything restored', async ({ page, caseUrl, logged, stats }) => {
  await page.goto(caseUrl);
  const before = await listTotal(page, caseUrl);
  expect(before).toBe(stats.incidents);
  expect(await dashboardTotal(page, caseUrl)).toBe(before);

  // The pair is suggested, with its reasons, side by side.
  await page.getByRole('link', { name: 'Duplicates' }).click();
  const pair = page.locator('article.pair-card').filter({ hasText: A }).filter({ hasText: B });
  await expect(pair).toHaveCount(1);
  await expect(pair.getByText('Same day')).toBeVisible();
  await expect(pair.getByText(/Same web page cited: example\.org\/news\/1/)).toBeVisible();
  await expect(pair.getByText(/1 victim named in both: khaled al hassan/)).toBeVisible();

  // Merge, keeping A and taking B's summary (A has none: the default) and B's English place name.
  await pair.getByRole('link', { name: 'Merge…' }).click();
  await expect(page.getByRole('heading', { name: 'Merge two incidents' })).toBeVisible();
  if ((await page.getByTestId(`pair-side-${A}`).textContent())?.includes('Absorbed')) {
    await page.getByRole('button', { name: `Keep ${A} instead` }).click();
  }
  await expect(page.getByRole('button', { name: `Merge ${B} into ${A}` })).toBeEnabled();
  await expect(page.getByRole('radio', { name: `Summary: keep ${B}'s value` })).toBeChecked();
  await page.getByRole('radio', { name: `Place (English): keep ${B}'s value` }).check();
  await expect(page.getByTestId('merge-moves')).toContainText('1 sources');
  await expect(page.getByTestId('merge-moves')).toContainText('2 victims');
  await page.getByLabel('Why (kept in the audit log)').fill('Same bakery strike reported twice');
  await page.getByRole('button', { name: `Merge ${B} into ${A}` }).click();
  await expect(page.getByTestId('merge-done')).toContainText(`${B} was merged into ${A}`);

  // Counts: one incident fewer, everywhere.
  expect(await listTotal(page, caseUrl)).toBe(before - 1);
  expect(await dashboardTotal(page, caseUrl)).toBe(before - 1);

  // The survivor holds everything; the absorbed code is an earlier code that finds it.
  await page.goto(at(caseUrl, `#/incidents/${logged.a}`));
  await expect(page.getByTestId('incident-code')).toHaveText(A);
  await expect(page.getByText(`Earlier codes: ${B}`)).toBeVisible();
  await expect(page.locator('p.prose').filter({ hasText: 'Strike on the bakery' })).toBeVisible();
  await expect(page.getByTestId('victim')).toHaveCount(3);
  await expect(page.getByTestId('victim').filter({ hasText: 'Mahmoud al Hassan' })).toBeVisible();
  await expect(page.getByTestId('source')).toHaveCount(2);
  await expect(page.getByTestId('source').filter({ hasText: 'Bakery hit (repost)' })).toBeVisible();
  await page.goto(at(caseUrl, `#/search?q=${B}`));
  const hit = page.getByTestId('search-result').filter({ hasText: A });
  await expect(hit).toHaveCount(1);
  await page.goto(at(caseUrl, `#/incidents/${logged.b}`));
  await expect(page.getByText(/No incident with id/)).toBeVisible();

  // Undo, confirmed, from the Duplicates page.
  await page.goto(at(caseUrl, '#/duplicates'));
  const merge = page.getByTestId(`merge-${B}`);
  await merge.getByRole('button', { name: 'Undo merge' }).click();
  await merge.getByRole('button', { name: 'Confirm undo' }).click();
  await expect(page.getByTestId('undo-done')).toContainText(`Undone: ${B} merged into ${A}`);
  await expect(page.locator('article.pair-card').filter({ hasText: A }).filter({ hasText: B })).toHaveCount(1);

  expect(await listTotal(page, caseUrl)).toBe(before);
  expect(await dashboardTotal(page, caseUrl)).toBe(before);
  await page.goto(at(caseUrl, `#/incidents/${logged.b}`));
  await expect(page.getByTestId('incident-code')).toHaveText(B);
  await expect(page.getByTestId('victim')).toHaveCount(2);
  await expect(page.getByTestId('source')).toHaveCount(1);
  await expect(page.getByTestId('source').filter({ hasText: 'Bakery hit (repost)' })).toBeVisible();
  await page.goto(at(caseUrl, `#/incidents/${logged.a}`));
  await expect(page.getByTestId('incident-code')).toHaveText(A);
  await expect(page.getByText('Earlier codes')).toHaveCount(0);
  await expect(page.locator('p.prose').filter({ hasText: 'Strike on the bakery' })).toHaveCount(0);
  await expect(page.getByTestId('victim')).toHaveCount(1);
  await expect(page.getByTestId('source')).toHaveCount(1);
});
