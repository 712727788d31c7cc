/**
 * "Is this already in the case?": the same web page logged as another source, or the same file
 * captured before, found before anything is duplicated.
 *
 * Two addresses are the same page when they differ only in scheme (http/https), a leading
 * "www.", the host's case, a default port, a trailing slash, a #fragment, tracking parameters
 * (utm_*, fbclid, gclid…) or the order of the other query parameters.
 */
import type { ChannelParsedInput } from '../shared/contract';
import type { DuplicateMatch } from '../shared/workbenchSchemas';
import type { Row } from './audit';
import type { CaseFile } from './casefile';
import { rowToCapture, sourceIncidents } from './sourceRows';

const TRACKING = /^(utm_.*|fbclid|gclid|igshid|mc_cid|mc_eid|ref_src)$/i;

/** The comparable form of a web address, or null when it is not one. */
export function urlKey(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/**
 * Stored addresses that might have the same key: every spelling of the scheme and "www." in
 * front of the same host and path, whatever follows. Each is a range scan on an index.
 */
function candidatePrefixes(raw: string): string[] {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return [];
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname.replace(/\/+$/, '');
  const out: string[] = [];
  for (const scheme of ['https://', 'http://']) {
    for (const www of ['', 'www.']) out.push(`${scheme}${www}${host}${path}`);
  }
  return out;
}

const COLUMNS = { url: 'url', archive_url: 'archive_url' } as const;

function urlMatches(cf: CaseFile, raw: string, exclude: string | null): { row: Row; reason: 'url' | 'archive_url' }[] {
  const key = urlKey(raw);
  if (!key) return [];
  const found: { row: Row; reason: 'url' | 'archive_url' }[] = [];
  for (const [reason, col] of Object.entries(COLUMNS) as ['url' | 'archive_url', string][]) {
    const stmt = cf.db.prepare(
      `SELECT id, title, ${col} AS matched FROM sources
       WHERE ${col} >= @lo AND ${col} < @hi AND id IS NOT @exclude`,
    );
    for (const prefix of candidatePrefixes(raw)) {
      for (const row of stmt.all({ lo: prefix, hi: `${prefix}\uffff`, exclude }) as Row[]) {
        if (urlKey(String(row.matched)) === key) found.push({ row, reason });
      }
    }
  }
  return found;
}

export function findDuplicates(cf: CaseFile, input: ChannelParsedInput<'sources:findDuplicates'>): { matches: DuplicateMatch[] } {
  const exclude = input.excludeSourceId ?? null;
  const matches: DuplicateMatch[] = [];
  const seen = new Set<string>();
  const add = (m: Omit<DuplicateMatch, 'incidents'>) => {
    const k = `${m.reason}|${m.sourceId}|${m.capture?.id ?? ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    matches.push({ ...m, incidents: sourceIncidents(cf, m.sourceId) });
  };
  for (const raw of [input.url, input.archiveUrl]) {
    if (!raw) continue;
    for (const { row, reason } of urlMatches(cf, raw, exclude)) {
      add({ reason, matched: String(row.matched), sourceId: String(row.id), sourceTitle: (row.title as string | null) ?? null, capture: null });
    }
  }
  if (input.sha256) {
    const rows = cf.db
      .prepare(
        `SELECT c.*, s.title AS source_title FROM captures c JOIN sources s ON s.id = c.source_id
         WHERE c.sha256 = ? AND c.source_id IS NOT ? ORDER BY c.captured_at`,
      )
      .all(input.sha256, exclude) as Row[];
    for (const row of rows) {
      add({
        reason: 'capture',
        matched: String(row.file_name),
        sourceId: String(row.source_id),
        sourceTitle: (row.source_title as string | null) ?? null,
        capture: rowToCapture(row),
      });
    }
  }
  return { matches };
}

/** "“Title” (CS483, CS490)" for messages. */
export function describeMatch(m: DuplicateMatch): string {
  const title = m.sourceTitle ? `“${m.sourceTitle}”` : `source ${m.sourceId}`;
  const where = m.incidents.length ? ` (${m.incidents.map((i) => i.code).join(', ')})` : ' (linked to no incident)';
  return `${title}${where}`;
}
