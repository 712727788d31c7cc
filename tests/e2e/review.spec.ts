/**
 * Review, end to end in Chromium through `casefile serve`: an investigator sends an incident
 * for review; a reviewer (switched profile) requests changes; the investigator fixes and
 * resubmits; the reviewer grades it Fair with a rationale; the dashboard headline moves by
 * exactly that incident's ranges; `casefile verify` passes, and an edit made behind the app's
 * back makes it fail.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { change } from '../../db/audit';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import type { Stats } from '../../shared/schemas';
import { at, casefile, expect, startServe, test as base } from './fixtures';

const BIN = fileURLToPath(new URL('../../cli/bin/casefile.mjs', import.meta.url));
const CODE = 'TEST-REV-1';
const r = (min: number | null, max: number | null) => ({ min, max });

interface Logged {
  id: string;
}

/** The incident under review, logged (with two outlets and a named victim) before the app opens. */
const test = base.extend<{ logged: Logged }>({
  logged: async ({ casePath }, use) => {
    const cf = openCaseFile(casePath, { actor: 'Test setup' });
    const inc = call(cf, 'incidents:create', {
      reason: 'Logged for the review test',
      incident: {
        code: CODE, dateStart: '2017-05-02', dateEnd: null, datePrecision: 'day', localTime: null,
        placeEn: 'Test village', placeAr: null, district: null, governorate: 'Raqqa', country: 'Syria',
        latitude: null, longitude: null, geoPrecision: 'unknown', strikeType: 'Airstrike', strikeStatus: 'likely',
        casualties: {
          killed: r(4, 9), injured: r(2, 5), childrenKilled: r(null, null), childrenInjured: r(null, null),
          womenKilled: r(0, 2), womenInjured: r(null, null), menKilled: r(null, null), menInjured: r(null, null),
        },
        causeOfDeath: null, infrastructure: null, summary: 'Test incident for the review workflow.', internalNotes: null,
        status: 'draft', assigneeId: null, grade: null, gradeRationale: null,
        belligerents: [{ belligerent: 'U.S.-led Coalition', involvement: 'suspected', position: 'not_yet_assessed', concededKilled: r(null, null), concededInjured: r(null, null), locationText: null, mgrs: null, statement: null }],
      },
    });
    change(cf, 'Sources and a victim logged for the review test', (w) => {
      ['Outlet one', 'Outlet two'].forEach((outlet, ord) => {
        const id = randomUUID();
        w.insert('sources', { id, kind: 'local_media', outlet, title: `${outlet} report`, created_at: w.at, updated_at: w.at });
        w.insert('source_incidents', { source_id: id, incident_id: inc.id, ord });
      });
      w.insert('victims', { id: randomUUID(), incident_id: inc.id, ord: 0, name_local: 'ضحية اختبار', harm: 'killed' });
    });
    closeCaseFile(cf);
    await use({ id: inc.id });
  },
  // Served only once the incident is logged.
  caseUrl: async ({ casePath, logged }, use) => {
    void logged;
    const { url, child } = await startServe(casePath);
    await use(url);
    child.kill('SIGTERM');
  },
});


const rangeText = (x: { min: number; max: number }) => (x.min === x.max ? String(x.min) : `${x.min}–${x.max}`);
const plus = (a: { min: number; max: number }, b: { min: number; max: number }) => ({ min: a.min + b.min, max: a.max + b.max });

async function switchTo(page: Page, name: string) {
  await page.getByTestId('current-profile').click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByTestId('current-profile')).toContainText(name);
}

async function openIncident(page: Page, caseUrl: string, id: string) {
  await page.goto(at(caseUrl, `#/incidents/${id}`));
  await expect(page.getByTestId('incident-code')).toHaveText(CODE);
}

test('send for review, changes requested, fixed, graded Fair: the headline moves by its ranges, and verify catches tampering', async ({ page, caseUrl, casePath, logged }) => {
  const panel = page.getByTestId('review-panel');
  const status = panel.getByTestId('workflow-status');

  // The investigator sends it to the demo reviewer.
  await openIncident(page, caseUrl, logged.id);
  await expect(page.getByTestId('current-profile')).toContainText('Demo investigator');
  await expect(status).toHaveText('Draft');
  await expect(panel.getByTestId('suggested-grade')).toHaveText('Fair'); // two outlets and a likely strike
  await panel.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Demo reviewer (reviewer)' });
  await panel.getByLabel('Note for the reviewer').fill('Two local outlets report it.');
  await panel.getByRole('button', { name: 'Send for review' }).click();
  await expect(status).toHaveText('Ready for review');
  await expect(panel.locator('input, textarea, select')).toHaveCount(0); // nothing more for the investigator to do

  // The reviewer finds it in their queue and sends it back.
  await switchTo(page, 'Demo reviewer');
  await page.getByRole('link', { name: 'My reviews' }).click();
  const toReview = page.getByTestId('queue-to-review');
  await expect(toReview.getByTestId('queue-row')).toHaveCount(1);
  await expect(toReview).toContainText('Two local outlets report it.');
  await toReview.getByRole('link', { name: CODE }).click();
  await expect(status).toHaveText('Ready for review');
  await panel.getByLabel('What needs to change').fill('Outlet two gives the children killed: record them.');
  await panel.getByRole('button', { name: 'Request changes' }).click();
  await expect(status).toHaveText('Draft');
  await expect(panel.getByTestId('workflow-event').last()).toContainText('Changes requested by Demo reviewer');

  // The investigator sees it returned with the comment, fixes it in the editor and resubmits.
  await switchTo(page, 'Demo investigator');
  await page.getByRole('link', { name: 'My reviews' }).click();
  const returned = page.getByTestId('queue-returned');
  await expect(returned).toContainText('Outlet two gives the children killed: record them.');
  await returned.getByRole('link', { name: CODE }).click();
  await expect(page.getByTestId('incident-code')).toHaveText(CODE);
  await page.goto(at(caseUrl, `#/incidents/${logged.id}/edit`));
  await page.getByLabel('Children killed minimum').fill('1');
  await page.getByLabel('Children killed maximum').fill('3');
  await page.getByRole('button', { name: 'Save' }).first().click();
  // Saved, the editor returns to the incident.
  await expect(page).toHaveURL(new RegExp(`#/incidents/${logged.id}$`));
  await expect(page.getByTestId('incident-code')).toHaveText(CODE);
  await expect(status).toHaveText('Draft');
  await panel.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Demo reviewer (reviewer)' });
  await panel.getByLabel('Note for the reviewer').fill('Children killed recorded: 1–3.');
  await panel.getByRole('button', { name: 'Send for review' }).click();
  await expect(status).toHaveText('Ready for review');

  // The figures before the grade, as `casefile stats` gives them.
  const before = JSON.parse(casefile('stats', casePath, '--json')) as Stats;

  // The reviewer grades it Fair, with a rationale.
  await switchTo(page, 'Demo reviewer');
  await expect(status).toHaveText('Ready for review');
  await panel.getByRole('radio', { name: /^Fair/ }).check();
  await panel.getByLabel('Rationale').fill('Two independent outlets and a likely Coalition strike near the date and place.');
  await panel.getByRole('button', { name: 'Grade Fair' }).click();
  await expect(status).toHaveText('Graded');
  await expect(panel.getByTestId('locked')).toBeVisible();
  await expect(panel.getByTestId('grade-history-entry')).toHaveCount(1);
  await expect(panel.getByTestId('grade-history-entry')).toContainText('by Demo reviewer');
  await expect(panel.getByTestId('grade-differs')).toHaveCount(0); // Fair was also the suggestion

  // The headline moves by exactly this incident's ranges (unknown counts as 0).
  const incident = { incidents: 1, killed: r(4, 9), children: r(1, 3), women: r(0, 2), injured: r(2, 5), named: 1 } as const;
  const h = before.headline;
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('headline-incidents')).toHaveText(String(h.incidents + 1));
  await expect(page.getByTestId('headline-killed')).toHaveText(rangeText(plus(h.killed, { min: 4, max: 9 })));
  await expect(page.getByTestId('headline-children')).toHaveText(rangeText(plus(h.children, { min: 1, max: 3 })));
  await expect(page.getByTestId('headline-women')).toHaveText(rangeText(plus(h.women, { min: 0, max: 2 })));
  await expect(page.getByTestId('headline-injured')).toHaveText(rangeText(plus(h.injured, { min: 2, max: 5 })));
  await expect(page.getByTestId('headline-named')).toHaveText(String(h.namedVictims + incident.named));
  const after = JSON.parse(casefile('stats', casePath, '--json')) as Stats;
  expect(after.headline.killed).toEqual(plus(h.killed, { min: 4, max: 9 }));
  await expect(page.getByTestId('headline-killed')).toHaveText(rangeText(after.headline.killed));

  // The trail verifies: chain, signatures (both demo people signed their steps), data.
  const ok = spawnSync(process.execPath, [BIN, 'verify', casePath], { encoding: 'utf8' });
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/^All \d+ audit entries verify: \d+ signed by 2 people, \d+ unsigned/);

  // Someone with the file but not the app raises the toll: verify names the row.
  const db = new Database(casePath);
  db.prepare('UPDATE incidents SET killed_max = killed_max + 10 WHERE id = ?').run(logged.id);
  db.close();
  const bad = spawnSync(process.execPath, [BIN, 'verify', casePath], { encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(new RegExp(`incidents row ${logged.id} \\(code ${CODE}\\) holds killed_max = 19, where the audit trail \\(entry \\d+\\) recorded 9; it was changed behind the app's back`));
});
