/**
 * The audit trail as people read it: newest first, paged, filtered by who (actor), what
 * (entity: the table) and which incident, each entry with the person whose key signed it.
 */
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import type { SignedAuditEntry } from '../shared/contracts/auditTrail';
import type { CaseFile } from './casefile';

interface Raw {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: SignedAuditEntry['action'];
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  hash: string;
  signer_id: string | null;
  signer_name: string | null;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json; // a damaged entry is shown as it is; `verify` names it
  }
}

export function searchAudit(cf: CaseFile, input: ChannelParsedInput<'audit:search'>): ChannelOutput<'audit:search'> {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { limit: input.limit, offset: input.offset };
  if (input.entityId) {
    // An incident's trail includes the rows that hang off it (belligerents, victims, grades…).
    clauses.push(`(a.entity_id = @id OR (json_valid(coalesce(a.after_json, a.before_json))
      AND json_extract(coalesce(a.after_json, a.before_json), '$.incident_id') = @id))`);
    params.id = input.entityId;
  }
  if (input.actor) {
    clauses.push('a.actor = @actor');
    params.actor = input.actor;
  }
  if (input.entity) {
    clauses.push('a.entity = @entity');
    params.entity = input.entity;
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM audit_log a ${where}`).get(params) as { n: number }).n;
  const rows = cf.db
    .prepare(
      `SELECT a.*, p.name AS signer_name FROM audit_log a LEFT JOIN people p ON p.id = a.signer_id
       ${where} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Raw[];
  const distinct = (col: 'actor' | 'entity') =>
    (cf.db.prepare(`SELECT DISTINCT ${col} AS v FROM audit_log ORDER BY ${col} COLLATE NOCASE`).all() as { v: string }[]).map((r) => r.v);
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: parse(r.before_json),
      after: parse(r.after_json),
      reason: r.reason,
      hash: r.hash,
      signerId: r.signer_id,
      signerName: r.signer_id ? (r.signer_name ?? r.signer_id) : null,
    })),
    actors: distinct('actor'),
    entities: distinct('entity'),
  };
}
