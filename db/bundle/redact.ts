/**
 * A profile's rules applied to selected rows (db/bundle/select.ts): internal notes emptied,
 * sensitive victims unnamed, sensitive sources and their captures withheld, staff names
 * emptied, image metadata stripped. Every change is listed, so the preview shows exactly this.
 * Redaction fails closed: an image whose metadata cannot be stripped is withheld, not sent.
 */
import type { BundlePreview, RedactionRules } from '../../shared/contracts/bundle';
import type { Row } from '../audit';
import type { CaseFile } from '../casefile';
import { canStrip, ImageStripError, stripImageMetadata } from './images';
import { sha256Hex } from '../sha256';

export type Withheld = BundlePreview['withheld'];
type Item = Withheld['notesRemoved'][number];

/** One capture file the bundle will hold (under captures/<sha256>). */
export interface CaptureFile {
  sha256: string;
  /** The hash of the case file's bytes, when the bundle holds a stripped copy. */
  originalSha256?: string;
  mime: string;
  bytes: Buffer;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** Text columns that name a member of staff (not foreign keys). */
const STAFF_TEXT: Record<string, { column: string; value: string | null }[]> = {
  grade_history: [{ column: 'graded_by', value: 'withheld' }],
  review_decisions: [{ column: 'reviewer', value: 'withheld' }],
  captures: [{ column: 'captured_by', value: null }],
  incident_links: [{ column: 'created_by', value: null }],
};

function peopleColumns(cf: CaseFile, table: string): string[] {
  const fks = cf.db.prepare('SELECT "from" AS col, "table" AS target FROM pragma_foreign_key_list(?)').all(table) as { col: string; target: string }[];
  const cols = (cf.db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
  // Foreign keys to people, and the *_id columns later migrations added without one.
  return [...new Set([...fks.filter((f) => f.target === 'people').map((f) => f.col), ...cols.filter((c) => ['graded_by_id', 'reviewer_id', 'assignee_id', 'signer_id'].includes(c))])];
}

export function redactRows(cf: CaseFile, raw: Record<string, Row[]>, rules: RedactionRules): { tables: Record<string, Row[]>; withheld: Withheld; files: CaptureFile[] } {
  const withheld: Withheld = { incidentsLeftOut: [], notesRemoved: [], victimsUnnamed: [], sourcesWithheld: [], capturesWithheld: [], imagesStripped: [], tables: [] };
  // The rows are fresh objects from the query (select.ts): redacted in place, not copied.
  const tables: Record<string, Row[]> = { ...raw };
  const codeOf = new Map((tables.incidents ?? []).map((r) => [r.id as string, r.code as string]));
  const blank = (table: string, column: string, label: (r: Row) => string, why: string) => {
    for (const r of tables[table] ?? []) {
      if (filled(r[column])) {
        withheld.notesRemoved.push({ id: String(r.id ?? r[column]), label: label(r), why });
        r[column] = null;
      }
    }
  };

  if (rules.removeInternalNotes) {
    blank('incidents', 'internal_notes', (r) => `${r.code as string}: internal notes`, 'internal notes are not published');
    blank('victims', 'notes', (r) => `${codeOf.get(r.incident_id as string) ?? '?'}: notes on a victim`, "notes on victims are internal");
    blank('sources', 'credibility_notes', (r) => `Source ${(r.title as string) ?? (r.outlet as string) ?? r.id}: credibility notes`, 'credibility assessments are internal');
    blank('incident_links', 'note', () => 'Link between incidents: note', 'notes on incident links are internal');
  }

  if (rules.unnameSensitiveVictims) {
    for (const v of tables.victims ?? []) {
      if (v.sensitive !== 1) continue;
      const wasNamed = filled(v.name_latin) || filled(v.name_local);
      withheld.victimsUnnamed.push({ id: v.id as string, label: `${codeOf.get(v.incident_id as string) ?? '?'}: victim ${Number(v.ord) + 1}${wasNamed ? '' : ' (had no name)'}`, why: 'marked sensitive: counted, not named' });
      // The raw import text (extra_json) and notes can hold the name too.
      Object.assign(v, { name_latin: null, name_local: null, family_group: null, notes: null, extra_json: null });
    }
  }

  const dropSource = (s: Row): string | null =>
    rules.withholdSensitivePersonal && s.sensitive_personal === 1 ? 'marked as holding personal data' : rules.withholdSensitiveGraphic && s.sensitive_graphic === 1 ? 'marked as graphic' : null;
  const droppedSources = new Set<string>();
  tables.sources = (tables.sources ?? []).filter((s) => {
    const why = dropSource(s);
    if (!why) return true;
    droppedSources.add(s.id as string);
    withheld.sourcesWithheld.push({ id: s.id as string, label: (s.title as string) || (s.outlet as string) || (s.url as string) || (s.id as string), why });
    return false;
  });
  tables.source_incidents = (tables.source_incidents ?? []).filter((l) => !droppedSources.has(l.source_id as string));
  const kept = new Set(tables.sources.map((s) => s.id as string));
  for (const s of tables.sources) if (s.repeats_source_id && !kept.has(s.repeats_source_id as string)) s.repeats_source_id = null;

  const files = new Map<string, CaptureFile>();
  const blob = cf.db.prepare('SELECT content FROM blobs WHERE sha256 = ?').pluck();
  tables.captures = (tables.captures ?? []).filter((c) => {
    const label = `${c.file_name as string} (${c.mime_type as string})`;
    if (droppedSources.has(c.source_id as string)) {
      withheld.capturesWithheld.push({ id: c.id as string, label, why: 'its source is withheld' });
      return false;
    }
    if (!rules.includeCaptures) {
      withheld.capturesWithheld.push({ id: c.id as string, label, why: 'the profile leaves out capture files' });
      return false;
    }
    const bytes = blob.get(c.sha256) as Buffer | undefined;
    if (!bytes) {
      withheld.capturesWithheld.push({ id: c.id as string, label, why: 'its bytes are missing from the case file' });
      return false;
    }
    const isImage = String(c.mime_type).startsWith('image/') || canStrip(bytes);
    if (!rules.stripImageMetadata || !isImage) {
      files.set(c.sha256 as string, { sha256: c.sha256 as string, mime: c.mime_type as string, bytes });
      return true;
    }
    try {
      const s = stripImageMetadata(bytes);
      const hash = sha256Hex(s.bytes);
      if (s.removed.length > 0) withheld.imagesStripped.push({ id: c.id as string, label, why: `removed ${s.removed.join(', ')}` });
      files.set(hash, { sha256: hash, ...(hash !== c.sha256 ? { originalSha256: c.sha256 as string } : {}), mime: c.mime_type as string, bytes: s.bytes });
      Object.assign(c, { sha256: hash, size: s.bytes.length });
      return true;
    } catch (e) {
      const why = e instanceof ImageStripError ? `its metadata cannot be stripped (${e.message})` : `it could not be read (${(e as Error).message})`;
      withheld.capturesWithheld.push({ id: c.id as string, label, why });
      return false;
    }
  });

  if (!rules.includeStaffNames) {
    for (const [table, rows] of Object.entries(tables)) {
      const cols = peopleColumns(cf, table);
      const text = STAFF_TEXT[table] ?? [];
      if (cols.length === 0 && text.length === 0) continue;
      for (const r of rows) {
        for (const c of cols) if (c in r) r[c] = null;
        for (const { column, value } of text) if (column in r && r[column] !== null) r[column] = value;
      }
    }
  }
  return { tables, withheld, files: [...files.values()] };
}

export type { Item as WithheldItem };
