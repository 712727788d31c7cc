/**
 * An updated archive: a copy of the real one with a few cells changed, a row removed and a row
 * added. Re-importing it updates exactly those records, by code, and says what changed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { importAirwars } from '../../db/import/airwars/index';
import { csvLine } from '../../db/import/csv';
import type { ImportReport } from '../../shared/importSchemas';
import { ARCHIVE_DIR, breathe, hasArchive, NO_ARCHIVE, plainCsv, suiteCaseFile } from './helpers';

/** Rewrite one file of the copy: `edit` gets the header and the rows, and changes them in place. */
function editFile(dir: string, file: string, edit: (header: string[], rows: string[][]) => void): void {
  const { header, rows } = plainCsv(readFileSync(join(dir, file), 'utf8'));
  edit(header, rows);
  writeFileSync(join(dir, file), [header, ...rows].map(csvLine).join(''));
}

describe.skipIf(!hasArchive)(`an updated archive (${hasArchive ? ARCHIVE_DIR : NO_ARCHIVE})`, () => {
  let s: ReturnType<typeof suiteCaseFile>;
  let report: ImportReport;
  const expected = { killed: '', strikes: '', victim: '', link: '', source: '' };
  let auditBefore = 0;

  beforeAll(async () => {
    s = suiteCaseFile();
    await breathe();
    importAirwars(s.cf, ARCHIVE_DIR);
    await breathe();
    auditBefore = (s.cf.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const copy = join(s.dir, 'updated');
    cpSync(ARCHIVE_DIR, copy, { recursive: true });
    editFile(copy, 'incidents.csv', (h, rows) => {
      const [code, max, strikes] = ['code', 'civilians_killed_max', 'total_strikes'].map((c) => h.indexOf(c)) as [number, number, number];
      const a = rows.find((r) => r[code] === 'CS1000') ?? rows[100]!;
      a[max] = String(Number(a[max] || 0) + 7);
      expected.killed = a[code]!;
      const b = rows[200]!;
      b[strikes] = '42';
      expected.strikes = b[code]!;
    });
    editFile(copy, 'victims.csv', (h, rows) => {
      const v = rows[10]!;
      v[h.indexOf('name_original')] = 'Corrected Name';
      expected.victim = v[h.indexOf('code')]!;
    });
    editFile(copy, 'links.csv', (h, rows) => {
      const [removed] = rows.splice(rows.length - 1, 1);
      expected.link = removed![h.indexOf('code')]!;
    });
    editFile(copy, 'sources.csv', (h, rows) => {
      const last = rows[rows.length - 1]!;
      const added = [...last];
      added[h.indexOf('source_order')] = String(Number(last[h.indexOf('source_order')]) + 1);
      added[h.indexOf('source_url')] = 'https://example.org/a-new-source';
      rows.push(added);
      expected.source = last[h.indexOf('code')]!;
    });
    await breathe();
    report = importAirwars(s.cf, copy);
  }, 600_000);
  afterEach(breathe);
  afterAll(() => s.done());

  it('updates exactly the records whose rows changed, by code', () => {
    expect(new Set(report.updatedCodes)).toEqual(new Set([expected.killed, expected.strikes, expected.victim, expected.link, expected.source]));
    expect(report.createdCodes).toEqual([]);
    expect(report.counts.incidents!.updated).toBe(new Set(report.updatedCodes).size);
    const inc = s.cf.db.prepare('SELECT killed_max, extra_json FROM incidents WHERE code = ?');
    expect((inc.get(expected.strikes) as { extra_json: string }).extra_json).toContain('"total_strikes":"42"');
  });

  it('says what changed, row by row and column by column', () => {
    const changes = report.changes.map((c) => [c.code, c.entity, c.action, c.fields.join(',')]);
    expect(changes).toEqual(
      expect.arrayContaining([
        [expected.killed, 'incidents', 'update', 'killed_max'],
        [expected.strikes, 'incidents', 'update', 'extra_json.total_strikes'],
        [expected.victim, 'victims', 'update', 'name_latin'],
        [expected.link, 'links', 'remove', ''],
        [expected.source, 'sources', 'create', ''],
      ]),
    );
    expect(changes.filter((c) => c[1] !== 'data_problems')).toHaveLength(5);
    expect(report.counts.links).toMatchObject({ removed: 1 });
    expect(report.counts.sources).toMatchObject({ created: 1 });
  });

  it('writes only those changes to the audit trail, which still verifies', () => {
    const entries = s.cf.db.prepare('SELECT entity, action FROM audit_log WHERE seq > ? ORDER BY seq').all(auditBefore) as { entity: string; action: string }[];
    expect(entries.length).toBe(report.auditEntries);
    expect(entries.filter((e) => e.entity !== 'incidents' && e.entity !== 'data_problems').map((e) => `${e.action} ${e.entity}`).sort()).toEqual(['delete incident_web_links', 'insert source_incidents', 'insert sources', 'update victims']);
    expect(verifyAuditChain(s.cf).ok).toBe(true);
  });
});
