/** Incident handlers: list, get, create, update. */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../shared/contract';
import type { IncidentDetail, IncidentRow, IncidentValues, SourceSummary, Victim } from '../shared/schemas';
import type { GRADES, WORKFLOW_STATUSES } from '../shared/domain';
import { change, type Row, type Writer } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { filterSql } from './filters';
import { resolveFilter } from './me';
import { belligerentToRow, incidentToRow, rowToBelligerent, rowToIncidentBase } from './incidentRows';
import { assertEditable, assertWorkflowFieldsUnchanged } from './workflowRules';

const SORT_SQL: Record<ChannelParsedInput<'incidents:list'>['sort']['column'], string> = {
  code: 'i.code',
  date: 'i.date_start',
  place: 'coalesce(i.place_en, i.place_ar)',
  grade: 'i.grade',
  killed: 'coalesce(i.killed_max, i.killed_min)',
  status: 'i.status',
  updated: 'i.updated_at',
  belligerents: '(SELECT b.belligerent FROM incident_belligerents b WHERE b.incident_id = i.id ORDER BY b.ord LIMIT 1)',
  assignee: 'p.name',
};

export function listIncidents(cf: CaseFile, input: ChannelParsedInput<'incidents:list'>): ChannelOutput<'incidents:list'> {
  const { where, params } = filterSql(resolveFilter(cf, input.filter));
  const total = (cf.db.prepare(`SELECT count(*) AS n FROM incidents i ${where}`).get(params) as { n: number }).n;
  const dir = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  // Unknown values sort last whichever the direction; the code breaks ties so pages are stable.
  const key = SORT_SQL[input.sort.column];
  // The page's ids first (sorting only the key), then the columns of those rows alone: the
  // belligerents of an incident are gathered for the 100 rows shown, not for every match.
  const rows = cf.db
    .prepare(
      `SELECT i.id, i.code, i.date_start, i.date_end, i.place_en, i.place_ar, i.governorate, i.country,
              i.grade, i.killed_min, i.killed_max, i.status, p.name AS assignee_name,
              (SELECT group_concat(belligerent, '\u001f') FROM
                 (SELECT belligerent FROM incident_belligerents b WHERE b.incident_id = i.id ORDER BY b.ord)) AS belligerents
       FROM (SELECT i.id AS page_id, ${key} AS sort_key, i.code AS sort_code
             FROM incidents i LEFT JOIN people p ON p.id = i.assignee_id
             ${where}
             ORDER BY ${key} IS NULL, ${key} ${dir}, i.code ${dir}
             LIMIT @limit OFFSET @offset) page
       JOIN incidents i ON i.id = page.page_id LEFT JOIN people p ON p.id = i.assignee_id
       ORDER BY page.sort_key IS NULL, page.sort_key ${dir}, page.sort_code ${dir}`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as Row[];
  return {
    total,
    rows: rows.map(
      (r): IncidentRow => ({
        id: r.id as string,
        code: r.code as string,
        dateStart: (r.date_start as string | null) ?? null,
        dateEnd: (r.date_end as string | null) ?? null,
        placeEn: (r.place_en as string | null) ?? null,
        placeAr: (r.place_ar as string | null) ?? null,
        governorate: (r.governorate as string | null) ?? null,
        country: (r.country as string | null) ?? null,
        belligerents: r.belligerents ? String(r.belligerents).split('\u001f') : [],
        grade: (r.grade as (typeof GRADES)[number] | null) ?? null,
        killed: { min: (r.killed_min as number | null) ?? null, max: (r.killed_max as number | null) ?? null },
        status: r.status as (typeof WORKFLOW_STATUSES)[number],
        assigneeName: (r.assignee_name as string | null) ?? null,
      }),
    ),
  };
}

export function getIncident(cf: CaseFile, input: ChannelParsedInput<'incidents:get'>): IncidentDetail {
  const db = cf.db;
  const row = (
    'id' in input
      ? db.prepare('SELECT * FROM incidents WHERE id = ?').get(input.id)
      : db.prepare('SELECT * FROM incidents WHERE code = ?').get(input.code) ??
        db
          .prepare('SELECT i.* FROM incident_codes c JOIN incidents i ON i.id = c.incident_id WHERE c.code = ?')
          .get(input.code)
  ) as Row | undefined;
  if (!row) {
    const what = 'id' in input ? `id ${input.id}` : `code ${input.code}`;
    throw new HandlerError('not_found', `No incident with ${what} in this case file.`);
  }
  const id = row.id as string;
  const belligerents = (
    db.prepare('SELECT * FROM incident_belligerents WHERE incident_id = ? ORDER BY ord').all(id) as Row[]
  ).map(rowToBelligerent);
  const previousCodes = (
    db.prepare('SELECT code FROM incident_codes WHERE incident_id = ? ORDER BY code').all(id) as { code: string }[]
  ).map((r) => r.code);
  const assignee = row.assignee_id
    ? ((db.prepare('SELECT name FROM people WHERE id = ?').get(row.assignee_id) as { name: string } | undefined)?.name ?? null)
    : null;
  const sources = (
    db
      .prepare(
        `SELECT s.* FROM source_incidents si JOIN sources s ON s.id = si.source_id
         WHERE si.incident_id = ? ORDER BY si.ord, s.created_at`,
      )
      .all(id) as Row[]
  ).map(
    (s): SourceSummary => ({
      id: s.id as string,
      kind: s.kind as SourceSummary['kind'],
      outlet: (s.outlet as string | null) ?? null,
      author: (s.author as string | null) ?? null,
      title: (s.title as string | null) ?? null,
      url: (s.url as string | null) ?? null,
      archiveUrl: (s.archive_url as string | null) ?? null,
      language: (s.language as string | null) ?? null,
      publishedDate: (s.published_date as string | null) ?? null,
      excerptOriginal: (s.excerpt_original as string | null) ?? null,
      excerptTranslation: (s.excerpt_translation as string | null) ?? null,
    }),
  );
  const victims = (db.prepare('SELECT * FROM victims WHERE incident_id = ? ORDER BY ord').all(id) as Row[]).map(
    (v): Victim => ({
      id: v.id as string,
      nameLatin: (v.name_latin as string | null) ?? null,
      nameLocal: (v.name_local as string | null) ?? null,
      gender: (v.gender as Victim['gender']) ?? null,
      age: (v.age as number | null) ?? null,
      ageGroup: (v.age_group as Victim['ageGroup']) ?? null,
      harm: (v.harm as Victim['harm']) ?? null,
      familyGroup: (v.family_group as string | null) ?? null,
      civilianStatusContested: v.civilian_status_contested === 1,
      sensitive: v.sensitive === 1,
    }),
  );
  return { ...rowToIncidentBase(row), belligerents, previousCodes, assigneeName: assignee, sources, victims };
}

function assertCodeFree(cf: CaseFile, code: string, exceptId: string | null): void {
  const taken = cf.db
    .prepare(
      `SELECT id, code FROM incidents WHERE code = @code AND id IS NOT @except
       UNION ALL SELECT incident_id, code FROM incident_codes WHERE code = @code AND incident_id IS NOT @except`,
    )
    .get({ code, except: exceptId }) as { id: string } | undefined;
  if (taken) {
    throw new HandlerError('conflict', `The code ${code} is already used by another incident in this case file.`, [
      { path: 'code', message: `${code} is already taken` },
    ]);
  }
}

function assertAssignee(cf: CaseFile, assigneeId: string | null): void {
  if (assigneeId && !cf.db.prepare('SELECT 1 FROM people WHERE id = ?').get(assigneeId)) {
    throw new HandlerError('invalid_input', 'The assignee is not a person in this case file.', [
      { path: 'assigneeId', message: 'Unknown person' },
    ]);
  }
}

/** Replace an incident's belligerent rows with the given list, auditing only real changes. */
function writeBelligerents(cf: CaseFile, w: Writer, incidentId: string, list: IncidentValues['belligerents']): void {
  // Position in the list is the identity of a belligerent row.
  const existing = cf.db
    .prepare('SELECT id FROM incident_belligerents WHERE incident_id = ? ORDER BY ord')
    .all(incidentId) as { id: string }[];
  list.forEach((b, ord) => {
    const row = { ...belligerentToRow(b), ord };
    const prev = existing[ord];
    if (prev) w.update('incident_belligerents', { id: prev.id }, row);
    else w.insert('incident_belligerents', { id: randomUUID(), incident_id: incidentId, ...row });
  });
  for (const extra of existing.slice(list.length)) w.remove('incident_belligerents', { id: extra.id });
}

export function createIncident(cf: CaseFile, input: ChannelParsedInput<'incidents:create'>): IncidentDetail {
  const v = input.incident;
  assertCodeFree(cf, v.code, null);
  assertAssignee(cf, v.assigneeId);
  const id = randomUUID();
  change(cf, input.reason ?? 'Incident created', (w) => {
    w.insert('incidents', { id, ...incidentToRow(v), created_at: w.at, updated_at: w.at });
    writeBelligerents(cf, w, id, v.belligerents);
  });
  return getIncident(cf, { id });
}

export function updateIncident(cf: CaseFile, input: ChannelParsedInput<'incidents:update'>): IncidentDetail {
  const current = cf.db.prepare('SELECT updated_at FROM incidents WHERE id = ?').get(input.id) as
    | { updated_at: string }
    | undefined;
  if (!current) throw new HandlerError('not_found', `No incident with id ${input.id} in this case file.`);
  // Graded and published incidents are locked until reopened; status and grade move only
  // through the review workflow (db/workflowRules.ts).
  assertEditable(cf, input.id);
  assertWorkflowFieldsUnchanged(cf, input.id, input.incident);
  if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updated_at) {
    throw new HandlerError(
      'conflict',
      `This incident was changed at ${current.updated_at}, after you started editing. Reload it and apply your changes again; nothing was saved.`,
    );
  }
  const v = input.incident;
  assertCodeFree(cf, v.code, input.id);
  assertAssignee(cf, v.assigneeId);
  change(cf, input.reason ?? 'Incident edited', (w) => {
    w.update('incidents', { id: input.id }, incidentToRow(v));
    writeBelligerents(cf, w, input.id, v.belligerents);
    // Saving what is already there changes nothing, not even the timestamp.
    if (w.entries > 0) w.update('incidents', { id: input.id }, { updated_at: w.at });
  });
  return getIncident(cf, { id: input.id });
}
