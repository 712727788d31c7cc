/** Reading the audit log through the contract. */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import type { AuditEntry } from '../shared/schemas';
import type { CaseFile } from './casefile';

interface Raw {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: AuditEntry['action'];
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  hash: string;
}

export function listAudit(cf: CaseFile, input: ChannelParsedInput<'audit:list'>): ChannelOutput<'audit:list'> {
  // An incident's trail includes the rows that hang off it (belligerents, victims, links).
  const where = input.entityId
    ? `WHERE entity_id = @id OR (json_valid(coalesce(after_json, before_json))
         AND json_extract(coalesce(after_json, before_json), '$.incident_id') = @id)`
    : '';
  const params = { id: input.entityId ?? null, limit: input.limit, offset: input.offset };
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
  const rows = cf.db
    .prepare(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all(params) as Raw[];
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      reason: r.reason,
      hash: r.hash,
    })),
  };
}
