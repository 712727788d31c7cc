/**
 * Writing the drafts into the case file, inside the caller's change(): match each archive
 * incident to an existing record (its deterministic id, then its code, then a previous code),
 * insert new records whole (one audited record entry each) and bring existing ones in line row
 * by row (sync.ts). Every problem found on a kept row is saved on the record as a data problem.
 */
import type Database from 'better-sqlite3';
import type { ImportProblem } from '../../../shared/importSchemas';
import type { RecordPart, Writer } from '../../audit';
import type { Drafts, IncidentDraft } from './build';
import type { Cell, Flag } from './codecs';
import { suspendIndexes } from '../bulkLoad';
import { FILE_OF, incidentId, problemRows, recordRows, type RecordRows } from './rows';
import { COLUMNS, OWNED_EXTRA_PREFIX, TABLES, type Table } from './tables';
import { updateRecord } from './sync';
import { Tally } from './tally';

export interface ApplyResult {
  tally: Tally;
  problems: ImportProblem[];
  notInSource: number;
}

const part = (table: Table, rows: Cell[][]): RecordPart => ({ table, columns: COLUMNS[table], rows });

export function applyDrafts(
  db: Database.Database,
  w: Writer,
  drafts: Drafts,
  importId: string,
  tick: (done: number, total: number) => void,
): ApplyResult {
  const at = w.at;
  // Checked when the import commits rather than row by row, so a record's rows can go in in the
  // cheapest order; a row that breaks a reference still fails the whole import. (Into a case
  // file without incidents, foreign keys are off and bulkLoad.ts checks them at the end.)
  db.pragma('defer_foreign_keys = ON');
  const foreignKeysOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const tally = new Tally();
  const problems: ImportProblem[] = [];
  for (const [file, n] of Object.entries(drafts.leftOutCounts)) tally.add(file as 'incidents', 'leftOut', n);

  // What the case file holds already.
  const existing = db.prepare(`SELECT id, code, substr(coalesce(extra_json, ''), 1, ${OWNED_EXTRA_PREFIX.length}) = ? AS owned FROM incidents`).all(OWNED_EXTRA_PREFIX) as { id: string; code: string; owned: number }[];
  const codeOfId = new Map(existing.map((r) => [r.id, r.code]));
  const idOfCode = new Map(existing.map((r) => [r.code, r.id]));
  const prevOwner = new Map((db.prepare('SELECT code, incident_id FROM incident_codes').all() as { code: string; incident_id: string }[]).map((r) => [r.code, r.incident_id]));

  // Match: the archive incident's own id, then its code; then, for the rest, a previous code.
  const archiveCodes = new Set(drafts.incidents.map((d) => d.code));
  const assigned = new Map<IncidentDraft, { id: string; exists: boolean }>();
  const matched = new Map<string, IncidentDraft>();
  const leftOut = new Set<IncidentDraft>();
  const claim = (d: IncidentDraft, id: string) => {
    const first = matched.get(id);
    if (first) {
      leftOut.add(d);
      tally.add('incidents', 'leftOut');
      problems.push({ file: 'incidents.csv', line: d.line, field: 'code', value: d.code, reason: `code ${d.code} names the same incident in this case file as code ${first.code} (line ${first.line}); this row was left out`, kind: 'duplicate_match', code: d.code, leftOut: true });
      return;
    }
    matched.set(id, d);
    assigned.set(d, { id, exists: true });
  };
  for (const d of drafts.incidents) {
    const stable = incidentId(d.code);
    const id = codeOfId.has(stable) ? stable : idOfCode.get(d.code);
    if (id) claim(d, id);
  }
  for (const d of drafts.incidents) {
    if (assigned.has(d) || leftOut.has(d)) continue;
    const owner = prevOwner.get(d.code);
    if (owner && !matched.has(owner) && !archiveCodes.has(codeOfId.get(owner) ?? '')) claim(d, owner);
    else assigned.set(d, { id: incidentId(d.code), exists: false });
  }

  // Previous codes: recorded unless another incident already answers to that code.
  const ownerOfCode = new Map<string, string>(prevOwner);
  const codeById = new Map(codeOfId);
  for (const [d, a] of assigned) {
    ownerOfCode.set(d.code, a.id);
    if (!codeById.has(a.id)) codeById.set(a.id, d.code);
  }
  for (const [code, id] of idOfCode) ownerOfCode.set(code, id);
  const acceptCodes = (d: IncidentDraft, id: string): { codes: string[]; flags: Flag[] } => {
    const codes: string[] = [];
    const flags: Flag[] = [];
    for (const c of d.previousCodes) {
      const owner = ownerOfCode.get(c);
      if (owner === undefined || owner === id) {
        ownerOfCode.set(c, id);
        codes.push(c);
      } else {
        const ownerCode = codeById.get(owner) ?? owner;
        const whose = ownerCode === c ? `is the code of another incident` : `is already an earlier code of incident ${ownerCode}`;
        flags.push({ kind: 'previous_code_taken', field: 'previous_reference_codes_json', value: c, reason: `previous code ${c} ${whose}; not recorded as a code of this incident (the archive text is kept)` });
      }
    }
    return { codes, flags };
  };

  // Into a case file with no incidents yet, every row is new: load the tables without their
  // secondary indexes and search triggers, and rebuild those once at the end (bulkLoad.ts).
  if (!foreignKeysOn && existing.length > 0) throw new Error('Incidents were added to the case file while the import started; nothing was saved. Run the import again.');
  const bulk = existing.length === 0 ? suspendIndexes(db, TABLES) : null;
  const total = assigned.size;
  let done = 0;
  for (const [d, { id, exists }] of assigned) {
    const rows = recordRows(d, drafts.read(d), id, at);
    const { codes, flags } = acceptCodes(d, id);
    // A code another incident answers to is reported, not flagged on the record: it is Airwars'
    // recoding history, not a value of this record that the editor would refuse.
    const probs = problemRows(rows, id, importId, at);
    report(problems, d, rows, flags);
    if (exists) updateRecord({ db, w, tally, at, importId }, d.code, id, rows, codes, probs);
    else insertNew(w, tally, d, id, rows, codes, probs);
    if (++done % 200 === 0) tick(done, total);
  }
  bulk?.restore();
  tick(done, total);

  const notInSource = existing.filter((r) => r.owned === 1 && !matched.has(r.id)).length;
  return { tally, problems, notInSource };
}

function insertNew(w: Writer, tally: Tally, d: IncidentDraft, id: string, rows: RecordRows, codes: string[], probs: Cell[][]): void {
  // Parents before the rows that refer to them: while no deferred foreign-key violation is
  // outstanding, SQLite need not look for child rows when a parent row goes in (bulkLoad.ts).
  // Audited by digest: the entry keeps the rows' keys and a hash of them (db/audit.ts).
  w.insertRecord(id, [
    part('incidents', [rows.incident]),
    part('incident_codes', codes.map((code) => [code, id, 'previous'])),
    part('strike_reports', rows.strikeReports),
    part('incident_belligerents', rows.belligerents),
    part('sources', rows.sources),
    part('source_incidents', rows.sourceLinks),
    part('victims', rows.victims),
    part('incident_web_links', rows.links),
    part('data_problems', probs),
  ], { audit: 'digest' });
  tally.add('incidents', 'created');
  tally.add('sources', 'created', rows.sources.length);
  tally.add('victims', 'created', rows.victims.length);
  tally.add('belligerents', 'created', rows.belligerents.length);
  tally.add('links', 'created', rows.links.length);
  tally.add('strike_reports', 'created', rows.strikeReports.length);
  tally.add('previous_codes', 'created', codes.length);
  tally.add('data_problems', 'created', probs.length);
  tally.createdCodes.push(d.code);
}

/** Every flag of a kept row, by file, line, field and reason. */
function report(out: ImportProblem[], d: IncidentDraft, rows: RecordRows, codeFlags: Flag[]): void {
  for (const [table, , draft] of rows.entities) {
    for (const f of draft.flags ?? []) out.push({ file: FILE_OF[table], line: draft.line, field: f.field, value: f.value, reason: f.reason, kind: f.kind, code: d.code, leftOut: false });
  }
  for (const f of codeFlags) out.push({ file: 'incidents.csv', line: d.line, field: f.field, value: f.value, reason: f.reason, kind: f.kind, code: d.code, leftOut: false });
}

