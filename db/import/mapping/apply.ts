/**
 * Writing mapped spreadsheet rows, inside the caller's change(): incidents matched by code
 * (or an earlier code), sources and victims by their incident's code and their order. New
 * records are inserted whole (one audited record entry per incident); existing ones get only
 * the columns the mapping fills, and only where they differ. Problems are saved on the record.
 */
import type Database from 'better-sqlite3';
import type { ImportProblem } from '../../../shared/importSchemas';
import type { ColumnMapping } from '../../../shared/mappingSchema';
import type { Row, Writer } from '../../audit';
import { sourceKind } from '../airwars/archiveCodecs';
import type { Cell, Flag } from '../airwars/codecs';
import { COLUMNS, type Table } from '../airwars/tables';
import { diff, describe, mergeExtra, Tally, type Entity } from '../airwars/tally';
import { stableId } from '../ids';
import type { RunResult } from '../run';
import type { MappedDraft, MappedRows } from './build';

export const CSV_NAMESPACE = 'csv';

const fullRow = (table: Table, values: Record<string, Cell>): Cell[] => COLUMNS[table].map((c) => values[c] ?? null);
const extraJson = (extra: Record<string, string> | null) => (extra ? JSON.stringify({ [CSV_NAMESPACE]: extra }) : null);

interface Ctx {
  db: Database.Database;
  w: Writer;
  tally: Tally;
  at: string;
  importId: string;
  file: string;
  problems: ImportProblem[];
}

function problemRows(ctx: Ctx, table: Table, entityId: string, incidentId: string, d: MappedDraft): Cell[][] {
  const out = new Map<string, Cell[]>();
  for (const f of d.flags) {
    const id = stableId('problem', entityId, f.field, f.kind);
    if (!out.has(id)) out.set(id, [id, table, entityId, incidentId, f.kind, f.field, f.value, f.reason, ctx.file, d.line, ctx.importId, ctx.at]);
    ctx.problems.push({ file: ctx.file, line: d.line, field: f.field, value: f.value, reason: f.reason, kind: f.kind, code: d.code, leftOut: false });
  }
  return [...out.values()];
}

/** Bring the problems this file found on one entity in line with `rows`. */
function syncProblems(ctx: Ctx, code: string, entityId: string, rows: Cell[][]): void {
  const existing = ctx.db.prepare('SELECT * FROM data_problems WHERE entity_id = ? AND file = ?').all(entityId, ctx.file) as Row[];
  const byId = new Map(existing.map((p) => [p.id as string, p]));
  for (const r of rows) {
    const obj = Object.fromEntries(COLUMNS.data_problems.map((c, i) => [c, r[i] ?? null]));
    const ex = byId.get(obj.id as string);
    byId.delete(obj.id as string);
    if (!ex) {
      ctx.w.insert('data_problems', obj);
      ctx.tally.change(code, 'data_problems', obj.id as string, 'create');
    } else {
      const patch = diff(ex, obj, ['kind', 'field', 'value', 'reason', 'line']);
      if (Object.keys(patch).length === 0) ctx.tally.add('data_problems', 'unchanged');
      else {
        ctx.w.update('data_problems', { id: ex.id }, { ...patch, import_id: ctx.importId });
        ctx.tally.change(code, 'data_problems', ex.id as string, 'update', Object.keys(patch));
      }
    }
  }
  for (const ex of byId.values()) {
    ctx.w.remove('data_problems', { id: ex.id });
    ctx.tally.change(code, 'data_problems', ex.id as string, 'remove');
  }
}

/** Update the mapped columns of an existing row; returns true when something changed. */
function updateRow(ctx: Ctx, table: Table, entity: Entity, code: string, current: Row, values: Record<string, Cell>, extra: string | null, extraCols: Record<string, Cell> = {}): boolean {
  const want: Record<string, Cell> = { ...values, ...extraCols };
  if (extra !== null) want.extra_json = mergeExtra(current.extra_json, extra, CSV_NAMESPACE);
  const patch = diff(current, want, Object.keys(want));
  if (Object.keys(patch).length === 0) {
    ctx.tally.add(entity, 'unchanged');
    return false;
  }
  if (COLUMNS[table].includes('updated_at')) patch.updated_at = ctx.at;
  ctx.w.update(table, { id: current.id }, patch);
  ctx.tally.change(code, entity, current.id as string, 'update', describe(patch, current, CSV_NAMESPACE));
  return true;
}

function applyIncidents(ctx: Ctx, mapped: MappedRows, mapping: ColumnMapping, tick: (n: number) => void): void {
  const { db, w, tally, at } = ctx;
  const idOfCode = new Map((db.prepare('SELECT code, id FROM incidents').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));
  const prevOwner = new Map((db.prepare('SELECT code, incident_id FROM incident_codes').all() as { code: string; incident_id: string }[]).map((r) => [r.code, r.incident_id]));
  const dates = mapped.filled.includes('date_start') || mapped.filled.includes('date_end');
  mapped.drafts.forEach((d, n) => {
    const existing = idOfCode.get(d.code) ?? prevOwner.get(d.code);
    const id = existing ?? stableId(CSV_NAMESPACE, 'incident', d.code);
    const values = { ...d.values };
    if (dates) values.date_precision = values.date_end ? 'range' : values.date_start ? 'day' : 'unknown';
    const codes = d.previousCodes.filter((c) => c !== d.code && (prevOwner.get(c) ?? idOfCode.get(c) ?? id) === id);
    for (const c of d.previousCodes.filter((c) => c !== d.code && !codes.includes(c))) {
      // Reported, not flagged on the record (as with the Airwars import).
      ctx.problems.push({ file: ctx.file, line: d.line, field: 'previousCodes', value: c, reason: `previous code ${c} already belongs to another incident; not recorded`, kind: 'previous_code_taken', code: d.code, leftOut: false });
    }
    const problems = problemRows(ctx, 'incidents', id, id, d);
    if (!existing) {
      const row = fullRow('incidents', { status: mapping.defaults.status ?? 'draft', country: mapping.defaults.country ?? null, date_precision: 'unknown', ...values, id, code: d.code, extra_json: extraJson(d.extra), created_at: at, updated_at: at });
      const bell = d.belligerent ? [fullRow('incident_belligerents', { id: stableId(CSV_NAMESPACE, 'belligerent', d.code, d.belligerent), incident_id: id, ord: 0, belligerent: d.belligerent, involvement: 'suspected', position: 'not_yet_assessed' })] : [];
      w.insertRecord(id, [
        { table: 'incidents', columns: COLUMNS.incidents, rows: [row] },
        { table: 'incident_belligerents', columns: COLUMNS.incident_belligerents, rows: bell },
        { table: 'incident_codes', columns: COLUMNS.incident_codes, rows: codes.map((c) => [c, id, 'previous']) },
        { table: 'data_problems', columns: COLUMNS.data_problems, rows: problems },
      ], { audit: 'digest' });
      idOfCode.set(d.code, id);
      codes.forEach((c) => prevOwner.set(c, id));
      tally.add('incidents', 'created');
      tally.add('belligerents', 'created', bell.length);
      tally.add('previous_codes', 'created', codes.length);
      tally.add('data_problems', 'created', problems.length);
      tally.createdCodes.push(d.code);
    } else {
      const before = w.entries;
      const current = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row;
      const { code: _code, ...rest } = values;
      updateRow(ctx, 'incidents', 'incidents', d.code, current, rest, extraJson(d.extra));
      if (d.belligerent) {
        const bells = db.prepare('SELECT belligerent, ord FROM incident_belligerents WHERE incident_id = ?').all(id) as { belligerent: string; ord: number }[];
        if (!bells.some((b) => b.belligerent.toLowerCase() === d.belligerent!.toLowerCase())) {
          const bid = stableId(CSV_NAMESPACE, 'belligerent', d.code, d.belligerent);
          w.insert('incident_belligerents', { id: bid, incident_id: id, ord: Math.max(-1, ...bells.map((b) => b.ord)) + 1, belligerent: d.belligerent, involvement: 'suspected', position: 'not_yet_assessed' });
          tally.change(d.code, 'belligerents', bid, 'create');
        }
      }
      for (const c of codes) {
        if (prevOwner.get(c) === id) continue;
        w.insert('incident_codes', { code: c, incident_id: id, kind: 'previous' });
        prevOwner.set(c, id);
        tally.change(d.code, 'previous_codes', c, 'create');
      }
      syncProblems(ctx, d.code, id, problems);
      if (w.entries > before) tally.updatedCodes.add(d.code);
    }
    if ((n + 1) % 200 === 0) tick(n + 1);
  });
}

function applyChildren(ctx: Ctx, mapped: MappedRows, target: 'sources' | 'victims', tick: (n: number) => void): void {
  const { db, w, tally, at } = ctx;
  const idOfCode = new Map((db.prepare('SELECT code, id FROM incidents').all() as { code: string; id: string }[]).map((r) => [r.code, r.id]));
  for (const r of db.prepare('SELECT code, incident_id FROM incident_codes').all() as { code: string; incident_id: string }[]) if (!idOfCode.has(r.code)) idOfCode.set(r.code, r.incident_id);
  const table: Table = target;
  const pending = new Map<string, { rows: Cell[][]; links: Cell[][]; problems: Cell[][] }>();
  mapped.drafts.forEach((d, n) => {
    const incidentId = idOfCode.get(d.code);
    if (!incidentId) {
      tally.add(target, 'leftOut');
      ctx.problems.push({ file: ctx.file, line: d.line, field: 'incidentCode', value: d.code, reason: `no incident has code ${d.code}, so this row was left out`, kind: 'no_incident', code: d.code, leftOut: true });
      return;
    }
    const id = stableId(CSV_NAMESPACE, target.slice(0, -1), d.code, d.orderKey);
    const ord = d.orderKey.startsWith('#') ? Number(d.orderKey.slice(1)) : Number(d.orderKey);
    const problems = problemRows(ctx, table, id, incidentId, d);
    const current = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    if (current) {
      const before = w.entries;
      const extraCols: Record<string, Cell> = target === 'victims' ? { ord } : {};
      updateRow(ctx, table, target, d.code, current, d.values, extraJson(d.extra), extraCols);
      if (target === 'sources') {
        const link = db.prepare('SELECT ord FROM source_incidents WHERE source_id = ? AND incident_id = ?').get(id, incidentId) as { ord: number } | undefined;
        if (!link) w.insert('source_incidents', { source_id: id, incident_id: incidentId, ord });
        else w.update('source_incidents', { source_id: id, incident_id: incidentId }, { ord });
      }
      syncProblems(ctx, d.code, id, problems);
      if (w.entries > before) tally.updatedCodes.add(d.code);
    } else {
      const base: Record<string, Cell> =
        target === 'sources'
          ? { kind: sourceKind('', (d.values.url as string | null) ?? null), sensitive_personal: 0, sensitive_graphic: 0, created_at: at, updated_at: at }
          : { incident_id: incidentId, ord, civilian_status_contested: 0, sensitive: 0 };
      const p = pending.get(incidentId) ?? { rows: [], links: [], problems: [] };
      p.rows.push(fullRow(table, { ...base, ...d.values, id, extra_json: extraJson(d.extra) }));
      if (target === 'sources') p.links.push([id, incidentId, ord]);
      p.problems.push(...problems);
      pending.set(incidentId, p);
      tally.add(target, 'created');
      tally.add('data_problems', 'created', problems.length);
      tally.updatedCodes.add(d.code);
    }
    if ((n + 1) % 200 === 0) tick(n + 1);
  });
  for (const [incidentId, p] of pending) {
    w.insertRecord(incidentId, [
      { table, columns: COLUMNS[table], rows: p.rows },
      { table: 'source_incidents', columns: COLUMNS.source_incidents, rows: p.links },
      { table: 'data_problems', columns: COLUMNS.data_problems, rows: p.problems },
    ], { audit: 'digest' });
  }
}

export function applyMapped(db: Database.Database, w: Writer, mapped: MappedRows, mapping: ColumnMapping, importId: string, file: string, tick: (done: number) => void): RunResult {
  const tally = new Tally();
  const ctx: Ctx = { db, w, tally, at: w.at, importId, file, problems: [] };
  const leftOutEntity: Entity = mapping.target === 'incidents' ? 'incidents' : mapping.target;
  tally.add(leftOutEntity, 'leftOut', mapped.leftOut.filter((p) => p.leftOut).length);
  if (mapping.target === 'incidents') applyIncidents(ctx, mapped, mapping, tick);
  else applyChildren(ctx, mapped, mapping.target, tick);
  tick(mapped.drafts.length);
  return {
    counts: tally.counts,
    createdCodes: tally.createdCodes,
    updatedCodes: [...tally.updatedCodes],
    changes: tally.changes,
    problems: [...mapped.leftOut, ...ctx.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    notInSource: 0,
  };
}

export type { Flag };
