/**
 * `exportCsv(cf, dir)`: the case file as the Airwars five-file layout, with the archive's
 * headers in the archive's column order. Imported records give back the archive's text exactly
 * (raw values are kept with each record); a value changed in the app is written from the model,
 * and records made in the app are written from the model with blanks where they have no value.
 * Incidents come in archive order (their `sequence`), then the others by code; each incident's
 * sources, victims, belligerents and links in their order.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../audit';
import type { CaseFile } from '../casefile';
import { csvLine } from '../import/csv';
import { BELLIGERENTS, INCIDENTS, LINKS, SOURCES, VICTIMS, type FileLayout } from '../import/airwars/layout';
import { extraOf, writeRow, type Extra, type Values } from '../import/airwars/record';
import { listedCodes } from '../import/airwars/sync';

export interface ExportResult {
  dir: string;
  files: { file: string; rows: number }[];
}

/** Buffered writing of one CSV file. */
function csvFile(path: string, header: readonly string[]) {
  const fd = openSync(path, 'w');
  let buf = csvLine(header);
  let rows = 0;
  return {
    row(fields: readonly string[]) {
      buf += csvLine(fields);
      rows++;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    },
    close(): number {
      writeSync(fd, buf);
      closeSync(fd);
      return rows;
    },
  };
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r[key] as string;
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return m;
}

/** The archive's previous_reference_codes_json, with codes added in the app appended. */
function previousCodesJson(raw: string | undefined, codes: string[]): string {
  const listed = listedCodes(raw);
  const missing = codes.filter((c) => !listed.includes(c));
  if (missing.length === 0) return raw ?? '';
  let list: unknown[] = [];
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    if (Array.isArray(parsed)) list = parsed;
  } catch {
    list = [];
  }
  return JSON.stringify([...list, ...missing.map((c) => ({ previous_unique_reference_code: c }))]);
}

export function exportCsv(cf: CaseFile, dir: string): ExportResult {
  mkdirSync(dir, { recursive: true });
  const db = cf.db;
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const incidents = all('SELECT * FROM incidents').map((row) => ({ row, extra: extraOf(row.extra_json) }));
  const seq = (e: Extra) => (e.sequence !== undefined && /^\d+$/.test(e.sequence) ? Number(e.sequence) : Infinity);
  incidents.sort((a, b) => seq(a.extra) - seq(b.extra) || (a.row.code as string).localeCompare(b.row.code as string));
  const codes = groupBy(all("SELECT code, incident_id FROM incident_codes WHERE kind = 'previous' ORDER BY code"), 'incident_id');
  const children: [FileLayout, Map<string, Row[]>][] = [
    [SOURCES, groupBy(all('SELECT s.*, si.incident_id, si.ord AS ord FROM source_incidents si JOIN sources s ON s.id = si.source_id ORDER BY si.incident_id, si.ord, s.created_at'), 'incident_id')],
    [VICTIMS, groupBy(all('SELECT * FROM victims ORDER BY incident_id, ord'), 'incident_id')],
    [BELLIGERENTS, groupBy(all('SELECT b.*, r.text AS report_text, r.url AS report_url FROM incident_belligerents b LEFT JOIN strike_reports r ON r.id = b.strike_report_id ORDER BY b.incident_id, b.ord'), 'incident_id')],
    [LINKS, groupBy(all('SELECT * FROM incident_web_links ORDER BY incident_id, ord'), 'incident_id')],
  ];

  const out = csvFile(join(dir, INCIDENTS.file), INCIDENTS.header);
  const childOut = children.map(([layout]) => csvFile(join(dir, layout.file), layout.header));
  for (const { row, extra } of incidents) {
    const id = row.id as string;
    const prev = (codes.get(id) ?? []).map((c) => c.code as string);
    const own = prev.length > 0 ? { ...extra, previous_reference_codes_json: previousCodesJson(extra.previous_reference_codes_json, prev) } : extra;
    out.row(writeRow(INCIDENTS, row as Values, own));
    const parent: Extra = { sequence: extra.sequence ?? '', code: row.code as string, incident_url: extra.incident_url ?? '' };
    children.forEach(([layout, byIncident], i) => {
      for (const child of byIncident.get(id) ?? []) childOut[i]!.row(writeRow(layout, child as Values, extraOf(child.extra_json), parent));
    });
  }
  const files = [{ file: INCIDENTS.file, rows: out.close() }, ...children.map(([layout], i) => ({ file: layout.file, rows: childOut[i]!.close() }))];
  return { dir, files };
}
