/**
 * Incident drafts → the rows of one incident record, in each table's column order, with their
 * deterministic ids (from the archive code and each row's order), ready for `insertRecord`.
 */
import { stableId } from '../ids';
import type { Draft, IncidentDraft, ReadChild, ReadChildren } from './build';
import type { Cell, Flag } from './codecs';
import { COLUMNS, extraJson, importedStatus, NAMESPACE, type RowObj, type Table } from './tables';

export const childId = (kind: string, code: string, key: string) => stableId(NAMESPACE, kind, code, key);
export const incidentId = (code: string) => stableId(NAMESPACE, 'incident', code);

const POS = Object.fromEntries(
  Object.entries(COLUMNS).map(([t, cols]) => [t, Object.fromEntries(cols.map((c, i) => [c, i]))]),
) as Record<Table, Record<string, number>>;
/** Position of a column in its table's row. */
export const pos = (table: Table, column: string): number => POS[table][column]!;

export function toObj(table: Table, row: readonly Cell[]): RowObj {
  const out: RowObj = {};
  COLUMNS[table].forEach((c, i) => (out[c] = row[i] ?? null));
  return out;
}

export interface RecordRows {
  incident: Cell[];
  sources: Cell[][];
  sourceLinks: Cell[][];
  victims: Cell[][];
  belligerents: Cell[][];
  strikeReports: Cell[][];
  links: Cell[][];
  /** Every entity of the record, for its problems: [table, id, draft]. */
  entities: [Table, string, Draft][];
}

const S = (c: string) => pos('sources', c);
const B = (c: string) => pos('incident_belligerents', c);
const R = (c: string) => pos('strike_reports', c);

/** The rows of one incident record, as a first import writes them. */
export function recordRows(d: IncidentDraft, children: ReadChildren, id: string, at: string): RecordRows {
  const inc = d.row.slice();
  inc[pos('incidents', 'id')] = id;
  inc[pos('incidents', 'status')] = importedStatus(inc[pos('incidents', 'grade')] ?? null);
  inc[pos('incidents', 'created_at')] = at;
  inc[pos('incidents', 'updated_at')] = at;
  const r: RecordRows = { incident: inc, sources: [], sourceLinks: [], victims: [], belligerents: [], strikeReports: [], links: [], entities: [['incidents', id, d]] };
  const child = (c: ReadChild, table: Table, kind: string): Cell[] => {
    const cid = childId(kind, d.code, c.draft.key);
    c.row[0] = cid;
    if (table !== 'sources') c.row[pos(table, 'incident_id')] = id;
    r.entities.push([table, cid, { line: c.draft.line, flags: c.flags }]);
    return c.row;
  };
  const nSources = COLUMNS.sources.length;
  for (const s of children.sources) {
    const row = child(s, 'sources', 'source');
    const ord = row[nSources] ?? null;
    row.length = nSources;
    row[S('sensitive_personal')] = 0;
    row[S('sensitive_graphic')] = 0;
    row[S('created_at')] = at;
    row[S('updated_at')] = at;
    r.sources.push(row);
    r.sourceLinks.push([row[0]!, id, ord]);
  }
  for (const v of children.victims) {
    const row = child(v, 'victims', 'victim');
    row[pos('victims', 'sensitive')] = 0;
    r.victims.push(row);
  }
  const nBell = COLUMNS.incident_belligerents.length;
  for (const b of children.belligerents) {
    const row = child(b, 'incident_belligerents', 'belligerent');
    const text = row[nBell] ?? null;
    const url = row[nBell + 1] ?? null;
    row.length = nBell;
    if (text !== null || url !== null) {
      const report: Cell[] = new Array(COLUMNS.strike_reports.length).fill(null);
      report[R('id')] = childId('strike_report', d.code, b.draft.key);
      report[R('belligerent')] = row[B('belligerent')] ?? null;
      report[R('place_text')] = row[B('location_text')] ?? null;
      report[R('mgrs')] = row[B('mgrs')] ?? null;
      report[R('text')] = text;
      report[R('url')] = url;
      report[R('extra_json')] = extraJson(null);
      report[R('created_at')] = at;
      row[B('strike_report_id')] = report[R('id')]!;
      r.strikeReports.push(report);
    }
    r.belligerents.push(row);
  }
  for (const l of children.links) {
    const row = child(l, 'incident_web_links', 'link');
    if (row[pos('incident_web_links', 'url')] === null) row[pos('incident_web_links', 'url')] = '';
    r.links.push(row);
  }
  return r;
}

export const FILE_OF: Record<Table, string> = {
  incidents: 'incidents.csv',
  sources: 'sources.csv',
  source_incidents: 'sources.csv',
  victims: 'victims.csv',
  incident_belligerents: 'belligerent_assessments.csv',
  strike_reports: 'belligerent_assessments.csv',
  incident_web_links: 'links.csv',
  incident_codes: 'incidents.csv',
  data_problems: '',
};

/** One data-problem row per distinct (entity, field, kind) flagged on the record. */
export function problemRows(r: RecordRows, incidentId: string, importId: string, at: string): Cell[][] {
  const out = new Map<string, Cell[]>();
  const add = (table: Table, entityId: string, f: Flag, line: number) => {
    const id = stableId('problem', entityId, f.field, f.kind);
    if (!out.has(id)) out.set(id, [id, table, entityId, incidentId, f.kind, f.field, f.value, f.reason, FILE_OF[table], line, importId, at]);
  };
  for (const [table, id, draft] of r.entities) for (const f of draft.flags ?? []) add(table, id, f, draft.line);
  return [...out.values()];
}
