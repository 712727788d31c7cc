/**
 * Source independence: a source may be marked as repeating another (a repost, a wire copy).
 * A repeat adds no voice of its own: for grading it stands for the source at the end of its
 * chain of repeats (the original), and sources are then counted one per independent key (the
 * outlet; on social media the account; else the source itself). Belligerents' own statements
 * are positions, not sources, and never count (nor does a repeat of one).
 */
import type { ChannelParsedInput } from '../shared/contract';
import type { SourceIndependence, SourceRef } from '../shared/contracts/reconcile';
import { change, type Row } from './audit';
import type { CaseFile } from './casefile';
import { HandlerError } from './errors';
import { suggestionsForSource } from './repeatSuggestions';

/** Chains longer than this are refused (and never followed further). */
const MAX_CHAIN = 50;

interface SourceFacts {
  id: string;
  kind: string;
  outlet: string | null;
  author: string | null;
  title: string | null;
  repeats_source_id: string | null;
}

const clean = (s: string | null) => (s && s.trim() ? s.trim().toLowerCase() : null);

/** One key per independent voice (see db/gradeEvidence.ts for how it was counted before). */
export function independentKey(s: SourceFacts): string {
  if (s.kind === 'social_media') return `${clean(s.outlet) ?? ''}\u001f${clean(s.author) ?? s.id}`;
  return clean(s.outlet) ?? clean(s.author) ?? s.id;
}

export function sourceLabel(s: Pick<SourceFacts, 'title' | 'outlet' | 'author' | 'id'>): string {
  return s.outlet?.trim() || s.author?.trim() || s.title?.trim() || `source ${s.id.slice(0, 8)}`;
}

function facts(cf: CaseFile, id: string): SourceFacts | undefined {
  return cf.db.prepare('SELECT id, kind, outlet, author, title, repeats_source_id FROM sources WHERE id = ?').get(id) as
    | SourceFacts
    | undefined;
}

/** The chain from `s` to its original: [s, what s repeats, …, original]. Stops at a loop. */
export function chainOf(cf: CaseFile, s: SourceFacts): SourceFacts[] {
  const chain = [s];
  const seen = new Set([s.id]);
  let cur = s;
  while (cur.repeats_source_id && chain.length <= MAX_CHAIN) {
    const next = facts(cf, cur.repeats_source_id);
    if (!next || seen.has(next.id)) break;
    chain.push(next);
    seen.add(next.id);
    cur = next;
  }
  return chain;
}

export interface IncidentSourceCount {
  /** Sources logged for the incident, belligerents' statements left out. */
  logged: number;
  independent: number;
  /** Each linked source marked as a repeat, with the original it resolves to. */
  repeats: { source: string; original: string }[];
}

export function countIndependentSources(cf: CaseFile, incidentId: string): IncidentSourceCount {
  const rows = cf.db
    .prepare(
      `SELECT s.id, s.kind, s.outlet, s.author, s.title, s.repeats_source_id
       FROM source_incidents si JOIN sources s ON s.id = si.source_id
       WHERE si.incident_id = ? AND s.kind <> 'belligerent_statement' ORDER BY si.ord`,
    )
    .all(incidentId) as SourceFacts[];
  const keys = new Set<string>();
  const repeats: IncidentSourceCount['repeats'] = [];
  for (const s of rows) {
    const chain = chainOf(cf, s);
    const root = chain[chain.length - 1]!;
    if (chain.length > 1) repeats.push({ source: sourceLabel(s), original: sourceLabel(root) });
    if (root.kind !== 'belligerent_statement') keys.add(independentKey(root));
  }
  return { logged: rows.length, independent: keys.size, repeats };
}

const REF_SQL = `SELECT s.id, s.title, s.outlet, s.author, s.kind, s.url, s.published_date,
  (SELECT group_concat(code, ' ') FROM (SELECT i.code FROM source_incidents si JOIN incidents i ON i.id = si.incident_id
     WHERE si.source_id = s.id ORDER BY i.code)) AS codes
  FROM sources s`;

export function rowToSourceRef(r: Row): SourceRef {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    title: s(r.title),
    outlet: s(r.outlet),
    author: s(r.author),
    kind: String(r.kind),
    url: s(r.url),
    publishedDate: s(r.published_date),
    incidentCodes: r.codes ? String(r.codes).split(' ') : [],
  };
}

export function sourceRef(cf: CaseFile, id: string): SourceRef | null {
  const r = cf.db.prepare(`${REF_SQL} WHERE s.id = ?`).get(id) as Row | undefined;
  return r ? rowToSourceRef(r) : null;
}

function mustFacts(cf: CaseFile, id: string, path: string): SourceFacts {
  const f = facts(cf, id);
  if (!f) throw new HandlerError('not_found', `No source with id ${id} in this case file.`, [{ path, message: 'Unknown source' }]);
  return f;
}

export function sourceIndependence(cf: CaseFile, input: { id: string }): SourceIndependence {
  const s = mustFacts(cf, input.id, 'id');
  const chain = chainOf(cf, s);
  const repeatedBy = (cf.db.prepare(`${REF_SQL} WHERE s.repeats_source_id = ? ORDER BY s.published_date, s.created_at`).all(s.id) as Row[]).map(
    rowToSourceRef,
  );
  return {
    source: sourceRef(cf, s.id)!,
    repeats: s.repeats_source_id ? sourceRef(cf, s.repeats_source_id) : null,
    original: chain.length > 1 ? sourceRef(cf, chain[chain.length - 1]!.id) : null,
    repeatedBy,
    suggestions: suggestionsForSource(cf, s.id),
  };
}

export function markRepeat(cf: CaseFile, input: ChannelParsedInput<'sources:markRepeat'>): SourceIndependence {
  const s = mustFacts(cf, input.sourceId, 'sourceId');
  const original = mustFacts(cf, input.originalId, 'originalId');
  if (s.id === original.id) {
    throw new HandlerError('invalid_input', 'A source cannot repeat itself. Choose the source it copies.', [
      { path: 'originalId', message: 'Same as the repeating source' },
    ]);
  }
  const chain = chainOf(cf, original);
  if (chain.some((c) => c.id === s.id)) {
    throw new HandlerError(
      'invalid_input',
      `“${sourceLabel(original)}” already repeats this source (directly or through others), so this source cannot repeat it: that would be a loop. Unmark one of them first; nothing was changed.`,
      [{ path: 'originalId', message: 'Would make a loop of repeats' }],
    );
  }
  if (chain.length >= MAX_CHAIN) {
    throw new HandlerError('invalid_input', `That source's chain of repeats is already ${MAX_CHAIN} long; mark this one as repeating its original instead.`);
  }
  if (s.repeats_source_id !== original.id) {
    change(cf, input.reason ?? `Marked as repeating ${sourceLabel(original)}`, (w) => {
      w.update('sources', { id: s.id }, { repeats_source_id: original.id, updated_at: w.at });
    });
  }
  return sourceIndependence(cf, { id: s.id });
}

export function unmarkRepeat(cf: CaseFile, input: ChannelParsedInput<'sources:unmarkRepeat'>): SourceIndependence {
  const s = mustFacts(cf, input.sourceId, 'sourceId');
  if (s.repeats_source_id) {
    change(cf, input.reason ?? 'No longer marked as a repeat', (w) => {
      w.update('sources', { id: s.id }, { repeats_source_id: null, updated_at: w.at });
    });
  }
  return sourceIndependence(cf, { id: s.id });
}

export function dismissRepeat(cf: CaseFile, input: ChannelParsedInput<'sources:dismissRepeat'>): SourceIndependence {
  mustFacts(cf, input.sourceId, 'sourceId');
  mustFacts(cf, input.otherId, 'otherId');
  const [a, b] = [input.sourceId, input.otherId].sort() as [string, string];
  if (a === b) throw new HandlerError('invalid_input', 'Choose two different sources.');
  if (!cf.db.prepare('SELECT 1 FROM repeat_dismissals WHERE source_a = ? AND source_b = ?').get(a, b)) {
    change(cf, input.reason ?? 'Not a repeat: suggestion dismissed', (w) => {
      w.insert('repeat_dismissals', { source_a: a, source_b: b, dismissed_by: cf.actor, dismissed_at: w.at });
    });
  }
  return sourceIndependence(cf, { id: input.sourceId });
}

/** Sources to choose an original from, by title, outlet, author or address. */
export function findOriginal(cf: CaseFile, input: ChannelParsedInput<'sources:findOriginal'>): { sources: SourceRef[] } {
  const q = input.query.trim();
  if (!q) return { sources: [] };
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = cf.db
    .prepare(
      `${REF_SQL} WHERE s.id IS NOT @exclude AND (s.title LIKE @like ESCAPE '\\' OR s.outlet LIKE @like ESCAPE '\\'
         OR s.author LIKE @like ESCAPE '\\' OR s.url LIKE @like ESCAPE '\\')
       ORDER BY s.published_date, s.created_at LIMIT 20`,
    )
    .all({ like, exclude: input.excludeId ?? null }) as Row[];
  return { sources: rows.map(rowToSourceRef) };
}
