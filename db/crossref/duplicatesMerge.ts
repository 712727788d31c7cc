/**
 * Merging two incidents into one, in ONE change() (one audited operation):
 *  - the survivor takes, field by field, the value picked (default: its own unless empty);
 *  - every row that hangs off the absorbed incident moves to the survivor: sources
 *    (source_incidents; their captures come with them), victims, belligerents, strike links,
 *    web links, incident links, earlier codes, data problems of its rows. A row the survivor
 *    already has (the same source, the same strike report) is dropped, not doubled; a link
 *    between the two becomes meaningless and is dropped. The absorbed incident's own review
 *    thread and grade history go with it (kept in the audit log; the undo restores them);
 *  - the absorbed incident is deleted and its code kept as an earlier code of the survivor
 *    (incident_codes kind 'merged'), so opening or searching the old code finds the survivor;
 *  - a duplicate_merges row names both and the audit seq range, which the undo replays back.
 * Tables another feature adds that point at incidents are moved generically when they are
 * audited; a row in an unaudited one refuses the merge rather than vanish by cascade.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { MERGE_FIELDS, type MergeField, type MergeMoves } from '../../shared/contracts/duplicates';
import { auditedTables, change, type Row, type Writer } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { assertEditable } from '../workflowRules';
import { orderedPair } from './duplicatesStore';
import { defaultPick, MERGE_COLUMNS } from './mergeFields';

interface Ref {
  table: string;
  column: string;
}

/** Every (table, column) with a foreign key to incidents(id). */
export function incidentReferences(cf: CaseFile): Ref[] {
  const tables = cf.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const out: Ref[] = [];
  for (const { name } of tables) {
    const fks = cf.db.prepare(`PRAGMA foreign_key_list(${JSON.stringify(name)})`).all() as { table: string; from: string; to: string | null }[];
    for (const fk of fks) if (fk.table === 'incidents' && (fk.to ?? 'id') === 'id' && name !== 'incidents') out.push({ table: name, column: fk.from });
  }
  return out;
}

export function loadIncident(cf: CaseFile, id: string, role: string): Row {
  const row = cf.db.prepare('SELECT rowid AS _rowid, * FROM incidents WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new HandlerError('not_found', `No incident with id ${id} (${role}) in this case file. Nothing was merged.`);
  return row;
}

/** Refusals before anything is written: the same incident twice, an unknown id, a locked incident. */
export function checkMergeable(cf: CaseFile, survivorId: string, absorbedId: string): { survivor: Row; absorbed: Row } {
  if (survivorId === absorbedId) {
    throw new HandlerError('invalid_input', 'An incident cannot be merged with itself: choose two different incidents. Nothing was merged.');
  }
  const survivor = loadIncident(cf, survivorId, 'the surviving incident');
  const absorbed = loadIncident(cf, absorbedId, 'the incident to absorb');
  for (const id of [survivorId, absorbedId]) {
    try {
      assertEditable(cf, id);
    } catch (e) {
      if (e instanceof HandlerError) throw new HandlerError('refused', `Cannot merge: ${e.message.replace('nothing was saved.', 'nothing was merged.')}`);
      throw e;
    }
  }
  return { survivor, absorbed };
}

const rowsOf = (cf: CaseFile, table: string, column: string, id: string) =>
  cf.db.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(id) as Row[];

const nextOrd = (cf: CaseFile, table: string, id: string) =>
  (cf.db.prepare(`SELECT coalesce(max(ord), -1) + 1 AS n FROM ${table} WHERE incident_id = ?`).get(id) as { n: number }).n;

function emptyMoves(): MergeMoves {
  return { sources: 0, captures: 0, victims: 0, belligerents: 0, strikeMatches: 0, webLinks: 0, incidentLinks: 0, codes: 0 };
}

/** Move what hangs off `from` to `to` (inside the merge's change). */
function moveRows(cf: CaseFile, w: Writer, from: string, to: string, moves: MergeMoves): void {
  const keys = auditedTables();
  for (const { table, column } of incidentReferences(cf)) {
    const rows = rowsOf(cf, table, column, from);
    if (rows.length === 0) continue;
    if (table === 'source_incidents') {
      let ord = nextOrd(cf, table, to);
      for (const r of rows) {
        w.remove(table, r);
        if (w.get(table, { source_id: r.source_id, incident_id: to })) continue;
        w.insert(table, { ...r, incident_id: to, ord: ord++ });
        moves.sources++;
        moves.captures += (cf.db.prepare('SELECT count(*) AS n FROM captures WHERE source_id = ?').get(r.source_id) as { n: number }).n;
      }
    } else if (table === 'strike_matches') {
      for (const r of rows) {
        const theirs = w.get(table, { strike_report_id: r.strike_report_id, incident_id: to });
        w.remove(table, r);
        if (theirs) {
          // The survivor keeps its link; a decision made only on the absorbed one is carried over.
          if (theirs.decision === 'pending' && r.decision !== 'pending') {
            w.update(table, theirs, { decision: r.decision, decided_by: r.decided_by, decided_at: r.decided_at });
          }
          continue;
        }
        w.insert(table, { ...r, incident_id: to });
        moves.strikeMatches++;
      }
    } else if (table === 'incident_belligerents' || table === 'victims' || table === 'incident_web_links') {
      let ord = nextOrd(cf, table, to);
      for (const r of rows) w.update(table, { id: r.id }, { incident_id: to, ord: ord++ });
      if (table === 'incident_belligerents') moves.belligerents += rows.length;
      else if (table === 'victims') moves.victims += rows.length;
      else moves.webLinks += rows.length;
    } else if (table === 'incident_links') {
      for (const r of rows) {
        const other = column === 'from_incident_id' ? r.to_incident_id : r.from_incident_id;
        const fromId = column === 'from_incident_id' ? to : r.from_incident_id;
        const toId = column === 'to_incident_id' ? to : r.to_incident_id;
        const twin = cf.db
          .prepare('SELECT 1 FROM incident_links WHERE from_incident_id = ? AND to_incident_id = ? AND kind = ?')
          .get(fromId, toId, r.kind);
        if (other === to || twin) w.remove(table, { id: r.id });
        else {
          w.update(table, { id: r.id }, { [column]: to });
          moves.incidentLinks++;
        }
      }
    } else if (table === 'incident_codes') {
      for (const r of rows) w.update(table, { code: r.code }, { incident_id: to });
      moves.codes += rows.length;
    } else if (table === 'data_problems') {
      // Problems of the absorbed incident's own fields go with its row; those of moved rows move.
      for (const r of rows) {
        if (r.entity_id === from) w.remove(table, { id: r.id });
        else w.update(table, { id: r.id }, { incident_id: to });
      }
    } else if (table === 'grade_history' || table === 'review_decisions') {
      for (const r of rows) w.remove(table, { id: r.id });
    } else if (keys[table] && !keys[table]!.includes(column)) {
      for (const r of rows) w.update(table, r, { [column]: to });
    } else {
      throw new HandlerError('refused', `Cannot merge: ${rows.length} row(s) of ${table} point at the absorbed incident and cannot be moved safely. Nothing was merged.`);
    }
  }
}

export function mergeIncidents(cf: CaseFile, input: ChannelParsedInput<'duplicates:merge'>): ChannelOutput<'duplicates:merge'> {
  const { survivor, absorbed } = checkMergeable(cf, input.survivorId, input.absorbedId);
  const survivorCode = survivor.code as string;
  const absorbedCode = absorbed.code as string;
  const patch: Row = {};
  for (const field of MERGE_FIELDS as readonly MergeField[]) {
    const pick = input.picks[field] ?? defaultPick(field, survivor, absorbed);
    if (pick === 'absorbed') for (const c of MERGE_COLUMNS[field]) patch[c] = absorbed[c] ?? null;
  }
  const id = randomUUID();
  const moves = emptyMoves();
  const reason = `Merged ${absorbedCode} into ${survivorCode}${input.reason ? `: ${input.reason}` : ''}`;
  const by = cf.profile?.name ?? cf.actor;
  const at = change(cf, reason, (w) => {
    const firstSeq = (cf.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS s FROM audit_log').get() as { s: number }).s;
    w.insert('duplicate_merges', {
      id,
      survivor_id: survivor.id,
      absorbed_id: absorbed.id,
      survivor_code: survivorCode,
      absorbed_code: absorbedCode,
      absorbed_rowid: absorbed._rowid,
      first_seq: firstSeq,
      last_seq: null,
      summary_json: '{}',
      merged_by: by,
      merged_at: w.at,
    });
    if (Object.keys(patch).length) w.update('incidents', { id: survivor.id }, patch);
    moveRows(cf, w, absorbed.id as string, survivor.id as string, moves);
    for (const { table, column } of incidentReferences(cf)) {
      const left = cf.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).get(absorbed.id) as { n: number };
      if (left.n > 0) throw new Error(`${left.n} row(s) of ${table} still point at ${absorbedCode}`);
    }
    w.remove('incidents', { id: absorbed.id });
    w.insert('incident_codes', { code: absorbedCode, incident_id: survivor.id, kind: 'merged' });
    moves.codes++;
    const [a, b] = orderedPair(survivor.id as string, absorbed.id as string);
    const decision = { decision: 'merged', note: reason, decided_by: by, decided_at: w.at };
    if (w.get('duplicate_decisions', { incident_a: a, incident_b: b })) w.update('duplicate_decisions', { incident_a: a, incident_b: b }, decision);
    else w.insert('duplicate_decisions', { incident_a: a, incident_b: b, ...decision });
    w.update('incidents', { id: survivor.id }, { updated_at: w.at });
    // This update is the change's last entry: its seq closes the range the undo replays.
    w.update('duplicate_merges', { id }, { summary_json: JSON.stringify(moves), last_seq: firstSeq + w.entries });
    return w.at;
  });
  return {
    id,
    survivorId: survivor.id as string,
    survivorCode,
    absorbedId: absorbed.id as string,
    absorbedCode,
    mergedAt: at,
    mergedBy: by,
    moves,
  };
}
