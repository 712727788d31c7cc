/**
 * Importing a belligerent's strike log from CSV: each line a strike report (date, place text,
 * MGRS or latitude/longitude, target, text, URL, belligerent). Columns are mapped by name, guessed
 * where not given. Every bad line is reported by line and column; by default a log with any bad
 * line saves nothing (fix it and import again), or the good lines are saved when asked. A line
 * identical to a report already in the case is not logged twice, so a log can be imported again.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { strikeReportInputSchema, type StrikeCsvField } from '../../shared/strikeSchemas';
import { change, type Row } from '../audit';
import type { CaseFile } from '../casefile';
import { HandlerError } from '../errors';
import { readCsvTable } from '../import/csv';
import { strikeReportToRow } from '../strikeReports';
import { guessMapping, parseLogDate } from './strikeCsvFields';

type Problem = { line: number; column: string | null; message: string };

const FIELD_PATH: Record<string, StrikeCsvField> = {
  date: 'date', placeText: 'placeText', mgrs: 'mgrs', latitude: 'latitude', longitude: 'longitude', target: 'target', text: 'text', url: 'url', belligerent: 'belligerent',
};

/** The identity of a report for "already in the case": what it says, not when it was logged. */
function identity(r: Row): string {
  return [r.belligerent, r.report_date, r.mgrs, r.latitude, r.longitude, r.place_text, r.target, r.text, r.url].map((v) => String(v ?? '')).join('\u001f');
}

function parseNumber(raw: string): number | null | 'bad' {
  const s = raw.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

export function importStrikeCsv(cf: CaseFile, input: ChannelParsedInput<'strikes:importCsv'>): ChannelOutput<'strikes:importCsv'> {
  const table = readCsvTable(input.csv);
  if (table.header.length === 0) throw new HandlerError('invalid_input', 'The strike log has no header line naming its columns. Nothing was saved.');
  for (const [field, col] of Object.entries(input.mapping ?? {})) {
    if (!table.header.includes(col)) {
      throw new HandlerError('invalid_input', `The mapping names a column "${col}" (for ${field}) that the log does not have; its columns are ${table.header.join(', ')}. Nothing was saved.`, [
        { path: `mapping.${field}`, message: `No column "${col}"` },
      ]);
    }
  }
  const mapping = guessMapping(table.header, input.mapping ?? {});
  if (!mapping.date) {
    throw new HandlerError('invalid_input', `No column of the strike log looks like the date (columns: ${table.header.join(', ')}). Say which one with a mapping. Nothing was saved.`, [
      { path: 'mapping.date', message: 'Which column holds the date?' },
    ]);
  }
  const problems: Problem[] = table.issues.map((i) => ({ line: i.line, column: null, message: i.message }));
  const badLines = new Set(problems.map((p) => p.line));
  const col = Object.fromEntries(Object.entries(mapping).map(([f, c]) => [f, table.header.indexOf(c)])) as Partial<Record<StrikeCsvField, number>>;
  const existing = new Set((cf.db.prepare('SELECT * FROM strike_reports').all() as Row[]).map(identity));
  const fileName = input.fileName ?? 'a strike log';
  const good: { line: number; row: Row }[] = [];
  let alreadyPresent = 0;
  for (const { line, fields } of table.rows) {
    const cell = (f: StrikeCsvField) => (col[f] === undefined ? '' : (fields[col[f]!] ?? ''));
    const lineProblems: Problem[] = [];
    const say = (f: StrikeCsvField, message: string) => lineProblems.push({ line, column: mapping[f] ?? f, message });
    let date: string | null = null;
    if (cell('date').trim() === '') say('date', 'no date: the matcher needs the day of the strike');
    else {
      const d = parseLogDate(cell('date'));
      if (d.ok) date = d.date;
      else say('date', d.message);
    }
    const lat = parseNumber(cell('latitude'));
    const lon = parseNumber(cell('longitude'));
    if (lat === 'bad') say('latitude', `"${cell('latitude').trim()}" is not a number`);
    if (lon === 'bad') say('longitude', `"${cell('longitude').trim()}" is not a number`);
    const candidate = {
      belligerent: cell('belligerent').trim() || input.belligerent?.trim() || null,
      date,
      placeText: cell('placeText'),
      mgrs: cell('mgrs'),
      latitude: lat === 'bad' ? null : lat,
      longitude: lon === 'bad' ? null : lon,
      target: cell('target'),
      text: cell('text'),
      url: cell('url'),
    };
    if (lineProblems.length === 0) {
      const parsed = strikeReportInputSchema.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) say(FIELD_PATH[String(issue.path[0])] ?? 'text', issue.message);
      } else {
        try {
          const row = strikeReportToRow(parsed.data);
          if (existing.has(identity(row))) alreadyPresent++;
          else {
            existing.add(identity(row));
            good.push({ line, row });
          }
        } catch (e) {
          say('mgrs', e instanceof HandlerError && e.issues?.[0] ? e.issues[0].message : String(e));
        }
      }
    }
    if (lineProblems.length) badLines.add(line);
    problems.push(...lineProblems);
  }
  problems.sort((a, b) => a.line - b.line);
  const save = !input.dryRun && good.length > 0 && (problems.length === 0 || input.skipBadLines);
  const toSave = good.filter((g) => !badLines.has(g.line));
  if (save && toSave.length > 0) {
    change(cf, `Strike log imported from ${fileName}`, (w) => {
      for (const g of toSave) {
        w.insert('strike_reports', {
          id: randomUUID(),
          ...g.row,
          extra_json: JSON.stringify({ origin: `strike log ${fileName}, line ${g.line}` }),
          created_at: w.at,
        });
      }
    });
  }
  return {
    created: save ? toSave.length : 0,
    lines: table.rows.length,
    alreadyPresent,
    mapping: mapping as Record<string, string>,
    problems,
    saved: save && toSave.length > 0,
  };
}
