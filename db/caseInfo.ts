import type { ChannelOutput } from '../shared/contract';
import { readMeta, type CaseFile } from './casefile';

export function caseInfo(cf: CaseFile): ChannelOutput<'case:info'> {
  const meta = readMeta(cf);
  const count = (table: string) => (cf.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    id: meta.case_id ?? '',
    name: meta.case_name ?? '',
    path: cf.path,
    schemaVersion: cf.db.pragma('user_version', { simple: true }) as number,
    createdAt: meta.created_at ?? '',
    actor: cf.actor,
    counts: {
      incidents: count('incidents'),
      sources: count('sources'),
      victims: count('victims'),
      auditEntries: count('audit_log'),
    },
  };
}
