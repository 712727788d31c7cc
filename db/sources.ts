/** Source handlers: log a source, edit it, read it, and link it to the incidents it supports. */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../shared/contract';
import type { SourceDetail, SourceValues } from '../shared/workbenchSchemas';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { describeMatch, findDuplicates } from './duplicates';
import { HandlerError } from './errors';
import { rowToSourceDetail, sourceToRow } from './sourceRows';

export function getSource(cf: CaseFile, input: { id: string }): SourceDetail {
  const row = cf.db.prepare('SELECT * FROM sources WHERE id = ?').get(input.id) as Row | undefined;
  if (!row) throw new HandlerError('not_found', `No source with id ${input.id} in this case file.`);
  return rowToSourceDetail(cf, row);
}

export function listSources(cf: CaseFile, input: ChannelParsedInput<'sources:list'>): { sources: SourceDetail[] } {
  assertIncident(cf, input.incidentId, 'incidentId');
  const rows = cf.db
    .prepare(
      `SELECT s.* FROM source_incidents si JOIN sources s ON s.id = si.source_id
       WHERE si.incident_id = ? ORDER BY si.ord, s.created_at`,
    )
    .all(input.incidentId) as Row[];
  return { sources: rows.map((r) => rowToSourceDetail(cf, r)) };
}

function assertIncident(cf: CaseFile, id: string, path: string): void {
  if (!cf.db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(id)) {
    throw new HandlerError('not_found', `No incident with id ${id} in this case file.`, [{ path, message: 'Unknown incident' }]);
  }
}

/** Refuse to log an address that is already in the case, saying where, unless told to go ahead. */
function assertNotDuplicate(cf: CaseFile, v: SourceValues, exclude: string | null): void {
  const { matches } = findDuplicates(cf, { url: v.url, archiveUrl: v.archiveUrl, ...(exclude ? { excludeSourceId: exclude } : {}) });
  if (matches.length === 0) return;
  const first = matches[0]!;
  const path = first.reason === 'archive_url' && v.archiveUrl && !v.url ? 'source.archiveUrl' : 'source.url';
  throw new HandlerError(
    'conflict',
    `This address is already in the case as ${describeMatch(first)}${matches.length > 1 ? ` and ${matches.length - 1} more` : ''}. ` +
      'Link that source to the incident instead, or log it again on purpose. Nothing was saved.',
    matches.map((m) => ({ path, message: `Already logged: ${describeMatch(m)}` })),
  );
}

function nextOrd(cf: CaseFile, incidentId: string): number {
  const r = cf.db.prepare('SELECT max(ord) AS m FROM source_incidents WHERE incident_id = ?').get(incidentId) as { m: number | null };
  return (r.m ?? -1) + 1;
}

export function createSource(cf: CaseFile, input: ChannelParsedInput<'sources:create'>): SourceDetail {
  const incidentIds = [...new Set(input.incidentIds)];
  incidentIds.forEach((id, i) => assertIncident(cf, id, `incidentIds.${i}`));
  if (!input.allowDuplicate) assertNotDuplicate(cf, input.source, null);
  const id = randomUUID();
  change(cf, input.reason ?? 'Source logged', (w) => {
    w.insert('sources', { id, ...sourceToRow(input.source), created_at: w.at, updated_at: w.at });
    for (const incidentId of incidentIds) {
      w.insert('source_incidents', { source_id: id, incident_id: incidentId, ord: nextOrd(cf, incidentId) });
    }
  });
  return getSource(cf, { id });
}

export function updateSource(cf: CaseFile, input: ChannelParsedInput<'sources:update'>): SourceDetail {
  const current = cf.db.prepare('SELECT updated_at FROM sources WHERE id = ?').get(input.id) as { updated_at: string } | undefined;
  if (!current) throw new HandlerError('not_found', `No source with id ${input.id} in this case file.`);
  if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updated_at) {
    throw new HandlerError(
      'conflict',
      `This source was changed at ${current.updated_at}, after you started editing. Reload it and apply your changes again; nothing was saved.`,
    );
  }
  if (!input.allowDuplicate) assertNotDuplicate(cf, input.source, input.id);
  change(cf, input.reason ?? 'Source edited', (w) => {
    w.update('sources', { id: input.id }, sourceToRow(input.source));
    if (w.entries > 0) w.update('sources', { id: input.id }, { updated_at: w.at });
  });
  return getSource(cf, { id: input.id });
}

export function linkSource(cf: CaseFile, input: ChannelParsedInput<'sources:link'>): SourceDetail {
  getSource(cf, { id: input.sourceId });
  assertIncident(cf, input.incidentId, 'incidentId');
  const linked = cf.db
    .prepare('SELECT 1 FROM source_incidents WHERE source_id = ? AND incident_id = ?')
    .get(input.sourceId, input.incidentId);
  if (!linked) {
    change(cf, input.reason ?? 'Source linked to an incident', (w) => {
      w.insert('source_incidents', { source_id: input.sourceId, incident_id: input.incidentId, ord: nextOrd(cf, input.incidentId) });
    });
  }
  return getSource(cf, { id: input.sourceId });
}

export function unlinkSource(cf: CaseFile, input: ChannelParsedInput<'sources:unlink'>): SourceDetail {
  getSource(cf, { id: input.sourceId });
  change(cf, input.reason ?? 'Source unlinked from an incident', (w) => {
    if (!w.remove('source_incidents', { source_id: input.sourceId, incident_id: input.incidentId })) {
      throw new HandlerError('not_found', 'This source does not support that incident; nothing was changed.');
    }
  });
  return getSource(cf, { id: input.sourceId });
}
