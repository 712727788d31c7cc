/**
 * One filter state → one SQL WHERE clause over `incidents i`, shared by the incidents list,
 * stats and the dashboard so that their numbers agree.
 */
import type { z } from 'zod';
import type { incidentFilterSchema } from '../shared/schemas';

export type ParsedFilter = z.output<typeof incidentFilterSchema>;

export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function filterSql(f: ParsedFilter): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.grade && f.grade.length > 0) {
    const grades = f.grade.filter((g) => g !== 'ungraded');
    const parts: string[] = [];
    if (grades.length > 0) {
      grades.forEach((g, i) => (params[`grade${i}`] = g));
      parts.push(`i.grade IN (${grades.map((_, i) => `@grade${i}`).join(', ')})`);
    }
    if (f.grade.includes('ungraded')) parts.push('i.grade IS NULL');
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (f.status && f.status.length > 0) {
    f.status.forEach((s, i) => (params[`status${i}`] = s));
    clauses.push(`i.status IN (${f.status.map((_, i) => `@status${i}`).join(', ')})`);
  }
  if (f.belligerent) {
    params.belligerent = `%${likeEscape(f.belligerent)}%`;
    clauses.push(
      // One pass over the belligerent rows, not one look-up per incident.
      `i.id IN (SELECT b.incident_id FROM incident_belligerents b WHERE b.belligerent LIKE @belligerent ESCAPE '\\')`,
    );
  }
  if (f.country) {
    params.country = f.country;
    clauses.push('i.country = @country COLLATE NOCASE');
  }
  if (f.codePrefix) {
    params.codePrefix = `${likeEscape(f.codePrefix)}%`;
    clauses.push(`i.code LIKE @codePrefix ESCAPE '\\'`);
  }
  if (f.from) {
    params.from = f.from;
    clauses.push('i.date_start >= @from');
  }
  if (f.to) {
    params.to = f.to;
    clauses.push('i.date_start <= @to');
  }
  if (f.governorate) {
    params.governorate = f.governorate;
    clauses.push('i.governorate = @governorate COLLATE NOCASE');
  }
  if (f.hasCoordinates === true) clauses.push('(i.latitude IS NOT NULL AND i.longitude IS NOT NULL)');
  if (f.hasCoordinates === false) clauses.push('(i.latitude IS NULL OR i.longitude IS NULL)');
  if (f.hasProblems !== undefined) {
    clauses.push(`${f.hasProblems ? '' : 'NOT '}EXISTS (SELECT 1 FROM data_problems dp WHERE dp.incident_id = i.id)`);
  }
  if (f.belligerentPosition) {
    params.belligerentPosition = f.belligerentPosition;
    clauses.push('EXISTS (SELECT 1 FROM incident_belligerents bp WHERE bp.incident_id = i.id AND bp.position = @belligerentPosition)');
  }
  if (f.assignedTo) {
    // 'me' names whoever uses the case file; db/me.ts resolves it to a person before this.
    if (f.assignedTo === 'me') throw new Error("filterSql: resolve assignedTo 'me' with resolveFilter (db/me.ts) first");
    params.assignedTo = f.assignedTo;
    clauses.push('i.assignee_id = @assignedTo');
  }
  if (f.bbox) {
    [params.bboxWest, params.bboxSouth, params.bboxEast, params.bboxNorth] = f.bbox;
    clauses.push('(i.longitude BETWEEN @bboxWest AND @bboxEast AND i.latitude BETWEEN @bboxSouth AND @bboxNorth)');
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
