/**
 * `casefile verify`: is the audit trail intact, is each signed entry signed by the person it
 * names, and does the case data say what the trail says?
 *
 * 1. The chain: entries numbered 1, 2, 3… each chaining from the hash before it, each hash
 *    recomputed from its content. The first entry that fails is named.
 * 2. Signatures: an entry written by a profile carries `signer_id` (part of the hashed content,
 *    so it cannot be stripped without breaking the hash) and the base64 Ed25519 signature of
 *    its hash. The signer's public key is taken from the trail itself (the audited `people`
 *    rows, up to and including that entry), never from the current table, which anyone could
 *    overwrite. Entries written without a profile (the demo seed, CLI imports without --as,
 *    anything before profiles existed) have neither: they are counted as unsigned, not broken.
 * 3. The data: replaying the trail gives what every audited row should hold; a row that differs,
 *    that no entry wrote, or that is gone without an entry deleting it (or a cascade from one)
 *    was changed behind the app's back (db/auditRows.ts). Imported records audited by digest
 *    are rebuilt as imported and checked against their hash (db/auditDigestCheck.ts, docs/audit.md).
 *
 * What this cannot see: someone who rewrites the whole chain from some entry on and re-hashes
 * it is caught only by the signatures of the signed entries after that point; a trail cut
 * short at its end looks complete. Keep signed copies (exports) for those.
 */
import { entryHash, GENESIS_HASH, RECORD_ENTITY, type AuditAction, type AuditContent } from './audit';
import { checkRows, RowReplay } from './auditRows';
import type { CaseFile } from './casefile';
import { verifyHashSignature } from './signing';

export interface RowProblem {
  table: string;
  key: string;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBroken: number | null;
  message: string;
  /** Entries signed by a profile, and entries written without one. */
  signed: number;
  unsigned: number;
  /** A row of case data that differs from what the trail recorded; null when none (or not checked). */
  rowProblem: RowProblem | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: AuditAction;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
  signature: string | null;
  signer_id: string | null;
}

/** People's public keys and names as the trail recorded them, entry by entry. */
class KeyRing {
  private keys = new Map<string, string>();
  private names = new Map<string, string>();

  learn(entity: string, entityId: string, after: unknown): void {
    if (entity === 'people' && after && typeof after === 'object') {
      const a = after as Record<string, unknown>;
      if (typeof a.public_key === 'string') this.keys.set(entityId, a.public_key);
      if (typeof a.name === 'string') this.names.set(entityId, a.name);
    }
    if (entity === RECORD_ENTITY && after && typeof after === 'object') {
      const part = (after as Record<string, { columns?: string[]; rows?: unknown[][] }>).people;
      if (!part?.columns || !part.rows) return;
      const [id, key, name] = ['id', 'public_key', 'name'].map((c) => part.columns!.indexOf(c));
      for (const row of part.rows) {
        if (id! < 0) continue;
        if (key! >= 0 && typeof row[key!] === 'string') this.keys.set(String(row[id!]), row[key!] as string);
        if (name! >= 0 && typeof row[name!] === 'string') this.names.set(String(row[id!]), row[name!] as string);
      }
    }
  }

  key(personId: string): string | undefined {
    return this.keys.get(personId);
  }

  name(personId: string): string {
    return this.names.get(personId) ?? `person ${personId}`;
  }
}

function describeSigned(signed: number, unsigned: number, signers: number): string {
  const who = signers === 1 ? '1 person' : `${signers} people`;
  const parts = [`${signed} signed by ${who}`, `${unsigned} unsigned (written without a profile)`];
  return parts.join(', ');
}

export function verifyAuditChain(cf: CaseFile, opts: { rows?: boolean } = {}): VerifyResult {
  const checkData = opts.rows ?? true;
  const ring = new KeyRing();
  const replay = checkData ? new RowReplay() : null;
  const signers = new Set<string>();
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  let signed = 0;
  let unsigned = 0;

  for (const r of cf.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    n++;
    const broken = (why: string, at = r.seq): VerifyResult => ({
      ok: false,
      entries: n,
      firstBroken: at,
      signed,
      unsigned,
      rowProblem: null,
      message: `Audit entry ${r.seq} (${r.action} ${r.entity} ${r.entity_id} by ${r.actor} at ${r.at}) ${why}.`,
    });
    if (r.seq !== expectedSeq) return broken(`follows entry ${expectedSeq - 1}: entries are missing`, expectedSeq);
    if (r.prev_hash !== prev) return broken('does not chain from the entry before it');
    let before: unknown;
    let after: unknown;
    try {
      before = r.before_json === null ? null : JSON.parse(r.before_json);
      after = r.after_json === null ? null : JSON.parse(r.after_json);
    } catch {
      return broken('has been altered since it was written (its recorded values are not readable JSON)');
    }
    const content: AuditContent = {
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before,
      after,
      reason: r.reason,
      ...(r.signer_id !== null ? { signer: r.signer_id } : {}),
    };
    if (entryHash(prev, content) !== r.hash) return broken('has been altered since it was written');
    ring.learn(r.entity, r.entity_id, after);

    if (r.signer_id === null) {
      if (r.signature !== null) return broken('carries a signature but names no signer');
      unsigned++;
    } else {
      const key = ring.key(r.signer_id);
      const who = ring.name(r.signer_id);
      if (!r.signature) return broken(`names ${who} as its signer but carries no signature`);
      if (!key) return broken(`is signed by ${who}, whose public key the audit trail never recorded`);
      if (!verifyHashSignature(key, r.hash, r.signature)) {
        return broken(`carries a signature that is not ${who}'s signature of this entry`);
      }
      signed++;
      signers.add(r.signer_id);
    }
    replay?.apply(r.seq, r.entity, r.entity_id, r.action, after, before);
    prev = r.hash;
    expectedSeq++;
  }

  const summary = describeSigned(signed, unsigned, signers.size);
  if (replay) {
    const problem = checkRows(cf.db, replay);
    if (problem) {
      return {
        ok: false,
        entries: n,
        firstBroken: null,
        signed,
        unsigned,
        rowProblem: problem,
        message: `All ${n} audit entries chain and verify (${summary}), but the case data does not match them: ${problem.message}`,
      };
    }
  }
  const data = replay ? ', and the case data matches them' : '';
  return {
    ok: true,
    entries: n,
    firstBroken: null,
    signed,
    unsigned,
    rowProblem: null,
    message: `All ${n} audit entries verify: ${summary}${data}.`,
  };
}
