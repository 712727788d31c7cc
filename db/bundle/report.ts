/**
 * The bundle's static report, readable opened from disk with no network: report/index.html
 * (headline and per-grade figures, the same numbers `casefile stats` gives for the bundle's
 * incidents, and a list of incidents) and report/incidents/<id>.html (one page per incident
 * with its casualty ranges, belligerents, victims and sources). Inline CSS, no script, no
 * remote resource; links are relative; every text is HTML-escaped.
 */
import { GRADES, GRADE_LABELS, WORKFLOW_LABELS, type Grade, type WorkflowStatus } from '../../shared/domain';
import type { GradeTotals, Stats } from '../../shared/schemas';
import type { Row } from '../audit';

export function esc(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#666}a{color:#0b57a4}
.withheld{color:#8a4b00;font-style:italic}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${body}</body></html>
`;
}

const r = (x: { min: number | null; max: number | null }) =>
  x.min === null && x.max === null ? '<span class="muted">unknown</span>' : x.min === x.max ? esc(x.min) : `${esc(x.min ?? '?')}–${esc(x.max ?? '?')}`;

function totalsRow(label: string, t: GradeTotals): string {
  return `<tr><th scope="row">${esc(label)}</th><td class="n">${t.incidents}</td><td class="n">${r(t.killed)}</td><td class="n">${r(t.injured)}</td><td class="n">${r(t.children)}</td><td class="n">${r(t.women)}</td><td class="n">${t.namedVictims}</td></tr>`;
}

export interface ReportInput {
  caseTitle: string;
  profileName: string;
  exportedAt: string;
  exporter: string;
  stats: Stats;
  tables: Record<string, Row[]>;
}

function groupBy(rows: Row[] | undefined, key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const row of rows ?? []) {
    const k = row[key] as string;
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

const gradeLabel = (g: unknown) => (g ? GRADE_LABELS[g as Grade] ?? String(g) : 'Ungraded');
const date = (i: Row) => (i.date_end && i.date_end !== i.date_start ? `${esc(i.date_start)} – ${esc(i.date_end)}` : esc(i.date_start ?? 'date unknown'));

export function reportIndex(input: ReportInput): string {
  const s = input.stats;
  const rows = (input.tables.incidents ?? [])
    .map((i) => `<tr><td><a href="incidents/${esc(i.id)}.html">${esc(i.code)}</a></td><td>${date(i)}</td><td>${esc(i.place_en ?? '')}</td><td>${esc(gradeLabel(i.grade))}</td><td class="n">${r({ min: i.killed_min as number | null, max: i.killed_max as number | null })}</td></tr>`)
    .join('\n');
  return page(
    `${input.caseTitle}: case report`,
    `<h1>${esc(input.caseTitle)}</h1>
<p class="muted">Exported ${esc(input.exportedAt)} by ${esc(input.exporter)} with the “${esc(input.profileName)}” profile. Figures are ranges (minimum–maximum); unknown counts as 0 in sums.</p>
<h2>Headline (Confirmed and Fair)</h2>
<table><thead><tr><th></th><th>incidents</th><th>killed</th><th>injured</th><th>children killed</th><th>women killed</th><th>named victims</th></tr></thead><tbody>
${totalsRow('Headline', s.headline)}
${GRADES.map((g) => totalsRow(GRADE_LABELS[g], s.grades[g])).join('\n')}
${totalsRow('Ungraded', s.grades.ungraded)}
</tbody></table>
<p>Conceded by belligerents: ${s.conceded.incidents} incidents, ${r(s.conceded.killed)} killed, ${r(s.conceded.injured)} injured.</p>
<h2>Incidents (${s.incidents})</h2>
<table><thead><tr><th>code</th><th>date</th><th>place</th><th>grade</th><th>killed</th></tr></thead><tbody>
${rows}
</tbody></table>`,
  );
}

/** One page per incident, keyed by its report path. */
export function* incidentPages(input: ReportInput): Generator<{ name: string; html: string }> {
  const t = input.tables;
  const victims = groupBy(t.victims, 'incident_id');
  const belligerents = groupBy(t.incident_belligerents, 'incident_id');
  const links = groupBy(t.source_incidents, 'incident_id');
  const sources = new Map((t.sources ?? []).map((s) => [s.id as string, s]));
  const captures = groupBy(t.captures, 'source_id');
  for (const i of t.incidents ?? []) {
    const id = i.id as string;
    const range = (p: string) => r({ min: i[`${p}_min`] as number | null, max: i[`${p}_max`] as number | null });
    const harm = ['killed', 'injured', 'children_killed', 'women_killed', 'men_killed']
      .map((p) => `<tr><th scope="row">${esc(p.replace('_', ' '))}</th><td class="n">${range(p)}</td></tr>`)
      .join('');
    const bel = (belligerents.get(id) ?? [])
      .map((b) => `<li>${esc(b.belligerent)} (${esc(b.involvement)}): position ${esc(String(b.position).replace(/_/g, ' '))}${b.conceded_killed_max !== null && b.conceded_killed_max !== undefined ? `, conceded ${r({ min: b.conceded_killed_min as number | null, max: b.conceded_killed_max as number | null })} killed` : ''}</li>`)
      .join('');
    const vic = (victims.get(id) ?? [])
      .map((v) => {
        const name = [v.name_latin, v.name_local].filter((x) => typeof x === 'string' && x.trim()).map(esc).join(' / ');
        return `<li>${name || '<span class="withheld">name not given</span>'}${v.age !== null && v.age !== undefined ? `, ${esc(v.age)}` : ''}${v.harm ? `, ${esc(v.harm)}` : ''}</li>`;
      })
      .join('');
    const src = (links.get(id) ?? [])
      .map((l) => sources.get(l.source_id as string))
      .filter((s): s is Row => s !== undefined)
      .map((s) => {
        const files = (captures.get(s.id as string) ?? []).map((c) => `<a href="../../captures/${esc(c.sha256)}">${esc(c.file_name)}</a>`).join(', ');
        return `<li><strong>${esc(s.title || s.outlet || 'Untitled source')}</strong>${s.outlet ? `, ${esc(s.outlet)}` : ''}${s.published_date ? ` (${esc(s.published_date)})` : ''}${s.url ? `<br><a href="${esc(s.url)}" rel="noreferrer">${esc(s.url)}</a>` : ''}${s.excerpt_translation ? `<br>${esc(s.excerpt_translation)}` : ''}${files ? `<br>Captures: ${files}` : ''}</li>`;
      })
      .join('');
    yield {
      name: `report/incidents/${id}.html`,
      html: page(
        `${i.code as string}: ${input.caseTitle}`,
        `<p><a href="../index.html">← All incidents</a></p>
<h1>${esc(i.code)}</h1>
<p>${date(i)}${i.place_en ? `, ${esc(i.place_en)}` : ''}${i.place_ar ? ` <span lang="ar" dir="rtl">${esc(i.place_ar)}</span>` : ''}${i.governorate ? `, ${esc(i.governorate)}` : ''}${i.country ? `, ${esc(i.country)}` : ''}</p>
<p>Grade: <strong>${esc(gradeLabel(i.grade))}</strong>. Status: ${esc(WORKFLOW_LABELS[i.status as WorkflowStatus] ?? i.status)}. Geolocation: ${i.latitude !== null && i.latitude !== undefined ? `${esc(i.latitude)}, ${esc(i.longitude)} (${esc(i.geo_precision ?? 'precision unknown')})` : 'not geolocated'}.</p>
${i.summary ? `<p>${esc(i.summary)}</p>` : ''}
${i.grade_rationale ? `<h2>Grade rationale</h2><p>${esc(i.grade_rationale)}</p>` : ''}
<h2>Casualties</h2><table><tbody>${harm}</tbody></table>
<h2>Belligerents</h2>${bel ? `<ul>${bel}</ul>` : '<p class="muted">None recorded.</p>'}
<h2>Victims</h2>${vic ? `<ul>${vic}</ul>` : '<p class="muted">None recorded.</p>'}
<h2>Sources</h2>${src ? `<ul>${src}</ul>` : '<p class="muted">None in this bundle.</p>'}`,
      ),
    };
  }
}
