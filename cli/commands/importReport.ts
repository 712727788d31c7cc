/** An import report as text: what was done, what changed, and every problem by file and line. */
import type { ImportReport } from '../../shared/importSchemas';

const ENTITY_LABELS: Record<string, string> = {
  incidents: 'incidents',
  sources: 'sources',
  victims: 'victims',
  belligerents: 'belligerent assessments',
  links: 'links',
  strike_reports: 'strike reports',
  previous_codes: 'previous codes',
  data_problems: 'data problems',
};

export function formatReport(r: ImportReport, savedTo: string | null): string {
  const lines: string[] = [];
  const what = r.dryRun ? 'Dry run (nothing was saved)' : `Import ${r.id}`;
  lines.push(`${what}: ${r.kind} from ${r.source}`);
  for (const f of r.files) lines.push(`  read ${f.file}: ${f.rows} rows (sha256 ${f.sha256.slice(0, 16)}…)`);
  lines.push('');
  lines.push(`${'entity'.padEnd(24)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(9)} ${'removed'.padStart(8)} ${'left out'.padStart(8)}`);
  for (const [entity, c] of Object.entries(r.counts)) {
    if (c.created + c.updated + c.unchanged + c.removed + c.leftOut === 0) continue;
    lines.push(
      `${(ENTITY_LABELS[entity] ?? entity).padEnd(24)} ${String(c.created).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.unchanged).padStart(9)} ${String(c.removed).padStart(8)} ${String(c.leftOut).padStart(8)}`,
    );
  }
  lines.push('');
  if (r.updatedCodes.length > 0) {
    lines.push(`Changed records (${r.updatedCodes.length}):`);
    const byCode = new Map<string, string[]>();
    for (const c of r.changes) {
      const list = byCode.get(c.code) ?? [];
      list.push(`${c.action} ${c.entity} ${c.id}${c.fields.length ? `: ${c.fields.join(', ')}` : ''}`);
      byCode.set(c.code, list);
    }
    for (const code of r.updatedCodes) {
      lines.push(`  ${code}`);
      for (const l of byCode.get(code) ?? []) lines.push(`    ${l}`);
    }
  } else if (r.createdCodes.length === 0) {
    lines.push('Nothing changed: the case file already holds exactly this.');
  }
  if (r.notInSource > 0) lines.push(`${r.notInSource} imported incidents of the case file are not in this source; they were kept as they are.`);
  const leftOut = r.problems.filter((p) => p.leftOut).length;
  lines.push('');
  lines.push(`Problems: ${r.problems.length} (${leftOut} rows or values left out, ${r.problems.length - leftOut} kept as they stand and flagged)`);
  for (const [kind, n] of Object.entries(r.problemCounts).sort((a, b) => b[1] - a[1])) lines.push(`  ${kind}: ${n}`);
  for (const p of r.problems) {
    const where = `${p.file}${p.line !== null ? `:${p.line}` : ''}`;
    const value = p.value !== null && p.value !== '' ? ` ${JSON.stringify(p.value.length > 60 ? `${p.value.slice(0, 57)}…` : p.value)}` : '';
    lines.push(`  ${where}  ${p.field || '(row)'}${value}  ${p.leftOut ? 'LEFT OUT' : 'kept'}: ${p.reason}${p.code ? ` [${p.code}]` : ''}`);
  }
  lines.push('');
  lines.push(`${r.auditEntries} audit entries written.${savedTo ? ` Report saved to ${savedTo}.` : ''}`);
  return lines.join('\n');
}
