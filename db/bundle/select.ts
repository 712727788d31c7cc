/**
 * What a bundle holds: the incidents a profile and filter select, every row that hangs off
 * them, and what the profile's rules withhold or change (db/bundle/redact.ts). The same
 * selection feeds the preview (nothing written) and the export, so the preview is exactly what
 * the bundle will leave out.
 *
 * Tables are found in the schema, not listed here, so tables added later travel too:
 *   - `incidents` by the filter (db/filters.ts, as `casefile stats`) and the profile's statuses;
 *   - tables with an `incident_id` column by their incident; `incident_links` by both ends;
 *   - sources (and source_incidents, captures) linked to included incidents, or all of them in a
 *     whole-case bundle (no filter, no status rule); strike reports likewise;
 *   - people, meta, audit_log, imports and any other table by the rules (see TABLE_RULES);
 *   - never: search_* (derived, rebuilt on import), sqlite_* and blobs (bytes go under captures/).
 */
import type { BundleProfile, RedactionRules } from '../../shared/contracts/bundle';
import type { Row } from '../audit';
import type { CaseFile } from '../casefile';
import { filterSql, type ParsedFilter } from '../filters';
import { resolveFilter } from '../me';
import { redactRows, type CaptureFile, type Withheld } from './redact';

export interface Selection {
  profile: BundleProfile;
  filter: ParsedFilter;
  /** No filter and no status rule: the whole case travels (unlinked sources, the audit log...). */
  wholeCase: boolean;
  incidentIds: Set<string>;
  /** The rows that go into data/case.json, already redacted, by table. */
  tables: Record<string, Row[]>;
  withheld: Withheld;
  /** The capture files to bundle (stripped copies where the rules say). */
  files: CaptureFile[];
}

const BASE_META = new Set(['app', 'case_id', 'case_name', 'created_at']);

/** Tables read whole or not at all, by rule (when not whole-case, only where noted). */
function tableAllowed(table: string, rules: RedactionRules, wholeCase: boolean): { ok: boolean; why: string } {
  switch (table) {
    case 'audit_log':
    case 'imports':
      if (!rules.includeAuditLog) return { ok: false, why: 'the profile leaves out the audit log and import runs' };
      if (!wholeCase) return { ok: false, why: 'the audit log covers the whole case; a filtered bundle leaves it out' };
      return { ok: true, why: '' };
    case 'data_problems':
      return rules.includeDataProblems ? { ok: true, why: '' } : { ok: false, why: 'the profile leaves out data-quality problems' };
    case 'review_decisions':
      return rules.includeReviewComments ? { ok: true, why: '' } : { ok: false, why: 'the profile leaves out review decisions and their comments' };
    case 'people':
      return rules.includeStaffNames ? { ok: true, why: '' } : { ok: false, why: 'the profile leaves out staff names and keys' };
    default:
      return { ok: true, why: '' };
  }
}

const KNOWN = new Set([
  'meta', 'people', 'incidents', 'incident_codes', 'strike_reports', 'incident_belligerents', 'strike_matches', 'sources',
  'source_incidents', 'captures', 'victims', 'incident_web_links', 'incident_links', 'grade_history', 'review_decisions',
  'data_problems', 'audit_log', 'imports',
]);

export function caseTables(cf: CaseFile): string[] {
  return (
    cf.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' AND name <> 'blobs' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

/** Tables are read in insertion order (no sort of wide rows); WITHOUT ROWID tables in key order. */
function rowOrder(cf: CaseFile, table: string): string {
  const sql = cf.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  return /WITHOUT\s+ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
}

function columnsOf(cf: CaseFile, table: string): string[] {
  return (cf.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

export interface SelectOptions {
  /** Sees the rows as stored, before the profile's rules change any (redaction works in place). */
  beforeRedaction?: (raw: Readonly<Record<string, Row[]>>) => void;
}

export function selectBundle(cf: CaseFile, profile: BundleProfile, filterIn: ParsedFilter, opts: SelectOptions = {}): Selection {
  const rules = profile.rules;
  const filter = resolveFilter(cf, filterIn);
  const { where, params } = filterSql(filter);
  const wholeCase = where === '' && rules.statuses === null;
  const all = (sql: string, p: Record<string, unknown> = {}) => cf.db.prepare(sql).all(p) as Row[];

  const matching = all(`SELECT i.* FROM incidents i ${where} ORDER BY i.code`, params);
  const statuses = rules.statuses ? new Set<string>(rules.statuses) : null;
  const incidents = statuses ? matching.filter((r) => statuses.has(r.status as string)) : matching;
  const leftOut = statuses ? matching.filter((r) => !statuses.has(r.status as string)) : [];
  const incidentIds = new Set(incidents.map((r) => r.id as string));
  const inSet = (r: Row, col = 'incident_id') => incidentIds.has(r[col] as string);

  const raw: Record<string, Row[]> = {};
  const tablesLeftOut: Withheld['tables'] = [];
  const count = (t: string) => (cf.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) ?? 0;

  for (const table of caseTables(cf)) {
    const allowed = tableAllowed(table, rules, wholeCase);
    if (!allowed.ok) {
      const n = count(table);
      if (n > 0) tablesLeftOut.push({ table, rows: n, why: allowed.why });
      continue;
    }
    const cols = columnsOf(cf, table);
    if (table === 'incidents') raw.incidents = incidents;
    else if (table === 'meta') {
      raw.meta = all('SELECT * FROM meta ORDER BY key').filter((r) => BASE_META.has(r.key as string) || rules.includeAuditLog);
    } else if (table === 'incident_links') {
      raw.incident_links = all('SELECT * FROM incident_links ORDER BY rowid').filter((r) => inSet(r, 'from_incident_id') && inSet(r, 'to_incident_id'));
    } else if (table === 'sources' || table === 'source_incidents' || table === 'captures' || table === 'strike_reports') {
      continue; // below, once the incidents' rows are known
    } else if (cols.includes('incident_id')) {
      const rows = all(`SELECT * FROM ${table}${rowOrder(cf, table)}`);
      // Rows about no incident in particular (e.g. a file-level data problem) go with the whole case.
      raw[table] = rows.filter((r) => (r.incident_id === null ? wholeCase : inSet(r)));
    } else if (KNOWN.has(table) || (wholeCase && rules.includeAuditLog)) {
      raw[table] = all(`SELECT * FROM ${table}${rowOrder(cf, table)}`);
    } else {
      const n = count(table);
      if (n > 0) tablesLeftOut.push({ table, rows: n, why: wholeCase ? 'the profile leaves out tables it does not know' : 'a filtered bundle leaves out tables not tied to incidents' });
    }
  }

  const links = all('SELECT * FROM source_incidents ORDER BY rowid').filter((r) => inSet(r));
  const linkedSources = new Set(links.map((r) => r.source_id as string));
  raw.sources = all('SELECT * FROM sources ORDER BY rowid').filter((r) => wholeCase || linkedSources.has(r.id as string));
  raw.source_incidents = links;
  const sourceIds = new Set(raw.sources.map((r) => r.id as string));
  raw.captures = all('SELECT * FROM captures ORDER BY rowid').filter((r) => sourceIds.has(r.source_id as string));
  const reportIds = new Set([...(raw.incident_belligerents ?? []).map((r) => r.strike_report_id), ...(raw.strike_matches ?? []).map((r) => r.strike_report_id)]);
  raw.strike_reports = all('SELECT * FROM strike_reports ORDER BY rowid').filter((r) => wholeCase || reportIds.has(r.id));

  opts.beforeRedaction?.(raw);
  const { tables, withheld, files } = redactRows(cf, raw, rules);
  withheld.incidentsLeftOut = leftOut.map((r) => ({ id: r.id as string, label: `${r.code as string}${r.place_en ? ` (${r.place_en as string})` : ''}`, why: `status is ${String(r.status).replace('_', ' ')}; the profile takes only ${rules.statuses!.join(', ')}` }));
  withheld.tables.push(...tablesLeftOut);
  return { profile, filter, wholeCase, incidentIds, tables, withheld, files };
}
