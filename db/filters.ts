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
      `EXISTS (SELECT 1 FROM incident_belligerents b WHERE b.incident_id = i.id AND b.belligerent LIKE @belligerent ESCAPE '\\')`,
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
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
