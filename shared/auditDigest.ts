/**
 * The shape of a DIGEST record entry (db/audit.ts `insertRecord(…, { audit: 'digest' })`, used by
 * the importers): instead of every imported row, the entry keeps, per table, the column names
 * (once per change) and each row's key (and reference) values, plus the SHA-256 of the JSON a full record entry
 * would have held. The values themselves live in the tables; `casefile verify` rebuilds that
 * JSON from them (db/auditRows.ts). Dependency-free, so the renderer can describe such entries.
 */

/** One table of a digest entry. */
export interface DigestPart {
  /**
   * Every column of the rows, in the order the full entry listed their values. Left out when the
   * same as in the latest earlier digest entry that stated them for this table (within one change,
   * only its first entry with rows of a table states them).
   */
  columns?: string[];
  /** The columns whose values each row keeps here: the table's key, then its references. */
  key: string[];
  /** Per row, in insertion order: the values of `key`. */
  keys: (string | number | null)[][];
}

export interface DigestAfter {
  audit: 'digest';
  /** How many rows the record inserted. */
  rows: number;
  /** SHA-256 (hex) of the canonical JSON of { table: { columns, rows } } that a full entry holds. */
  sha256: string;
  tables: Record<string, DigestPart>;
}

export function isDigestAfter(v: unknown): v is DigestAfter {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<DigestAfter>;
  return d.audit === 'digest' && typeof d.sha256 === 'string' && typeof d.tables === 'object' && d.tables !== null;
}

/** Row counts per table of a digest entry, e.g. "1 incidents, 5 victims". */
export function digestCounts(d: DigestAfter, label: (table: string) => string = (t) => t): string {
  return Object.entries(d.tables)
    .map(([table, part]) => `${Array.isArray(part?.keys) ? part.keys.length : 0} ${label(table)}`)
    .join(', ');
}

/** What a digest entry says, in words. */
export function describeDigest(d: DigestAfter, label?: (table: string) => string): string {
  const n = typeof d.rows === 'number' ? d.rows : 0;
  return (
    `Imported ${n === 1 ? '1 row' : `${n} rows`} (${digestCounts(d, label)}); ` +
    'their values as imported are the current ones except where later entries changed them ' +
    `(checked against SHA-256 ${d.sha256.slice(0, 12)}… by verify).`
  );
}
