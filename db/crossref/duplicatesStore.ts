/**
 * The suggested pairs kept in the case file: computed for the whole case (db/crossref/
 * duplicatesBlock.ts) whenever the audit head has moved since the last run, listed with each
 * side's summary and the person's decision. Decisions (not a duplicate, merged) are case data
 * written through change(); the suggestions themselves are derived and rewritten directly.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { DuplicatePair, PairSide } from '../../shared/contracts/duplicates';
import { change, type Row } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { suggestPairs } from './duplicatesBlock';
import { loadFeatures } from './duplicatesFeatures';

function auditHead(cf: CaseFile): number {
  return (cf.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM audit_log').get() as { s: number }).s;
}

/** Recompute every suggested pair of the case and store them. */
export function computeDuplicates(cf: CaseFile): ChannelOutput<'duplicates:compute'> {
  const t0 = performance.now();
  const features = loadFeatures(cf);
  const { pairs, stats } = suggestPairs(features);
  const at = cf.now();
  const head = auditHead(cf);
  const insert = cf.db.prepare(
    'INSERT INTO duplicate_suggestions (incident_a, incident_b, score, reasons_json, computed_at) VALUES (?, ?, ?, ?, ?)',
  );
  cf.db.transaction(() => {
    cf.db.prepare('DELETE FROM duplicate_suggestions').run();
    for (const p of pairs) insert.run(p.a.id, p.b.id, p.score, JSON.stringify(p.reasons), at);
    const millis = performance.now() - t0;
    cf.db
      .prepare(
        `INSERT INTO duplicate_runs (id, audit_seq, computed_at, pairs, millis) VALUES (1, @head, @at, @pairs, @millis)
         ON CONFLICT (id) DO UPDATE SET audit_seq = @head, computed_at = @at, pairs = @pairs, millis = @millis`,
      )
      .run({ head, at, pairs: pairs.length, millis });
  })();
  return { incidents: stats.incidents, candidates: stats.candidates, pairs: pairs.length, millis: performance.now() - t0 };
}

/** Recompute when anything was written since the last run (or there was none). */
export function ensureDuplicatesFresh(cf: CaseFile): string | null {
  const run = cf.db.prepare('SELECT audit_seq, computed_at FROM duplicate_runs WHERE id = 1').get() as
    | { audit_seq: number; computed_at: string }
    | undefined;
  const head = auditHead(cf);
  if (run && run.audit_seq === head) return run.computed_at;
  // A decision on a pair changes no suggestion: only other writes call for a new run.
  const changed = run
    ? cf.db.prepare("SELECT 1 FROM audit_log WHERE seq > ? AND entity <> 'duplicate_decisions' LIMIT 1").get(run.audit_seq)
    : true;
  if (run && !changed) {
    cf.db.prepare('UPDATE duplicate_runs SET audit_seq = ? WHERE id = 1').run(head);
    return run.computed_at;
  }
  computeDuplicates(cf);
  return (cf.db.prepare('SELECT computed_at FROM duplicate_runs WHERE id = 1').get() as { computed_at: string }).computed_at;
}

const SIDE_SQL = `SELECT i.id, i.code, i.date_start, i.date_end, i.place_en, i.place_ar, i.governorate, i.latitude,
  i.longitude, i.geo_precision, i.killed_min, i.killed_max, i.status, i.grade,
  (SELECT count(*) FROM source_incidents si WHERE si.incident_id = i.id) AS sources,
  (SELECT count(*) FROM victims v WHERE v.incident_id = i.id) AS victims
  FROM incidents i WHERE i.id = ?`;

export function pairSide(cf: CaseFile, id: string): PairSide | null {
  const r = cf.db.prepare(SIDE_SQL).get(id) as Row | undefined;
  if (!r) return null;
  return {
    id: r.id as string,
    code: r.code as string,
    dateStart: (r.date_start as string | null) ?? null,
    dateEnd: (r.date_end as string | null) ?? null,
    placeEn: (r.place_en as string | null) ?? null,
    placeAr: (r.place_ar as string | null) ?? null,
    governorate: (r.governorate as string | null) ?? null,
    latitude: (r.latitude as number | null) ?? null,
    longitude: (r.longitude as number | null) ?? null,
    geoPrecision: (r.geo_precision as PairSide['geoPrecision']) ?? null,
    killed: { min: (r.killed_min as number | null) ?? null, max: (r.killed_max as number | null) ?? null },
    status: r.status as PairSide['status'],
    grade: (r.grade as PairSide['grade']) ?? null,
    sources: r.sources as number,
    victims: r.victims as number,
  };
}

const DECISION_SQL: Record<ChannelParsedInput<'duplicates:list'>['decision'], string> = {
  pending: 'd.decision IS NULL',
  not_duplicate: "d.decision = 'not_duplicate'",
  merged: "d.decision = 'merged'",
  all: '1',
};

export function listDuplicates(cf: CaseFile, input: ChannelParsedInput<'duplicates:list'>): ChannelOutput<'duplicates:list'> {
  const computedAt = ensureDuplicatesFresh(cf);
  const where = `${DECISION_SQL[input.decision]}${input.incidentId ? ' AND (s.incident_a = @inc OR s.incident_b = @inc)' : ''}`;
  const from = `FROM duplicate_suggestions s LEFT JOIN duplicate_decisions d
    ON d.incident_a = s.incident_a AND d.incident_b = s.incident_b WHERE ${where}`;
  const params = { inc: input.incidentId ?? null, limit: input.limit, offset: input.offset };
  const total = (cf.db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n;
  const rows = cf.db
    .prepare(
      `SELECT s.incident_a, s.incident_b, s.score, s.reasons_json, d.decision, d.note ${from}
       ORDER BY s.score DESC, s.incident_a, s.incident_b LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Row[];
  const out: DuplicatePair[] = [];
  for (const r of rows) {
    const a = pairSide(cf, r.incident_a as string);
    const b = pairSide(cf, r.incident_b as string);
    if (!a || !b) continue;
    out.push({
      a,
      b,
      score: r.score as number,
      reasons: JSON.parse(r.reasons_json as string) as DuplicatePair['reasons'],
      decision: (r.decision as DuplicatePair['decision'] | null) ?? 'pending',
      note: (r.note as string | null) ?? null,
    });
  }
  return { total, computedAt, rows: out };
}

export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** "Not duplicates" (kept however often the pairs are recomputed), or back to pending. */
export function decideDuplicate(cf: CaseFile, input: ChannelParsedInput<'duplicates:decide'>): ChannelOutput<'duplicates:decide'> {
  if (input.incidentA === input.incidentB) {
    throw new HandlerError('invalid_input', 'A pair needs two different incidents; both ids are the same. Nothing was saved.');
  }
  const a = pairSide(cf, input.incidentA);
  const b = pairSide(cf, input.incidentB);
  if (!a || !b) {
    const missing = !a ? input.incidentA : input.incidentB;
    throw new HandlerError('not_found', `No incident with id ${missing} in this case file. Nothing was saved.`);
  }
  const [x, y] = orderedPair(a.id, b.id);
  const key = { incident_a: x, incident_b: y };
  const codes = `${a.code} and ${b.code}`;
  change(cf, input.decision === 'pending' ? `Pair ${codes} back to pending` : `${codes} are not duplicates`, (w) => {
    const current = w.get('duplicate_decisions', key);
    if (current?.decision === 'merged') {
      throw new HandlerError('refused', `${codes} were merged; undo the merge instead. Nothing was saved.`);
    }
    if (input.decision === 'pending') {
      w.remove('duplicate_decisions', key);
      return;
    }
    const row = { decision: 'not_duplicate', note: input.note ?? null, decided_by: cf.profile?.name ?? cf.actor, decided_at: w.at };
    if (current) w.update('duplicate_decisions', key, row);
    else w.insert('duplicate_decisions', { ...key, ...row });
  });
  return { decision: input.decision };
}
