/** The dashboard's monthly series adds up to the same figures as `stats:get`, under any filter. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { call } from '../../db/handlers';
import type { MonthlyStats } from '../../shared/contracts/dashboard';
import type { IncidentFilter } from '../../shared/schemas';
import type { CaseFile } from '../../db/casefile';
import { incidentInput, tempCaseFile, tempDir, unknownCasualties } from '../helpers/caseFiles';
import { change } from '../../db/audit';
import { monthlySql } from '../../db/monthlyStats';

const KEYS = ['confirmed', 'fair', 'weak', 'contested', 'discounted', 'ungraded'] as const;

/** Sum the series (every month and the undated) per grade. */
function totals(m: MonthlyStats) {
  const out = Object.fromEntries(KEYS.map((k) => [k, { incidents: 0, killed: { min: 0, max: 0 } }]));
  for (const cell of [...m.months.map((x) => x.grades), m.undated]) {
    for (const k of KEYS) {
      out[k]!.incidents += cell[k].incidents;
      out[k]!.killed.min += cell[k].killed.min;
      out[k]!.killed.max += cell[k].killed.max;
    }
  }
  return out;
}

function expectSameAsStats(cf: CaseFile, filter: IncidentFilter) {
  const stats = call(cf, 'stats:get', { filter });
  const monthly = call(cf, 'stats:monthly', { filter });
  const t = totals(monthly);
  for (const k of KEYS) {
    expect(t[k], `${k} under ${JSON.stringify(filter)}`).toEqual({ incidents: stats.grades[k].incidents, killed: stats.grades[k].killed });
  }
  return monthly;
}

describe('monthly series', () => {
  it('puts each incident in the month it started, per grade, with killed as a range', () => {
    const cf = tempCaseFile();
    const mk = (code: string, dateStart: string | null, grade: 'fair' | 'weak' | null, killed: [number | null, number | null], country = 'Syria') => {
      const inc = call(cf, 'incidents:create', {
        incident: incidentInput({ code, dateStart, country, casualties: { ...unknownCasualties(), killed: { min: killed[0], max: killed[1] } } }),
      });
      // Grades come from review; here they are set as an import would.
      if (grade) change(cf, 'graded', (w) => w.update('incidents', { id: inc.id }, { grade, grade_rationale: 'r', status: 'published' }));
    };
    mk('A', '2017-03-01', 'fair', [2, 4]);
    mk('B', '2017-03-31', 'fair', [1, null]);
    mk('C', '2017-03-15', 'weak', [5, 5]);
    mk('D', '2016-12-01', null, [null, null], 'Iraq');
    mk('E', null, 'fair', [7, 9]);

    const m = expectSameAsStats(cf, {});
    expect(m.months.map((x) => x.month)).toEqual(['2016-12', '2017-03']);
    expect(m.months[1]!.grades.fair).toEqual({ incidents: 2, killed: { min: 3, max: 4 } });
    expect(m.months[1]!.grades.weak).toEqual({ incidents: 1, killed: { min: 5, max: 5 } });
    expect(m.months[0]!.grades.ungraded).toEqual({ incidents: 1, killed: { min: 0, max: 0 } });
    expect(m.undated.fair).toEqual({ incidents: 1, killed: { min: 7, max: 9 } });

    expect(expectSameAsStats(cf, { country: 'Iraq' }).months.map((x) => x.month)).toEqual(['2016-12']);
    expect(expectSameAsStats(cf, { from: '2017-03-10', to: '2017-03-31' }).months[0]!.grades.fair.incidents).toBe(1);
  });

  it('adds up to `stats:get` on the demo case under the dashboard’s filters', () => {
    const cf = createDemoCaseFile(join(tempDir(), 'demo.casefile'));
    for (const filter of [{}, { belligerent: 'Coalition' }, { country: 'Iraq' }, { from: '2016-01-01', to: '2017-12-31' }, { grade: ['fair' as const] }]) {
      expectSameAsStats(cf, filter);
    }
    expect(call(cf, 'stats:monthly', {}).months.length).toBeGreaterThan(5);
    closeCaseFile(cf);
  });

  it('reads the narrow covering index, not the wide incident rows, and counts named victims by their own index', () => {
    const cf = createDemoCaseFile(join(tempDir(), 'demo.casefile'));
    const plan = (sql: string) => (cf.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(monthlySql(''))).toMatch(/USING COVERING INDEX incidents_stats/);
    expect(plan(monthlySql("WHERE i.grade IN ('fair') AND i.date_start >= '2016-01-01'"))).toMatch(/USING COVERING INDEX incidents_stats/);
    // The statements `stats:get` runs, as it runs them.
    const seen: string[] = [];
    const prepare = cf.db.prepare.bind(cf.db);
    cf.db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof cf.db.prepare;
    call(cf, 'stats:get', {});
    cf.db.prepare = prepare;
    const totals = seen.find((sql) => /GROUP BY i\.grade/.test(sql));
    expect(totals, 'the per-grade totals query').toBeDefined();
    expect(plan(totals!)).toMatch(/SCAN i USING COVERING INDEX incidents_stats .*SEARCH v USING (COVERING )?INDEX victims_named/);
    closeCaseFile(cf);
  });
});
