/** Test helpers: every test gets its own case file in its own temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { closeCaseFile, createCaseFile, type CaseFile } from '../../db/casefile';
import type { IncidentInput } from '../../shared/schemas';
import { CASUALTY_FIELDS } from '../../shared/casualty';

// Tests never touch the user's own key store (~/.casefile, see db/keyStore.ts): each test file
// gets its own, which `casefile init --demo` and profiles write their private keys into.
const testHome = mkdtempSync(join(tmpdir(), 'casefile-home-'));
process.env.CASEFILE_HOME = testHome;
afterAll(() => rmSync(testHome, { recursive: true, force: true }));

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempCaseFile(opts: { actor?: string; now?: () => string } = {}): CaseFile {
  const cf = createCaseFile(join(tempDir(), 'test.casefile'), { actor: 'tester', ...opts });
  cleanups.push(() => closeCaseFile(cf));
  return cf;
}

export function unknownCasualties(): IncidentInput['casualties'] {
  return Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, { min: null, max: null }])) as IncidentInput['casualties'];
}

/** A valid incident; override what the test is about. */
export function incidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    code: 'T001',
    dateStart: '2017-03-17',
    dateEnd: null,
    datePrecision: 'day',
    localTime: null,
    placeEn: 'Mosul al-Jadida',
    placeAr: 'الموصل الجديدة',
    district: null,
    governorate: 'Nineveh',
    country: 'Iraq',
    latitude: 36.35,
    longitude: 43.1,
    geoPrecision: 'neighbourhood',
    strikeType: 'Airstrike',
    strikeStatus: 'declared',
    casualties: unknownCasualties(),
    causeOfDeath: null,
    infrastructure: null,
    summary: null,
    internalNotes: null,
    status: 'draft',
    assigneeId: null,
    grade: null,
    gradeRationale: null,
    belligerents: [],
    ...overrides,
  };
}

/** Counts of every table plus the audit head: equal snapshots mean nothing was written. */
export function snapshot(cf: CaseFile): Record<string, unknown> {
  const tables = cf.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const { name } of tables) out[name] = (cf.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n;
  out.auditHead = (cf.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? null;
  out.incidentsUpdated = cf.db.prepare('SELECT group_concat(updated_at) AS u FROM incidents').get();
  return out;
}
