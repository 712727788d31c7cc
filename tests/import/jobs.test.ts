/**
 * Import jobs run in a worker thread with their own connection: progress moves from 0 to 1,
 * cancelling leaves the case file as it was, an unreadable CSV fails with its file and line,
 * and one case file runs one import at a time, refusing other writes meanwhile.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../db/handlers';
import { cancelImportJob, configureImportJobs, startImportJob, waitForImportJob } from '../../db/import/jobs';
import { TSX_IMPORT_WORKER } from '../../db/import/jobWorkerTsx';
import { verifyAuditChain } from '../../db/audit';
import type { JobStatus } from '../../shared/contracts/importJobs';
import { columnMappingSchema } from '../../shared/mappingSchema';
import { incidentInput, snapshot, tempCaseFile, tempDir } from '../helpers/caseFiles';
import { syntheticArchive } from './helpers';

beforeAll(() => configureImportJobs({ worker: TSX_IMPORT_WORKER }));

const auditRows = (cf: ReturnType<typeof tempCaseFile>) => cf.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all();

describe('import jobs', () => {
  it('import an archive off the main thread, with progress moving from 0 to 1', async () => {
    const cf = tempCaseFile();
    const archive = syntheticArchive(join(tempDir(), 'a'), 300);
    const seen: JobStatus[] = [];
    const started = startImportJob(cf, { kind: 'airwars', dir: archive }, (s) => seen.push(s));
    expect(started).toMatchObject({ state: 'running', fraction: 0, kind: 'airwars' });
    const end = await waitForImportJob(started.id);
    expect(end.state).toBe('done');
    expect(end.report?.counts.incidents?.created).toBe(300);
    expect(end.error).toBeNull();
    const fractions = seen.map((s) => s.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['read', 'check', 'write', 'done']));
    // The session's own connection sees what the worker committed, and the chain verifies.
    expect(call(cf, 'case:info', {}).counts.incidents).toBe(300);
    expect(call(cf, 'imports:list', {}).imports[0]!.id).toBe(end.report!.id);
    expect(verifyAuditChain(cf).ok).toBe(true);
    // Polling over the contract gives the same final status, report included.
    expect(call(cf, 'importJobs:status', { id: started.id })).toMatchObject({ state: 'done', fraction: 1, report: { id: end.report!.id } });
    expect(call(cf, 'importJobs:current', {})?.id).toBe(started.id);
  });

  it('cancelled mid-import, leaves the same rows and the same audit log as before', async () => {
    const cf = tempCaseFile();
    call(cf, 'incidents:create', { incident: incidentInput({ code: 'KEEP1' }) });
    const before = snapshot(cf);
    const audit = auditRows(cf);
    const archive = syntheticArchive(join(tempDir(), 'big'), 600);
    let asked = false;
    const started = startImportJob(cf, { kind: 'airwars', dir: archive }, (s) => {
      if (s.phase === 'write' && !asked) {
        asked = true;
        expect(cancelImportJob(cf, { id: s.id }).cancelRequested).toBe(true);
      }
    });
    const end = await waitForImportJob(started.id);
    expect(asked).toBe(true);
    expect(end.state).toBe('cancelled');
    expect(end.report).toBeNull();
    expect(snapshot(cf)).toEqual(before);
    expect(auditRows(cf)).toEqual(audit);
    expect(call(cf, 'imports:list', {}).total).toBe(0);
  });

  it('fails an unreadable CSV with its file and line, importing nothing', async () => {
    const cf = tempCaseFile();
    const before = snapshot(cf);
    const path = join(tempDir(), 'list.csv');
    writeFileSync(path, 'Ref,Date,Civilians killed\nA1,2017-03-17,4\nA2,"2017-03-18,1\nA3,2017-03-19,2\n');
    const mapping = columnMappingSchema.parse({ columns: { Ref: 'code', Date: 'dateStart', 'Civilians killed': 'killed' } });
    const started = call(cf, 'importJobs:start', { kind: 'csv', csv: { path }, mapping });
    const end = await waitForImportJob(started.id);
    expect(end.state).toBe('failed');
    expect(end.error).toMatch(/^list\.csv line 3: a quoted field opened on this line is never closed/);
    expect(end.error).toMatch(/as it was before/);
    expect(snapshot(cf)).toEqual(before);
  });

  it('imports a CSV the page read (its text), with the mapping given, and saves its report', async () => {
    const cf = tempCaseFile();
    const mapping = columnMappingSchema.parse({ columns: { Ref: 'code', Date: 'dateStart', Killed: 'killed' } });
    const text = 'Ref,Date,Killed\nB1,2017-03-17,4\nB2,2017-03-18,3 – 1\n';
    const end = await waitForImportJob(call(cf, 'importJobs:start', { kind: 'csv', csv: { text, name: 'page.csv' }, mapping }).id);
    expect(end).toMatchObject({ state: 'done', source: 'page.csv', report: { counts: { incidents: { created: 2 } } } });
    expect(end.report!.problems).toEqual([expect.objectContaining({ file: 'page.csv', line: 3, field: 'Killed', kind: 'min_above_max', leftOut: false })]);
    expect(call(cf, 'imports:get', { id: end.report!.id }).problems).toHaveLength(1);
  });

  it('runs one import at a time per case file, and refuses other writes while it runs', async () => {
    const cf = tempCaseFile();
    const archive = syntheticArchive(join(tempDir(), 'a'), 400);
    const first = call(cf, 'importJobs:start', { kind: 'airwars', dir: archive });
    expect(() => call(cf, 'importJobs:start', { kind: 'airwars', dir: archive })).toThrow(/An import of .* is running in this case file .*cancel it/);
    expect(() => call(cf, 'incidents:create', { incident: incidentInput({ code: 'DURING' }) })).toThrow(/An import of .* is running.*Nothing was saved/);
    expect(dispatch(cf, 'importMappings:save', { name: 'x', mapping: { columns: { Ref: 'code' } } })).toMatchObject({ ok: false, error: { code: 'busy' } });
    // Reads still answer while the import runs.
    expect(call(cf, 'incidents:list', {}).total).toBe(0);
    const end = await waitForImportJob(first.id);
    expect(end.state).toBe('done');
    // Afterwards, writes and another import go through again.
    call(cf, 'incidents:create', { incident: incidentInput({ code: 'AFTER' }) });
    const second = call(cf, 'importJobs:start', { kind: 'airwars', dir: archive });
    const again = await waitForImportJob(second.id);
    expect(again.state).toBe('done');
    expect(again.report?.counts.incidents).toMatchObject({ created: 0, updated: 0, unchanged: 400 });
  });

  it('says what is wrong with a folder or file before starting', () => {
    const cf = tempCaseFile();
    expect(() => call(cf, 'importJobs:start', { kind: 'airwars', dir: join(tempDir(), 'nowhere') })).toThrow(/is not a folder/);
    const mapping = columnMappingSchema.parse({ columns: { Ref: 'code' } });
    expect(() => call(cf, 'importJobs:start', { kind: 'csv', csv: { path: join(tempDir(), 'none.csv') }, mapping })).toThrow(/No file at/);
    expect(() => call(cf, 'importJobs:status', { id: 'nope' })).toThrow(/No import job nope/);
  });
});
