/** Mapping between source, capture and victim rows (snake_case SQL) and the contract's shapes. */
import type { Victim } from '../shared/schemas';
import type { Capture, IncidentRef, SourceDetail, SourceValues } from '../shared/workbenchSchemas';
import type { Row } from './audit';
import type { CaseFile } from './casefile';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function sourceToRow(v: SourceValues): Row {
  return {
    kind: v.kind,
    outlet: v.outlet,
    author: v.author,
    url: v.url,
    archive_url: v.archiveUrl,
    language: v.language,
    published_date: v.publishedDate,
    accessed_date: v.accessedDate,
    title: v.title,
    excerpt_original: v.excerptOriginal,
    excerpt_translation: v.excerptTranslation,
    credibility_notes: v.credibilityNotes,
    sensitive_personal: v.sensitivePersonal ? 1 : 0,
    sensitive_graphic: v.sensitiveGraphic ? 1 : 0,
  };
}

export function rowToCapture(r: Row): Capture {
  return {
    id: String(r.id),
    sourceId: String(r.source_id),
    sha256: String(r.sha256),
    fileName: String(r.file_name),
    mimeType: String(r.mime_type),
    size: Number(r.size),
    capturedBy: str(r.captured_by),
    capturedAt: String(r.captured_at),
  };
}

export function rowToIncidentRef(r: Row): IncidentRef {
  return {
    id: String(r.id),
    code: String(r.code),
    placeEn: str(r.place_en),
    placeAr: str(r.place_ar),
    dateStart: str(r.date_start),
  };
}

export function rowToVictim(v: Row): Victim {
  return {
    id: String(v.id),
    nameLatin: str(v.name_latin),
    nameLocal: str(v.name_local),
    gender: (v.gender as Victim['gender']) ?? null,
    age: (v.age as number | null) ?? null,
    ageGroup: (v.age_group as Victim['ageGroup']) ?? null,
    harm: (v.harm as Victim['harm']) ?? null,
    familyGroup: str(v.family_group),
    civilianStatusContested: v.civilian_status_contested === 1,
    sensitive: v.sensitive === 1,
  };
}

export function sourceIncidents(cf: CaseFile, sourceId: string): IncidentRef[] {
  return (
    cf.db
      .prepare(
        `SELECT i.id, i.code, i.place_en, i.place_ar, i.date_start FROM source_incidents si
         JOIN incidents i ON i.id = si.incident_id WHERE si.source_id = ? ORDER BY i.code`,
      )
      .all(sourceId) as Row[]
  ).map(rowToIncidentRef);
}

export function sourceCaptures(cf: CaseFile, sourceId: string): Capture[] {
  return (
    cf.db.prepare('SELECT * FROM captures WHERE source_id = ? ORDER BY captured_at, file_name').all(sourceId) as Row[]
  ).map(rowToCapture);
}

export function rowToSourceDetail(cf: CaseFile, s: Row): SourceDetail {
  const id = String(s.id);
  return {
    id,
    kind: s.kind as SourceDetail['kind'],
    outlet: str(s.outlet),
    author: str(s.author),
    url: str(s.url),
    archiveUrl: str(s.archive_url),
    language: str(s.language),
    publishedDate: str(s.published_date),
    accessedDate: str(s.accessed_date),
    title: str(s.title),
    excerptOriginal: str(s.excerpt_original),
    excerptTranslation: str(s.excerpt_translation),
    credibilityNotes: str(s.credibility_notes),
    sensitivePersonal: s.sensitive_personal === 1,
    sensitiveGraphic: s.sensitive_graphic === 1,
    createdAt: String(s.created_at),
    updatedAt: String(s.updated_at),
    incidents: sourceIncidents(cf, id),
    captures: sourceCaptures(cf, id),
  };
}
