/**
 * Cross-referencing within a case, end to end in Chromium through `casefile serve`:
 *   - two victim records of one man, spelled differently in two Fair incidents, are suggested as
 *     the same person; confirming them (from the keyboard) drops the dashboard's named-victim
 *     headline by one and shows him as named in more than one incident;
 *   - marking a source as a repost of another drops the grading suggestion's count of
 *     independent sources by one, and the suggestion says which source it repeats.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { change } from '../../db/audit';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import type { Stats } from '../../shared/schemas';
import { at, casefile, expect, startServe, test as base } from './fixtures';

const r = (min: number | null, max: number | null) => ({ min, max });
const CODE = 'TEST-REPEAT-1';

interface Logged {
  incidentId: string;
  repostId: string;
}

const test = base.extend<{ logged: Logged }>({
  logged: async ({ casePath }, use) => {
    const cf = openCaseFile(casePath, { actor: 'Test setup' });
    const [one, two] = ['DEMO-SY-001', 'DEMO-SY-002'].map((code) => call(cf, 'incidents:get', { code }));
    const inc = call(cf, 'incidents:create', {
      reason: 'Logged for the reconciliation test',
      incident: {
        code: CODE, dateStart: '2017-05-02', dateEnd: null, datePrecision: 'day', localTime: null,
        placeEn: 'Test village', placeAr: null, district: null, governorate: 'Aleppo', country: 'Syria',
        latitude: null, longitude: null, geoPrecision: 'unknown', strikeType: 'Airstrike', strikeStatus: 'likely',
        casualties: {
          killed: r(3, 3), injured: r(null, null), childrenKilled: r(null, null), childrenInjured: r(null, null),
          womenKilled: r(null, null), womenInjured: r(null, null), menKilled: r(null, null), menInjured: r(null, null),
        },
        causeOfDeath: null, infrastructure: null, summary: 'Test incident for source independence.', internalNotes: null,
        status: 'draft', assigneeId: null, grade: null, gradeRationale: null, belligerents: [],
      },
    });
    let repostId = '';
    change(cf, 'Victims and sources for the reconciliation test', (w) => {
      // The demo's Fair incidents are graded (locked to the editor): the records go in directly.
      w.insert('victims', { id: randomUUID(), incident_id: one!.id, ord: 0, name_latin: 'Mohammed Ali al-Hassan', name_local: 'محمد علي الحسن', gender: 'male', age: 34, harm: 'killed' });
      w.insert('victims', { id: randomUUID(), incident_id: two!.id, ord: 0, name_latin: 'Muhammad Ali Hasan', gender: 'male', age: 35, harm: 'killed' });
      w.insert('victims', { id: randomUUID(), incident_id: two!.id, ord: 1, name_latin: 'Khaled Omar', gender: 'male', harm: 'killed' });
      ['Halab Today', 'SMART News', 'Aleppo 24'].forEach((outlet, ord) => {
        const id = randomUUID();
        if (outlet === 'Aleppo 24') repostId = id;
        w.insert('sources', { id, kind: 'local_media', outlet, title: `${outlet} on the strike`, created_at: w.at, updated_at: w.at });
        w.insert('source_incidents', { source_id: id, incident_id: inc.id, ord });
      });
    });
    closeCaseFile(cf);
    await use({ incidentId: inc.id, repostId });
  },
  caseUrl: async ({ casePath, logged }, use) => {
    void logged;
    const { url, child } = await startServe(casePath);
    await use(url);
    child.kill('SIGTERM');
  },
});


async function namedHeadline(page: Page, caseUrl: string): Promise<number> {
  await page.goto(at(caseUrl, '#/dashboard'));
  const figure = page.getByTestId('headline-named');
  await expect(figure).toBeVisible();
  return Number(await figure.textContent());
}

test('reconcile two victims: the named-victim headline drops by one', async ({ page, caseUrl, casePath }) => {
  const before = await namedHeadline(page, caseUrl);
  expect(before).toBe((JSON.parse(casefile('stats', casePath, '--json')) as Stats).headline.namedVictims);
  expect(before).toBe(3);
  await expect(page.getByTestId('named-several')).toHaveText('0');

  await page.getByRole('link', { name: 'Same person?' }).click();
  const pair = page.getByTestId('victim-pair').filter({ hasText: 'Muhammad Ali Hasan' });
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('Mohammed Ali al-Hassan');
  await expect(pair).toContainText('Names match allowing for transliteration');
  await expect(pair).toContainText('Ages within 2 years (34 and 35)');
  // From the keyboard: focus the pair, c confirms.
  await pair.focus();
  await page.keyboard.press('c');
  await expect(page.getByTestId('reconcile-status')).toContainText('are one person');
  await expect(page.getByTestId('victim-pair').filter({ hasText: 'Muhammad Ali Hasan' })).toHaveCount(0);

  expect(await namedHeadline(page, caseUrl)).toBe(before - 1);
  expect((JSON.parse(casefile('stats', casePath, '--json')) as Stats).headline.namedVictims).toBe(before - 1);
  await expect(page.getByTestId('named-several')).toHaveText('1');
  await expect(page.getByTestId('named-records')).toHaveText('3');

  // The incident page says where else he is recorded.
  await page.goto(at(caseUrl, '#/incidents'));
  await page.getByRole('link', { name: 'DEMO-SY-002' }).first().click();
  const groups = page.getByTestId('victim-groups');
  await expect(groups).toContainText('Mohammed Ali al-Hassan');
  await expect(groups.getByRole('link', { name: 'DEMO-SY-001' })).toBeVisible();
});

test('mark a source as a repeat: the suggestion counts one independent source fewer, and says why', async ({ page, caseUrl, logged }) => {
  await page.goto(at(caseUrl, `#/incidents/${logged.incidentId}`));
  const suggestion = page.getByTestId('suggestion');
  await expect(suggestion.getByTestId('independent-sources')).toHaveText('3');

  await page.goto(at(caseUrl, `#/sources/${logged.repostId}`));
  const panel = page.getByTestId('source-independence');
  await expect(panel.getByTestId('repeat-status')).toContainText('Counted as an independent source');
  await panel.getByRole('button', { name: 'Mark as repeating another source…' }).click();
  await panel.getByLabel('Find the original by outlet, title or address').fill('Halab');
  await panel.getByRole('listitem').filter({ hasText: 'Halab Today' }).getByRole('button', { name: 'This is the original' }).click();
  await expect(panel.getByTestId('repeat-status')).toContainText('Repeats Halab Today');

  await page.goto(at(caseUrl, `#/incidents/${logged.incidentId}`));
  await expect(suggestion.getByTestId('independent-sources')).toHaveText('2');
  await expect(suggestion).toContainText('3 sources logged, 2 independent: 1 repeats Halab Today');

  // Undone from the source page, the count is back.
  await page.goto(at(caseUrl, `#/sources/${logged.repostId}`));
  await panel.getByRole('button', { name: 'Not a repeat after all' }).click();
  await expect(panel.getByTestId('repeat-status')).toContainText('Counted as an independent source');
  await page.goto(at(caseUrl, `#/incidents/${logged.incidentId}`));
  await expect(suggestion.getByTestId('independent-sources')).toHaveText('3');
});
