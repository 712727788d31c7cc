/** What a merge of two incidents would do: each field side by side with its default pick, and counts of what moves. */
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { MERGE_FIELDS } from '../../shared/contracts/duplicates';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { pairSide } from './duplicatesStore';
import { loadIncident } from './duplicatesMerge';
import { defaultPick, fieldText } from './mergeFields';
import { assertEditable } from '../workflowRules';

const count = (cf: CaseFile, sql: string, ...args: unknown[]) => (cf.db.prepare(sql).get(...args) as { n: number }).n;

export function mergePreview(cf: CaseFile, input: ChannelParsedInput<'duplicates:mergePreview'>): ChannelOutput<'duplicates:mergePreview'> {
  if (input.survivorId === input.absorbedId) {
    throw new HandlerError('invalid_input', 'An incident cannot be merged with itself: choose two different incidents.');
  }
  const s = loadIncident(cf, input.survivorId, 'the surviving incident');
  const a = loadIncident(cf, input.absorbedId, 'the incident to absorb');
  let refusal: string | null = null;
  for (const id of [s.id as string, a.id as string]) {
    try {
      assertEditable(cf, id);
    } catch (e) {
      if (!(e instanceof HandlerError)) throw e;
      refusal ??= e.message.replace('nothing was saved.', 'it cannot be merged until then.');
    }
  }
  const from = a.id as string;
  const to = s.id as string;
  const moves = {
    sources: count(cf, 'SELECT count(*) AS n FROM source_incidents x WHERE incident_id = ? AND NOT EXISTS (SELECT 1 FROM source_incidents y WHERE y.source_id = x.source_id AND y.incident_id = ?)', from, to),
    captures: count(cf, 'SELECT count(*) AS n FROM captures c JOIN source_incidents x ON x.source_id = c.source_id WHERE x.incident_id = ? AND NOT EXISTS (SELECT 1 FROM source_incidents y WHERE y.source_id = x.source_id AND y.incident_id = ?)', from, to),
    victims: count(cf, 'SELECT count(*) AS n FROM victims WHERE incident_id = ?', from),
    belligerents: count(cf, 'SELECT count(*) AS n FROM incident_belligerents WHERE incident_id = ?', from),
    strikeMatches: count(cf, 'SELECT count(*) AS n FROM strike_matches x WHERE incident_id = ? AND NOT EXISTS (SELECT 1 FROM strike_matches y WHERE y.strike_report_id = x.strike_report_id AND y.incident_id = ?)', from, to),
    webLinks: count(cf, 'SELECT count(*) AS n FROM incident_web_links WHERE incident_id = ?', from),
    incidentLinks: count(cf, 'SELECT count(*) AS n FROM incident_links WHERE (from_incident_id = ? AND to_incident_id <> ?) OR (to_incident_id = ? AND from_incident_id <> ?)', from, to, from, to),
    codes: count(cf, 'SELECT count(*) AS n FROM incident_codes WHERE incident_id = ?', from) + 1,
  };
  return {
    survivor: pairSide(cf, to)!,
    absorbed: pairSide(cf, from)!,
    fields: MERGE_FIELDS.map((field) => ({
      field,
      survivor: fieldText(field, s),
      absorbed: fieldText(field, a),
      pick: defaultPick(field, s, a),
    })),
    moves,
    refusal,
  };
}
