/**
 * What an import job writes is as accountable as any other change: signed by the profile the
 * session acts as (its key handed to the worker), and saved mappings go through the audit trail.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { call } from '../../db/handlers';
import { configureImportJobs, waitForImportJob } from '../../db/import/jobs';
import { TSX_IMPORT_WORKER } from '../../db/import/jobWorkerTsx';
import { columnMappingSchema } from '../../shared/mappingSchema';
import { tempCaseFile, tempDir } from '../helpers/caseFiles';
import { team } from '../helpers/people';
import { syntheticArchive } from './helpers';

beforeAll(() => configureImportJobs({ worker: TSX_IMPORT_WORKER }));

describe('import jobs and accountability', () => {
  it('signs the entries the worker writes with the acting profile, and the trail verifies', async () => {
    const t = team();
    t.as('investigator');
    const job = call(t.cf, 'importJobs:start', { kind: 'airwars', dir: syntheticArchive(join(tempDir(), 'a'), 12) });
    const end = await waitForImportJob(job.id);
    expect(end.state).toBe('done');
    expect(end.report?.actor).toBe('Amira Haddad');
    const rows = t.cf.db.prepare('SELECT signer_id, signature FROM audit_log WHERE reason LIKE ?').all(`%import ${end.report!.id}%`) as { signer_id: string | null; signature: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.signer_id).toBe(t.ids.investigator);
      expect(r.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    }
    expect(verifyAuditChain(t.cf)).toMatchObject({ ok: true, unsigned: 0 });
  });
});

describe('saved column mappings', () => {
  const mapping = columnMappingSchema.parse({ columns: { Ref: 'code', Killed: 'killed' }, rangeFormat: { single: 'min' } });

  it('are saved in the case file through the audit trail, listed, replaced by name and deleted', () => {
    const cf = tempCaseFile();
    const audit = () => (cf.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const saved = call(cf, 'importMappings:save', { name: 'Monthly list', mapping });
    expect(saved).toMatchObject({ name: 'Monthly list', savedBy: 'tester', mapping: { rangeFormat: { single: 'min' } } });
    expect(audit()).toBe(1);
    call(cf, 'importMappings:save', { name: 'Monthly list', mapping: { ...mapping, dateFormat: 'DD/MM/YYYY' } });
    call(cf, 'importMappings:save', { name: 'Another', mapping });
    const list = call(cf, 'importMappings:list', {}).mappings;
    expect(list.map((m) => m.name)).toEqual(['Another', 'Monthly list']);
    expect(list[1]!.mapping.dateFormat).toBe('DD/MM/YYYY');
    expect(call(cf, 'importMappings:delete', { name: 'Another' })).toEqual({ deleted: true });
    expect(call(cf, 'importMappings:delete', { name: 'Another' })).toEqual({ deleted: false });
    expect(call(cf, 'importMappings:list', {}).mappings.map((m) => m.name)).toEqual(['Monthly list']);
    expect(audit()).toBe(4);
    expect(verifyAuditChain(cf).ok).toBe(true);
  });

  it('refuses a mapping that does not say which column holds the code', () => {
    const cf = tempCaseFile();
    expect(() => call(cf, 'importMappings:save', { name: 'x', mapping: { columns: { Killed: 'killed' } } })).toThrow(/Map a column to "code"/);
    expect(call(cf, 'importMappings:list', {}).mappings).toEqual([]);
  });
});
