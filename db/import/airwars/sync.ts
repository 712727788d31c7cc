/**
 * Re-import of a record that already exists: compare each row with what the archive now says,
 * and write only the differences (each audited by change()). Rows the import owns (extra_json
 * in its namespace) that the archive no longer has are removed; rows people added are kept.
 */
import type Database from 'better-sqlite3';
import type { Row, Writer } from '../../audit';
import { sourceKind } from './archiveCodecs';
import type { Cell } from './codecs';
import { extraOf } from './record';
import { toObj, type RecordRows } from './rows';
import { COLUMNS, importedStatus, NAMESPACE, OWNED, OWNED_EXTRA_PREFIX, type RowObj, type Table } from './tables';
import { describe, diff, mergeExtra, type Entity, type Tally } from './tally';

export interface SyncContext {
  db: Database.Database;
  w: Writer;
  tally: Tally;
  at: string;
  importId: string;
}

const isOwned = (r: Row) => typeof r.extra_json === 'string' && r.extra_json.startsWith(OWNED_EXTRA_PREFIX);
const full = (table: Table, row: RowObj): Row => Object.fromEntries(COLUMNS[table].map((c) => [c, row[c] ?? null]));

/** Upsert `desired` rows of one table against `existing`; returns the owned rows no longer desired. */
function upsert(ctx: SyncContext, code: string, table: Table, entity: Entity, desired: RowObj[], existing: Row[], owned = OWNED[table]): Row[] {
  const byId = new Map(existing.map((r) => [r.id as string, r]));
  for (const d of desired) {
    const id = d.id as string;
    const ex = byId.get(id);
    if (!ex) {
      ctx.w.insert(table, full(table, d));
      ctx.tally.change(code, entity, id, 'create');
      continue;
    }
    byId.delete(id);
    const want = 'extra_json' in d ? { ...d, extra_json: mergeExtra(ex.extra_json, d.extra_json as string, NAMESPACE) } : d;
    const patch = diff(ex, want, owned);
    if (table === 'data_problems' && Object.keys(patch).length > 0) patch.import_id = ctx.importId;
    if (Object.keys(patch).length === 0) {
      ctx.tally.add(entity, 'unchanged');
      continue;
    }
    ctx.w.update(table, { id }, patch);
    ctx.tally.change(code, entity, id, 'update', describe(patch, ex, NAMESPACE).filter((f) => f !== 'import_id'));
  }
  return [...byId.values()];
}

function remove(ctx: SyncContext, code: string, table: Table, entity: Entity, rows: Row[]): void {
  for (const r of rows) {
    ctx.w.remove(table, { id: r.id });
    ctx.tally.change(code, entity, r.id as string, 'remove');
  }
}

/** Bring an existing incident record in line with the archive. Returns true when anything changed. */
export function updateRecord(ctx: SyncContext, code: string, id: string, record: RecordRows, codes: string[], problemRows: Cell[][]): boolean {
  const objs = (table: Table, list: Cell[][]) => list.map((r) => toObj(table, r));
  const rows = {
    incident: toObj('incidents', record.incident),
    sources: record.sources.map((s, i) => ({ source: toObj('sources', s), link: toObj('source_incidents', record.sourceLinks[i]!) })),
    victims: objs('victims', record.victims),
    belligerents: objs('incident_belligerents', record.belligerents),
    strikeReports: objs('strike_reports', record.strikeReports),
    links: objs('incident_web_links', record.links),
  };
  const problems = objs('data_problems', problemRows);
  const { db, w, tally } = ctx;
  const before = w.entries;
  const all = (sql: string) => db.prepare(sql).all(id) as Row[];
  const ownedIds = new Set<string>([id]);

  // Strike reports before the belligerents that point at them; stale ones after.
  const exBell = all('SELECT * FROM incident_belligerents WHERE incident_id = ?');
  const exReports = all('SELECT r.* FROM strike_reports r JOIN incident_belligerents b ON b.strike_report_id = r.id WHERE b.incident_id = ?');
  const staleReports = upsert(ctx, code, 'strike_reports', 'strike_reports', rows.strikeReports, exReports).filter(isOwned);
  const staleBell = upsert(ctx, code, 'incident_belligerents', 'belligerents', rows.belligerents, exBell).filter(isOwned);
  remove(ctx, code, 'incident_belligerents', 'belligerents', staleBell);
  remove(ctx, code, 'strike_reports', 'strike_reports', staleReports);

  // Sources and their link to this incident.
  const exSources = all('SELECT s.*, si.ord AS link_ord FROM source_incidents si JOIN sources s ON s.id = si.source_id WHERE si.incident_id = ?');
  const byId = new Map(exSources.map((s) => [s.id as string, s]));
  for (const { source, link } of rows.sources) {
    const ex = byId.get(source.id as string);
    ownedIds.add(source.id as string);
    if (!ex) {
      const unlinked = w.get('sources', { id: source.id });
      if (!unlinked) w.insert('sources', full('sources', source));
      else w.update('sources', { id: source.id }, diff(unlinked, source, OWNED.sources));
      w.insert('source_incidents', { ...link });
      tally.change(code, 'sources', source.id as string, 'create');
      continue;
    }
    byId.delete(source.id as string);
    const patch = diff(ex, { ...source, extra_json: mergeExtra(ex.extra_json, source.extra_json as string, NAMESPACE) }, OWNED.sources);
    const guessed = sourceKind(extraOf(ex.extra_json).language_original ?? String(ex.language ?? ''), (ex.url as string | null) ?? null);
    if (ex.kind !== source.kind && ex.kind === guessed) patch.kind = source.kind ?? null;
    const linkChanged = ex.link_ord !== link.ord;
    if (Object.keys(patch).length > 0) w.update('sources', { id: source.id }, { ...patch, updated_at: ctx.at });
    if (linkChanged) w.update('source_incidents', { source_id: source.id, incident_id: id }, { ord: link.ord });
    if (Object.keys(patch).length > 0 || linkChanged) {
      tally.change(code, 'sources', source.id as string, 'update', [...describe(patch, ex, NAMESPACE), ...(linkChanged ? ['ord'] : [])]);
    } else tally.add('sources', 'unchanged');
  }
  for (const ex of byId.values()) {
    if (!isOwned(ex)) continue;
    ownedIds.add(ex.id as string);
    w.remove('source_incidents', { source_id: ex.id, incident_id: id });
    const others = db.prepare('SELECT count(*) AS n FROM source_incidents WHERE source_id = ?').get(ex.id) as { n: number };
    if (others.n === 0) w.remove('sources', { id: ex.id });
    tally.change(code, 'sources', ex.id as string, 'remove');
  }

  for (const [table, entity, list] of [
    ['victims', 'victims', rows.victims],
    ['incident_web_links', 'links', rows.links],
  ] as const) {
    list.forEach((r) => ownedIds.add(r.id as string));
    const stale = upsert(ctx, code, table, entity, list, all(`SELECT * FROM ${table} WHERE incident_id = ?`)).filter(isOwned);
    stale.forEach((r) => ownedIds.add(r.id as string));
    remove(ctx, code, table, entity, stale);
  }
  for (const r of [...rows.belligerents, ...staleBell]) ownedIds.add(r.id as string);

  // Previous codes: add the archive's; drop those the archive listed before but no longer lists.
  const cur = db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row;
  const exCodes = new Map((db.prepare('SELECT code, kind FROM incident_codes WHERE incident_id = ?').all(id) as Row[]).map((r) => [r.code as string, r.kind]));
  for (const c of codes) {
    if (exCodes.has(c)) tally.add('previous_codes', 'unchanged');
    else {
      w.insert('incident_codes', { code: c, incident_id: id, kind: 'previous' });
      tally.change(code, 'previous_codes', c, 'create');
    }
  }
  const listedBefore = listedCodes(extraOf(cur.extra_json).previous_reference_codes_json);
  for (const c of listedBefore) {
    if (!codes.includes(c) && exCodes.get(c) === 'previous') {
      w.remove('incident_codes', { code: c });
      tally.change(code, 'previous_codes', c, 'remove');
    }
  }

  // Problems of this record's rows: add new ones, move or reword changed ones, clear fixed ones.
  const exProblems = all('SELECT * FROM data_problems WHERE incident_id = ?');
  const staleProblems = upsert(ctx, code, 'data_problems', 'data_problems', problems, exProblems).filter((p) => ownedIds.has(p.entity_id as string));
  remove(ctx, code, 'data_problems', 'data_problems', staleProblems);

  // The incident itself, last: its updated_at moves when anything in the record changed.
  const inc = rows.incident;
  const patch: Record<string, Cell> = diff(cur, { ...inc, extra_json: mergeExtra(cur.extra_json, inc.extra_json as string, NAMESPACE) }, OWNED.incidents);
  if (cur.status === importedStatus((cur.grade as Cell) ?? null) && cur.status !== inc.status) patch.status = inc.status ?? null;
  const changed = Object.keys(patch).length > 0 || w.entries > before;
  if (Object.keys(patch).length > 0) tally.change(code, 'incidents', id, 'update', describe(patch, cur, NAMESPACE));
  else tally.add('incidents', changed ? 'updated' : 'unchanged');
  if (changed) w.update('incidents', { id }, { ...patch, updated_at: ctx.at });
  if (changed) tally.updatedCodes.add(code);
  return changed;
}


/** The codes listed in a previous_reference_codes_json value. */
export function listedCodes(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return (Array.isArray(parsed) ? parsed : [])
      .map((e) => (typeof e === 'object' && e ? (e as Record<string, unknown>).previous_unique_reference_code : undefined))
      .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
      .map((c) => c.trim());
  } catch {
    return [];
  }
}
