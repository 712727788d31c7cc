/**
 * Strike matching, end to end in Chromium through `casefile serve` on the demo case: log a
 * belligerent's strike report (MGRS grid) near a demo incident on the Strike reports page, find
 * candidate incidents, accept the match on the incident's page with the keyboard, and see the
 * grading suggestion change from Weak to Fair.
 *
 * Setup (before the app opens): the demo incident DEMO-IQ-001 (a single-source claim) gets a
 * second, independent source, so that a declared strike near the date and place is what Fair
 * still lacks.
 */
import { createRequire } from 'node:module';
import { closeCaseFile, openCaseFile } from '../../db/casefile';
import { call } from '../../db/handlers';
import { expect, startServe, test as base } from './fixtures';

const CODE = 'DEMO-IQ-001';
// Node loads the mgrs package as CommonJS (no named ES exports).
const { forward } = createRequire(import.meta.url)('mgrs') as typeof import('mgrs');

const test = base.extend<{ incidentId: string }>({
  incidentId: async ({ casePath }, use) => {
    const cf = openCaseFile(casePath, { actor: 'Test setup' });
    const inc = call(cf, 'incidents:get', { code: CODE });
    call(cf, 'sources:create', {
      reason: 'A second outlet for the strike-matching test',
      incidentIds: [inc.id],
      source: {
        kind: 'ngo_report', outlet: 'Test monitoring group', author: null, url: 'https://example.org/strike-test', archiveUrl: null,
        language: 'English', publishedDate: null, accessedDate: null, title: 'Second account', excerptOriginal: null,
        excerptTranslation: null, credibilityNotes: null, sensitivePersonal: false, sensitiveGraphic: false,
      },
    });
    const evidence = call(cf, 'review:get', { id: inc.id });
    closeCaseFile(cf);
    expect(evidence.evidence.independentSources).toBe(2);
    expect(evidence.suggestion.grade).toBe('weak');
    await use(inc.id);
  },
  caseUrl: async ({ casePath, incidentId }, use) => {
    void incidentId;
    const { url, child } = await startServe(casePath);
    await use(url);
    child.kill('SIGTERM');
  },
});

test('a declared strike near a demo incident is found, accepted on the incident page, and changes the suggestion', async ({ page, caseUrl, incidentId }) => {
  await page.goto(caseUrl);
  const incident = await page.evaluate(async (code) => {
    const r = await (window as unknown as { casefile: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value: { dateStart: string; latitude: number; longitude: number } }> } }).casefile.invoke('incidents:get', { code });
    return r.value;
  }, CODE);
  // About 1.5 km from the incident's point, to 10 m: a town-level point (±4 km) contains it.
  const grid = forward([incident.longitude + 0.016, incident.latitude], 4);

  await page.getByRole('link', { name: 'Strike reports' }).click();
  await expect(page.getByRole('heading', { name: 'Strike reports' })).toBeVisible();
  await page.getByRole('button', { name: 'Add strike report' }).click();
  const form = page.getByRole('form', { name: 'Add a strike report' });
  await form.getByLabel('Belligerent').fill('U.S.-led Coalition');
  await form.getByLabel('Date of the strike').fill(incident.dateStart);
  await form.getByLabel('Place, as the report gives it').fill('near Al Qaim');
  await form.getByLabel('Target').fill('ISIS checkpoint');
  await form.getByLabel('MGRS grid').fill('not a grid');
  await expect(page.getByTestId('mgrs-preview')).toContainText('is not an MGRS grid reference');
  await form.getByLabel('MGRS grid').fill(grid);
  await expect(page.getByTestId('mgrs-preview')).toContainText(`Grid reads as ${incident.latitude.toFixed(2)}`);
  await form.getByRole('button', { name: 'Add strike report' }).click();
  const row = page.getByTestId('strike-row').filter({ hasText: 'ISIS checkpoint' });
  await expect(row).toContainText(grid);
  await expect(row).toContainText('entered by hand');

  await page.getByTestId('compute-candidates').click();
  await expect(page.getByTestId('compute-result')).toContainText('1 new');
  await page.getByRole('link', { name: 'Review them' }).click();
  await page.getByTestId('strike-queue').getByRole('link', { name: CODE }).click();

  await expect(page.getByTestId('incident-code')).toHaveText(CODE);
  await expect(page.getByTestId('suggested-grade')).toContainText('Weak');
  const candidate = page.getByTestId('strike-candidate').first();
  await expect(candidate).toContainText('same day');
  await expect(candidate).toContainText('of the strike site');
  await expect(candidate).toContainText('same belligerent: U.S.-led Coalition');
  await expect(candidate).toHaveAttribute('data-decision', 'pending');

  // Keyboard: focus Accept and press Enter.
  await candidate.getByRole('button', { name: 'Accept match' }).focus();
  await page.keyboard.press('Enter');
  await expect(candidate).toHaveAttribute('data-decision', 'accepted');
  await expect(page.getByTestId('suggested-grade')).toContainText('Fair');
  await expect(page.getByTestId('suggestion')).toContainText('1 declared strike report matched to the incident near the date and place');

  // Undo puts the suggestion back.
  await candidate.getByRole('button', { name: 'Undo decision' }).click();
  await expect(page.getByTestId('suggested-grade')).toContainText('Weak');
  void incidentId;
});
