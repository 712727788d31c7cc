/**
 * From the five parsed files to incident drafts: each row read straight into its table's column
 * order (extra_json included), with its flags, and each incident's sources, victims,
 * belligerents and links. Rows that cannot be held at all (no code, a code already taken, a
 * child whose incident is missing or left out, a child order already taken) are left out and
 * reported; everything else is kept, flagged where the editor would refuse it. No database.
 */
import { casualtyProblems, CASUALTY_FIELDS, type Casualties } from '../../../shared/casualty';
import type { ImportProblem } from '../../../shared/importSchemas';
import { CASUALTY_COLUMNS } from '../../incidentRows';
import type { CsvIssue, CsvTable } from '../csv';
import { sourceKind } from './archiveCodecs';
import type { Cell, Flag } from './codecs';
import { BELLIGERENTS, INCIDENTS, LINKS, PARENT_COLUMNS, SOURCES, VICTIMS, type AirwarsFile, type FileLayout } from './layout';
import { bindLayout, readRow, type BoundLayout } from './record';

export type ChildName = Exclude<AirwarsFile, 'incidents'>;
export const CHILD_LAYOUTS: Record<ChildName, FileLayout> = { sources: SOURCES, victims: VICTIMS, belligerents: BELLIGERENTS, links: LINKS };

export interface Draft {
  line: number;
  flags: Flag[] | null;
}
export interface ChildDraft extends Draft {
  /** The row's order within its incident as written: part of its identity. */
  key: string;
  /**
   * The row as written: `Drafts.read` reads it just before its record is written, into new
   * objects that live only as long as that record (not the whole import).
   */
  fields: readonly string[];
  /** JSON members put first in its extra_json (its own sequence or address, when they differ). */
  prefix: string[];
  /** Its order when the order cell is not a whole number: its position within the incident. */
  ord: number | null;
}
export interface IncidentDraft extends Draft {
  /** Values in the order of the incidents table's columns. */
  row: Cell[];
  code: string;
  previousCodes: string[];
  children: Record<ChildName, ChildDraft[]>;
}

export interface Drafts {
  incidents: IncidentDraft[];
  /** Problems of rows left out, and of files as a whole. */
  leftOut: ImportProblem[];
  /** How many rows of each file were left out. */
  leftOutCounts: Record<AirwarsFile, number>;
  /** Read an incident's child rows into their values, with their flags. */
  read(d: IncidentDraft): ReadChildren;
}

export interface ReadChild {
  draft: ChildDraft;
  /** Values in the order of the layout's fields. */
  row: Cell[];
  flags: Flag[] | null;
}
export type ReadChildren = Record<ChildName, ReadChild[]>;

const CATEGORY_COLUMN: Record<string, string> = {
  killed: 'civilians_killed',
  injured: 'civilians_injured',
  childrenKilled: 'children_killed',
  childrenInjured: 'children_injured',
  womenKilled: 'women_killed',
  womenInjured: 'women_injured',
  menKilled: 'men_killed',
  menInjured: 'men_injured',
};

/** Category minimums above their total's maximum (min above max is flagged by the range codec). */
function categoryFlags(b: BoundLayout, row: Cell[], raw: (col: string) => string, flags: Flag[]): void {
  const at = (col: string) => (row[b.fields.indexOf(col)] ?? null) as number | null;
  const c = Object.fromEntries(
    CASUALTY_FIELDS.map((f) => [f, { min: at(`${CASUALTY_COLUMNS[f]}_min`), max: at(`${CASUALTY_COLUMNS[f]}_max`) }]),
  ) as Casualties;
  for (const p of casualtyProblems(c)) {
    if (p.bound !== 'min' || !p.message.includes('exceeds')) continue;
    const col = `${CATEGORY_COLUMN[p.field]}_min`;
    flags.push({ kind: 'category_above_total', field: col, value: raw(col), reason: `${p.message}; kept as it stands` });
  }
}

function previousCodes(raw: string, own: string, flags: Flag[]): string[] {
  if (raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    flags.push({ kind: 'invalid_json', field: 'previous_reference_codes_json', value: raw, reason: 'not valid JSON; kept as written' });
    return [];
  }
  const out: string[] = [];
  for (const e of Array.isArray(parsed) ? parsed : []) {
    const code = typeof e === 'object' && e ? (e as Record<string, unknown>).previous_unique_reference_code : undefined;
    const c = typeof code === 'string' ? code.trim() : '';
    if (c !== '' && c !== own && !out.includes(c)) out.push(c);
  }
  return out;
}

/** A file's CSV issues by the line their row starts on; `take` hands each out once. */
function issuesByRow(issues: readonly CsvIssue[]) {
  const m = new Map<number, CsvIssue[]>();
  for (const i of issues) m.set(i.row, [...(m.get(i.row) ?? []), i]);
  return {
    take(row: number): Flag[] {
      const list = m.get(row);
      if (!list) return [];
      m.delete(row);
      return list.map((i) => ({
        kind: i.message.startsWith('row has') ? 'ragged_row' : 'csv_syntax',
        field: '',
        value: null,
        reason: i.line === row ? i.message : `line ${i.line}: ${i.message}`,
      }));
    },
    rest: () => [...m.values()].flat(),
  };
}

const cellOf = (fields: readonly string[], i: number) => (i >= 0 ? (fields[i] ?? '') : '');

export function buildDrafts(tables: Record<AirwarsFile, CsvTable>): Drafts {
  const leftOut: ImportProblem[] = [];
  const leftOutCounts: Record<AirwarsFile, number> = { incidents: 0, sources: 0, victims: 0, belligerents: 0, links: 0 };
  const drop = (name: AirwarsFile, p: Omit<ImportProblem, 'leftOut' | 'file'>, file: string, csv: Flag[]) => {
    leftOutCounts[name]++;
    leftOut.push({ ...p, file, leftOut: true });
    for (const f of csv) leftOut.push({ file, line: p.line, field: f.field, value: f.value, reason: f.reason, kind: f.kind, code: p.code, leftOut: true });
  };
  const fileNotes = (layout: FileLayout, bound: BoundLayout, rest: CsvIssue[]) => {
    const note = (line: number, field: string, reason: string, kind: string) => leftOut.push({ file: layout.file, line, field, value: null, reason, kind, code: null, leftOut: false });
    for (const c of bound.missing) note(1, c, `column ${c} is missing: read as blank in every row`, 'missing_column');
    for (const c of bound.unknown) note(1, c, `column ${c} is not part of the Airwars layout: kept with each record, but not written by export`, 'unknown_column');
    for (const i of rest) note(i.line, '', i.message, 'csv_syntax');
  };

  // Incidents.
  const t = tables.incidents;
  const bound = bindLayout(INCIDENTS, t.header);
  const issues = issuesByRow(t.issues);
  const [seqIdx, urlIdx, prevIdx] = ['sequence', 'incident_url', 'previous_reference_codes_json'].map((c) => bound.index.get(c) ?? -1) as [number, number, number];
  const codePos = bound.fields.indexOf('code');
  const byCode = new Map<string, IncidentDraft>();
  /** sequence → the row's code and its draft (null: that row was left out). */
  const bySequence = new Map<string, { code: string; draft: IncidentDraft | null; line: number }>();
  /** The incident's own sequence and address, which its child rows repeat. */
  const parentCells = new Map<IncidentDraft, [string, string]>();
  const incidents: IncidentDraft[] = [];
  for (const r of t.rows) {
    const flags = issues.take(r.line);
    const row: Cell[] = new Array(bound.fields.length).fill(null);
    readRow(bound, r.fields, flags, row);
    const code = row[codePos] === null ? '' : String(row[codePos]);
    const seq = cellOf(r.fields, seqIdx);
    if (code.trim() === '') {
      drop('incidents', { line: r.line, field: 'code', value: code, reason: 'the row has no code; it cannot be matched or referred to, so it was left out', kind: 'missing_code', code: null }, INCIDENTS.file, flags);
      continue;
    }
    const first = byCode.get(code);
    if (first) {
      drop('incidents', { line: r.line, field: 'code', value: code, reason: `code ${code} is already taken by the row on line ${first.line}; this row, and the rows of other files that belong to it, were left out`, kind: 'duplicate_code', code }, INCIDENTS.file, flags);
      if (seq !== '' && !bySequence.has(seq)) bySequence.set(seq, { code, draft: null, line: r.line });
      continue;
    }
    categoryFlags(bound, row, (col) => cellOf(r.fields, bound.index.get(col) ?? -1), flags);
    const previous = previousCodes(cellOf(r.fields, prevIdx), code, flags);
    const draft: IncidentDraft = { line: r.line, code, row, flags: flags.length ? flags : null, previousCodes: previous, children: { sources: [], victims: [], belligerents: [], links: [] } };
    byCode.set(code, draft);
    parentCells.set(draft, [seq, cellOf(r.fields, urlIdx)]);
    if (seq !== '' && !bySequence.has(seq)) bySequence.set(seq, { code, draft, line: r.line });
    incidents.push(draft);
  }
  fileNotes(INCIDENTS, bound, issues.rest());

  // Children: matched to their incident row by sequence and code, else by code alone.
  const readers = {} as Record<ChildName, (c: ChildDraft) => ReadChild>;
  for (const name of ['sources', 'victims', 'belligerents', 'links'] as const) {
    const layout = CHILD_LAYOUTS[name];
    const table = tables[name];
    const b = bindLayout(layout, table.header, PARENT_COLUMNS);
    const cIssues = issuesByRow(table.issues);
    const col = (c: string) => b.index.get(c) ?? -1;
    const [sIdx, cIdx, uIdx, oIdx, langIdx] = ['sequence', 'code', 'incident_url', layout.orderColumn!, 'language_original'].map(col) as [number, number, number, number, number];
    const ordPos = b.fields.indexOf('ord');
    const kindPos = name === 'sources' ? b.fields.indexOf('kind') : -1;
    const urlPos = b.fields.indexOf('url');
    const taken = new Map<IncidentDraft, Map<string, number>>();
    for (const r of table.rows) {
      const code = cellOf(r.fields, cIdx);
      const seq = cellOf(r.fields, sIdx);
      const bySeq = bySequence.get(seq);
      const parentRow = bySeq && bySeq.code === code ? bySeq : undefined;
      const parent = parentRow ? parentRow.draft : (byCode.get(code) ?? null);
      const flags = cIssues.take(r.line);
      if (!parent) {
        const why = parentRow ? `its incident (incidents.csv line ${parentRow.line}) was left out` : code === '' ? 'the row has no code' : `no incident has code ${code}`;
        drop(name, { line: r.line, field: 'code', value: code, reason: `${why}, so this row was left out`, kind: parentRow ? 'incident_left_out' : 'no_incident', code: code || null }, layout.file, flags);
        continue;
      }
      // The incident's sequence and address are written from it on export; keep a differing one.
      const [pSeq, pUrl] = parentCells.get(parent)!;
      const prefix: string[] = [];
      if (sIdx >= 0 && seq !== pSeq) prefix.push(`"sequence":${JSON.stringify(seq)}`);
      if (uIdx >= 0 && cellOf(r.fields, uIdx) !== pUrl) prefix.push(`"incident_url":${JSON.stringify(cellOf(r.fields, uIdx))}`);
      const list = parent.children[name];
      let key = cellOf(r.fields, oIdx);
      let ord: number | null = null;
      if (!/^-?\d+$/.test(key)) {
        ord = list.length + 1;
        key = `#${ord}`;
      }
      let seen = taken.get(parent);
      if (!seen) taken.set(parent, (seen = new Map<string, number>()));
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        drop(name, { line: r.line, field: layout.orderColumn!, value: key, reason: `${layout.orderColumn} ${key} of incident ${code} is already taken by line ${firstLine}, so this row was left out`, kind: 'duplicate_order', code }, layout.file, flags);
        continue;
      }
      seen.set(key, r.line);
      list.push({ line: r.line, key, fields: r.fields, prefix, ord, flags: flags.length ? flags : null });
    }
    fileNotes(layout, b, cIssues.rest());
    readers[name] = (c) => {
      const flags = c.flags ? [...c.flags] : [];
      const row: Cell[] = new Array(b.fields.length).fill(null);
      readRow(b, c.fields, flags, row, c.prefix);
      if (c.ord !== null) row[ordPos] = c.ord;
      if (kindPos >= 0) row[kindPos] = sourceKind(cellOf(c.fields, langIdx), (row[urlPos] as string | null) ?? null);
      return { draft: c, row, flags: flags.length ? flags : null };
    };
  }
  const read = (d: IncidentDraft): ReadChildren => ({
    sources: d.children.sources.map(readers.sources),
    victims: d.children.victims.map(readers.victims),
    belligerents: d.children.belligerents.map(readers.belligerents),
    links: d.children.links.map(readers.links),
  });
  return { incidents, leftOut, leftOutCounts, read };
}
