/**
 * Likely repeats: pairs of sources that are probably one report told twice, with the reasons.
 *   - capture   the same file (SHA-256) is captured for both;
 *   - url       the same web page once addresses are normalised (db/duplicates.ts urlKey);
 *   - archive_url  the same archived copy;
 *   - excerpt   near-identical excerpts (original, or translation): the Jaccard similarity of
 *               their word 3-shingles, after the search normalisation, is at least 0.5.
 * Why 0.5: a wire copy that adds an attribution line of 10 words to a 40-word report keeps
 * J ≈ 0.75; one that also rewords a word in ten still keeps J ≈ 0.55. Two independent reports
 * of one strike share stock phrases ("killed N civilians in an airstrike on …") but word the
 * rest their own way: their 3-shingles overlap far less (J well under 0.3). Excerpts under 8
 * words are not compared (too little text to tell a copy from a coincidence).
 * Candidates come from an inverted index of shingles (shingles shared by over 200 excerpts are
 * boilerplate and do not propose pairs), never from all pairs.
 * Pairs already decided (one repeats the other, directly or through a chain) or dismissed are
 * left out. The earlier source (published first, else logged first) is proposed as original.
 */
import type { RepeatSuggestion } from '../shared/contracts/reconcile';
import { normalizeSearchText } from '../shared/textNormalize';
import type { Row } from './audit';
import type { CaseFile } from './casefile';
import { memoUntilChange } from './crossrefCache';
import { findDuplicates, urlKey } from './duplicates';
import { rowToSourceRef } from './sourceIndependence';

export const EXCERPT_THRESHOLD = 0.5;
const MIN_WORDS = 8;
const SHINGLE = 3;
const BOILERPLATE_DF = 200;

type Reason = RepeatSuggestion['reasons'][number];

interface PairAcc {
  a: number;
  b: number;
  reasons: Reason[];
  similarity: number | null;
}

export function shingles(text: string | null): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  const words = normalizeSearchText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_WORDS) return out;
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Pairs (i < j) of items sharing a key. */
function groupPairs(keys: (string | null)[], add: (i: number, j: number, key: string) => void): void {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!k) return;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  for (const [key, g] of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) add(g[x]!, g[y]!, key);
}

function excerptPairs(texts: (string | null)[], add: (i: number, j: number, sim: number) => void): void {
  const sets = texts.map(shingles);
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  const seen = new Set<string>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > BOILERPLATE_DF) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const k = `${list[x]}|${list[y]}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const sim = jaccard(sets[list[x]!]!, sets[list[y]!]!);
        if (sim >= EXCERPT_THRESHOLD) add(list[x]!, list[y]!, sim);
      }
    }
  }
}

function rootOf(ids: Map<string, number>, repeats: (string | null)[], i: number): number {
  let cur = i;
  for (let n = 0; n < 50; n++) {
    const next = repeats[cur] ? ids.get(repeats[cur]!) : undefined;
    if (next === undefined || next === i) break;
    cur = next;
  }
  return cur;
}

const ROW_SQL = `SELECT s.rowid AS seq, s.id, s.title, s.outlet, s.author, s.kind, s.url, s.archive_url, s.published_date, s.created_at,
  s.excerpt_original, s.excerpt_translation, s.repeats_source_id FROM sources s`;

function incidentCodes(cf: CaseFile, ids: string[] | null): Map<string, string> {
  const where = ids ? `WHERE si.source_id IN (${ids.map(() => '?').join(', ')})` : '';
  return new Map(
    (
      cf.db
        .prepare(
          `SELECT source_id AS id, group_concat(code, ' ') AS codes FROM
             (SELECT si.source_id, i.code FROM source_incidents si JOIN incidents i ON i.id = si.incident_id ${where} ORDER BY si.source_id, i.code)
           GROUP BY source_id`,
        )
        .all(...(ids ?? [])) as { id: string; codes: string }[]
    ).map((c) => [c.id, c.codes]),
  );
}

/** Every likely repeat, computed afresh (repeatSuggestions keeps the result until the next change). */
export function computeRepeatSuggestions(cf: CaseFile): RepeatSuggestion[] {
  const rows = cf.db.prepare(`${ROW_SQL} ORDER BY s.rowid`).all() as Row[];
  const ids = new Map(rows.map((r, i) => [String(r.id), i]));
  const repeats = rows.map((r) => (r.repeats_source_id as string | null) ?? null);
  return fromRows(cf, rows, incidentCodes(cf, null), (i) => rootOf(ids, repeats, i));
}

/** Likely repeats among `rows`; `root(i)` says where row i's chain of repeats ends (an index or an id). */
function fromRows(cf: CaseFile, rows: Row[], codes: Map<string, string>, root: (i: number) => number | string): RepeatSuggestion[] {
  const ref = (r: Row) => rowToSourceRef({ ...r, codes: codes.get(String(r.id)) ?? null });
  const ids = new Map(rows.map((r, i) => [String(r.id), i]));
  const pairs = new Map<string, PairAcc>();
  const acc = (i: number, j: number): PairAcc => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const k = `${a}|${b}`;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { a, b, reasons: [], similarity: null }));
    return p;
  };

  const captures = cf.db
    .prepare(
      `SELECT c1.source_id AS a, c2.source_id AS b, c1.file_name AS file FROM captures c1
       JOIN captures c2 ON c2.sha256 = c1.sha256 AND c2.source_id > c1.source_id`,
    )
    .all() as { a: string; b: string; file: string }[];
  for (const c of captures) {
    const [i, j] = [ids.get(c.a), ids.get(c.b)];
    if (i === undefined || j === undefined) continue;
    const p = acc(i, j);
    if (!p.reasons.some((r) => r.kind === 'capture')) p.reasons.push({ kind: 'capture', text: `The same file is captured for both (${c.file})` });
  }
  groupPairs(
    rows.map((r) => (r.url ? urlKey(String(r.url)) : null)),
    (i, j) => acc(i, j).reasons.push({ kind: 'url', text: 'The same web address, once normalised' }),
  );
  groupPairs(
    rows.map((r) => (r.archive_url ? urlKey(String(r.archive_url)) : null)),
    (i, j) => acc(i, j).reasons.push({ kind: 'archive_url', text: 'The same archived copy' }),
  );
  for (const field of ['excerpt_original', 'excerpt_translation'] as const) {
    excerptPairs(
      rows.map((r) => (r[field] as string | null) ?? null),
      (i, j, sim) => {
        const p = acc(i, j);
        if (p.similarity !== null && p.similarity >= sim) return;
        p.reasons = p.reasons.filter((r) => r.kind !== 'excerpt');
        p.similarity = sim;
        const which = field === 'excerpt_original' ? 'excerpts' : 'translated excerpts';
        p.reasons.push({ kind: 'excerpt', text: `Near-identical ${which} (${Math.round(sim * 100)}% of their word sequences shared)` });
      },
    );
  }

  const dismissed = new Set(
    (cf.db.prepare('SELECT source_a, source_b FROM repeat_dismissals').all() as { source_a: string; source_b: string }[]).map(
      (d) => `${d.source_a}|${d.source_b}`,
    ),
  );
  const out: RepeatSuggestion[] = [];
  for (const p of pairs.values()) {
    const [ra, rb] = [rows[p.a]!, rows[p.b]!];
    const [ia, ib] = [String(ra.id), String(rb.id)];
    if (dismissed.has(ia < ib ? `${ia}|${ib}` : `${ib}|${ia}`)) continue;
    if (root(p.a) === root(p.b)) continue;
    // Ties (the same day, logged in the same millisecond) go to the row logged first, so the
    // case-wide and the per-source answers agree whatever order the rows were read in.
    const earlier = (r: Row) => `${r.published_date ?? '9999'}|${r.created_at}|${String(r.seq).padStart(12, '0')}`;
    const aFirst = earlier(ra) <= earlier(rb);
    out.push({
      original: ref(aFirst ? ra : rb),
      repeat: ref(aFirst ? rb : ra),
      reasons: p.reasons,
      similarity: p.similarity,
    });
  }
  const weight = (s: RepeatSuggestion) => s.reasons.length + (s.similarity ?? 0);
  return out.sort((x, y) => weight(y) - weight(x));
}

/** Every likely repeat in the case, strongest first. */
export function repeatSuggestions(cf: CaseFile): RepeatSuggestion[] {
  return memoUntilChange(cf, 'repeatSuggestions', () => computeRepeatSuggestions(cf));
}

/**
 * Likely repeats involving one source, without computing the whole case: its candidates come
 * from indexed look-ups (same capture hash, same address: db/duplicates.ts) and from the
 * excerpt pairs of the case (kept until the next change; only sources with an excerpt are read).
 */
export function suggestionsForSource(cf: CaseFile, sourceId: string): RepeatSuggestion[] {
  const self = cf.db.prepare(`${ROW_SQL} WHERE s.id = ?`).get(sourceId) as Row | undefined;
  if (!self) return [];
  const candidates = new Set<string>();
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const m of findDuplicates(cf, { url: str(self.url), archiveUrl: str(self.archive_url), excludeSourceId: sourceId }).matches) {
    candidates.add(m.sourceId);
  }
  const shared = cf.db
    .prepare('SELECT DISTINCT c2.source_id AS id FROM captures c1 JOIN captures c2 ON c2.sha256 = c1.sha256 WHERE c1.source_id = ? AND c2.source_id <> ?')
    .all(sourceId, sourceId) as { id: string }[];
  for (const c of shared) candidates.add(c.id);
  for (const p of excerptSuggestions(cf)) {
    if (p.repeat.id === sourceId) candidates.add(p.original.id);
    if (p.original.id === sourceId) candidates.add(p.repeat.id);
  }
  if (candidates.size === 0) return [];
  const others = cf.db
    .prepare(`${ROW_SQL} WHERE s.id IN (${[...candidates].map(() => '?').join(', ')})`)
    .all(...candidates) as Row[];
  const rows = [self, ...others];
  const roots = rows.map((r) => rootId(cf, String(r.id)));
  return fromRows(cf, rows, incidentCodes(cf, rows.map((r) => String(r.id))), (i) => roots[i]!)
    .filter((s) => s.repeat.id === sourceId || s.original.id === sourceId)
    .slice(0, 20);
}

function rootId(cf: CaseFile, id: string): string {
  const next = cf.db.prepare('SELECT repeats_source_id AS r FROM sources WHERE id = ?');
  const seen = new Set([id]);
  let cur = id;
  for (let n = 0; n < 50; n++) {
    const r = (next.get(cur) as { r: string | null } | undefined)?.r;
    if (!r || seen.has(r)) break;
    seen.add(r);
    cur = r;
  }
  return cur;
}

/** Near-identical excerpts across the case, kept until the next change. */
function excerptSuggestions(cf: CaseFile): RepeatSuggestion[] {
  return memoUntilChange(cf, 'excerptSuggestions', () => {
    const rows = cf.db
      .prepare(`${ROW_SQL} WHERE s.excerpt_original IS NOT NULL OR s.excerpt_translation IS NOT NULL ORDER BY s.rowid`)
      .all() as Row[];
    // Roots are settled later, per source; here only whether the texts are alike matters.
    return fromRows(cf, rows.map((r) => ({ ...r, url: null, archive_url: null })), new Map(), (i) => i).filter((p) =>
      p.reasons.some((r) => r.kind === 'excerpt'),
    );
  });
}
