/**
 * Exporting a case bundle from the app: choose the publication profile, see exactly what it
 * withholds before anything is written, export, watch it finish, and verify what was written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { casefile, expect, test } from './fixtures';

test('export a publication bundle: withheld preview, progress, result, verify', async ({ page, caseUrl, casePath, stats }) => {
  await page.goto(caseUrl);
  await page.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export a case bundle' })).toBeVisible();
  await page.getByTestId('profile-select').selectOption('publication');

  // The preview, before anything is written: the demo's unpublished incidents are left out,
  // their internal notes removed, the audit log and staff names withheld.
  const notPublished = countNotPublished(casePath);
  expect(notPublished).toBeGreaterThan(0);
  const preview = page.getByTestId('withheld-preview');
  await expect(preview.getByTestId('withheld-incidentsLeftOut')).toContainText(String(notPublished));
  await expect(preview.getByTestId('included-summary')).toContainText(`${stats.incidents - notPublished} incidents`);
  await expect(preview.getByText(/^Notes removed \(\d+\)$/)).toBeVisible();
  await expect(preview.getByText(/: internal notes/).first()).toBeVisible();
  await expect(preview.getByTestId('withheld-table-audit_log')).toBeVisible();
  await expect(preview.getByTestId('withheld-table-people')).toBeVisible();
  // Short lists are open; each item says why it is withheld.
  await expect(preview.getByText(/status is graded; the profile takes only published/).first()).toBeVisible();
  await expect(page.getByTestId('signer')).toContainText('will be signed by');

  // Nothing written yet; then export to a new file beside the case.
  const out = join(dirname(casePath), 'published.zip');
  expect(existsSync(out)).toBe(false);
  await page.getByLabel('Write the bundle to').fill(out);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('Bundle written');
  await expect(result.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '1');
  await expect(result).toContainText(`${stats.incidents - notPublished} incidents`);
  await expect(result).toContainText('Signed.');
  const sha = await page.getByTestId('bundle-sha').textContent();
  expect(sha).toMatch(/^[0-9a-f]{64}$/);

  // Verify from the app, and from the command line on the file it wrote.
  await page.getByRole('button', { name: 'Verify the bundle' }).click();
  await expect(page.getByTestId('verify-summary')).toContainText('VALID: every file matches the signed manifest.');
  const verified = casefile('verify', out);
  expect(verified).toContain(`SHA-256   ${sha}`);
  expect(zipText(out)).not.toContain('Demo record built from the seed pages.');

  // Exporting again to the same file is refused, and the file stays as it was.
  const before = readFileSync(out);
  await page.getByRole('button', { name: 'Export bundle' }).click();
  await expect(page.getByRole('alert')).toContainText('already exists');
  expect(readFileSync(out).equals(before)).toBe(true);
});

/** Read with the sqlite3 client, independently of the app. */
function countNotPublished(casePath: string): number {
  const out = execFileSync('sqlite3', [casePath, "SELECT count(*) FROM incidents WHERE status <> 'published'"], { encoding: 'utf8' });
  return Number(out.trim());
}

/** Every entry's text, inflated by hand (a reader independent of the app's). */
function zipText(path: string): string {
  const b = readFileSync(path);
  let text = '';
  for (let p = 0; p + 30 < b.length && b.readUInt32LE(p) === 0x04034b50; ) {
    const method = b.readUInt16LE(p + 8);
    const size = b.readUInt32LE(p + 18);
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    const body = b.subarray(start, start + size);
    text += (method === 8 ? inflateRawSync(body) : body).toString('utf8');
    p = start + size;
  }
  return text;
}
