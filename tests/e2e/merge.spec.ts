/**
 * Two investigators edit copies of the demo case. The office merges the field's first bundle
 * cleanly, then a second one whose edit of an incident collides with the office's own: the
 * conflict is resolved field by field in the Merge page (with the keyboard) and applied; the
 * same bundle merged again changes nothing.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { change } from '../../db/audit';
import { closeCaseFile, openCaseFile, type CaseFile } from '../../db/casefile';
import { generateSigningKeys } from '../../db/signing';
import { writeTestBundle } from '../helpers/bundles';
import { expect, startServe, test } from './fixtures';

function withFile<T>(path: string, actor: string, fn: (cf: CaseFile) => T): T {
  const cf = openCaseFile(path, { actor });
  try {
    return fn(cf);
  } finally {
    closeCaseFile(cf);
  }
}

function setSummary(cf: CaseFile, code: string, summary: string): void {
  const { id } = cf.db.prepare('SELECT id FROM incidents WHERE code = ?').get(code) as { id: string };
  change(cf, `Summary of ${code} rewritten`, (w) => w.update('incidents', { id }, { summary }));
}

test('a clean bundle merges, and a conflicting one is resolved field by field, then applied', async ({ page, casePath }) => {
  const dir = dirname(casePath);
  const fieldPath = join(dir, 'field.casefile');
  copyFileSync(casePath, fieldPath);
  const [codeA, codeB] = withFile(casePath, 'office', (cf) => (cf.db.prepare('SELECT code FROM incidents ORDER BY code LIMIT 2').all() as { code: string }[]).map((r) => r.code));
  const keys = generateSigningKeys();
  const signer = { name: 'Field investigator', privateKeyPem: keys.privateKey, publicKeyPem: keys.publicKey };

  // The field investigator: one edit, a bundle; another edit, a second bundle.
  const first = join(dir, 'field-1.zip');
  const second = join(dir, 'field-2.zip');
  withFile(fieldPath, 'field', (cf) => {
    setSummary(cf, codeA!, 'Field: two more witnesses reached by phone');
    writeTestBundle(cf, first, { signer });
    setSummary(cf, codeB!, 'Field: the strike hit the bakery queue');
    writeTestBundle(cf, second, { signer });
  });
  // The office, meanwhile, rewrote incident B too.
  withFile(casePath, 'office', (cf) => setSummary(cf, codeB!, 'Office: matched to the coalition strike log'));

  const { url, child } = await startServe(casePath);
  try {
    const merge = new URL(url);
    merge.hash = '/merge';
    await page.goto(merge.href);
    await expect(page.getByRole('heading', { name: 'Merge a bundle' })).toBeVisible();

    // The first bundle: changed in the bundle only, no conflicts.
    await page.getByLabel('Bundle (.zip)').setInputFiles(first);
    await expect(page.getByTestId('merge-signer')).toContainText('Field investigator (key');
    await expect(page.getByTestId('count-theirs')).toContainText('1');
    await expect(page.getByTestId('count-conflict')).toContainText('0');
    await page.getByRole('button', { name: 'Apply merge' }).click();
    await expect(page.getByTestId('merge-done')).toContainText('Merged: 0 added, 1 updated, 0 deleted.');

    // The second bundle: incident B changed on both sides.
    await page.getByLabel('Bundle (.zip)').setInputFiles(second);
    await expect(page.getByTestId('count-conflict')).toContainText('1');
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toContainText(`incident ${codeB}`);
    await expect(conflict).toContainText('Office: matched to the coalition strike log');
    await expect(conflict).toContainText('Field: the strike hit the bakery queue');
    const apply = page.getByRole('button', { name: 'Apply merge' });
    await expect(apply).toBeDisabled();

    // Keyboard: mine, then arrow to theirs, then to edit, and write the value.
    const mine = conflict.getByRole('radio', { name: /Mine/ });
    await mine.focus();
    await page.keyboard.press('Space');
    await expect(mine).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(conflict.getByRole('radio', { name: /Theirs/ })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(conflict.getByRole('radio', { name: /Edit/ })).toBeChecked();
    const edited = conflict.getByLabel('Edited summary');
    await edited.fill('Office and field agree: the strike hit the bakery queue');
    await expect(page.getByRole('heading', { name: /Conflicts \(1 of 1 resolved\)/ })).toBeVisible();
    await apply.click();
    await expect(page.getByTestId('merge-done')).toContainText('Merged: 0 added, 1 updated, 0 deleted.');
    await expect(page.getByTestId('merge-done')).toContainText('signed by Field investigator');

    // Merging the same bundle again changes nothing.
    await page.getByLabel('Bundle (.zip)').setInputFiles(second);
    await expect(page.getByTestId('count-conflict')).toContainText('0');
    await page.getByRole('button', { name: 'Apply merge' }).click();
    await expect(page.getByTestId('merge-done')).toContainText('Nothing to change');
  } finally {
    child.kill('SIGTERM');
  }
  await new Promise((r) => child.once('exit', r));
  const summaries = withFile(casePath, 'check', (cf) =>
    [codeA, codeB].map((c) => (cf.db.prepare('SELECT summary FROM incidents WHERE code = ?').get(c) as { summary: string }).summary),
  );
  expect(summaries).toEqual(['Field: two more witnesses reached by phone', 'Office and field agree: the strike hit the bakery queue']);
});

test('a bundle altered after it was signed is refused, naming the file', async ({ page, caseUrl, casePath }) => {
  const bad = join(dirname(casePath), 'bad.zip');
  // A valid bundle of the case, then one byte of its stored data changed.
  withFile(casePath, 'field', (cf) => writeTestBundle(cf, bad, { store: true }));
  const bytes = readFileSync(bad);
  const at = bytes.indexOf(Buffer.from('casefile-bundle-data'));
  bytes[at] = 'C'.charCodeAt(0);
  writeFileSync(bad, bytes);
  const merge = new URL(caseUrl);
  merge.hash = '/merge';
  await page.goto(merge.href);
  await page.getByLabel('Bundle (.zip)').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('fails verification');
  await expect(page.getByRole('alert')).toContainText('data/case.json');
  await expect(page.getByRole('button', { name: 'Apply merge' })).toHaveCount(0);
});
