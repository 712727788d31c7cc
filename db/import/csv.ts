/**
 * RFC 4180 CSV: a fast reader that keeps physical line numbers and reports malformed input,
 * and a writer whose output the reader (and Python's csv module) reads back unchanged.
 *
 * Reader: fields separated by commas, rows by CRLF or LF; a quoted field may hold commas,
 * doubled quotes and line breaks (kept exactly as written, CR included). A row's `line` is the
 * 1-based physical line it starts on. Blank lines carry no data and are skipped. What breaks the
 * format is kept as well as it can be and reported by line: a quote that is never closed (the
 * rest of the file becomes that field), text after a closing quote, a stray quote inside an
 * unquoted field. Rows whose width differs from the header's are reported by `readCsvTable`.
 */

export interface CsvRow {
  /** 1-based physical line on which the row starts. */
  line: number;
  fields: string[];
}

export interface CsvIssue {
  /** The physical line where the problem is. */
  line: number;
  /** The line on which the row holding it starts. */
  row: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parse CSV text row by row. Issues are pushed to `issues` as they are met. */
export function* parseCsv(text: string, issues: CsvIssue[] = []): Generator<CsvRow> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Position of the next quote at or after i (n when none): lines before it take the fast path.
  let nextQuote = text.indexOf('"', i);
  if (nextQuote < 0) nextQuote = n;

  while (i < n) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    const end = eol > i && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
    if (nextQuote < i) {
      nextQuote = text.indexOf('"', i);
      if (nextQuote < 0) nextQuote = n;
    }
    if (nextQuote >= end) {
      // Fast path: no quote on this physical line, so it is exactly one row.
      if (end > i) yield { line, fields: text.slice(i, end).split(',') };
      i = eol + 1;
      line++;
      continue;
    }
    // Slow path: walk the row field by field.
    const rowLine = line;
    const fields: string[] = [];
    let nextLf = eol;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let value = '';
        let j = i + 1;
        let closed = false;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0) {
            value += text.slice(j);
            line += countLf(text, j, n);
            i = n;
            break;
          }
          line += countLf(text, j, k);
          if (text.charCodeAt(k + 1) === QUOTE) {
            value += text.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          value += text.slice(j, k);
          i = k + 1;
          closed = true;
          break;
        }
        if (!closed) {
          issues.push({ line: openLine, row: rowLine, message: 'a quoted field opened on this line is never closed: the rest of the file was read into it' });
        } else {
          const c = text.charCodeAt(i);
          if (i < n && c !== COMMA && c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF)) {
            // Text after the closing quote: keep it with the field.
            const stop = unquotedEnd(text, i, n);
            issues.push({ line, row: rowLine, message: `text after a closing quote (${JSON.stringify(text.slice(i, Math.min(stop, i + 20)))}) was kept with the field` });
            value += text.slice(i, stop);
            i = stop;
          }
        }
        fields.push(value);
      } else {
        if (nextLf < i) {
          nextLf = text.indexOf('\n', i);
          if (nextLf < 0) nextLf = n;
        }
        let stop = text.indexOf(',', i);
        if (stop < 0 || stop > nextLf) stop = nextLf > i && text.charCodeAt(nextLf - 1) === CR ? nextLf - 1 : nextLf;
        if (nextQuote < i) {
          nextQuote = text.indexOf('"', i);
          if (nextQuote < 0) nextQuote = n;
        }
        if (nextQuote < stop) issues.push({ line, row: rowLine, message: 'a quote inside an unquoted field was kept as written' });
        fields.push(text.slice(i, stop));
        i = stop;
      }
      // Now at a delimiter, a line end or the end of the text.
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else if (c === LF) i += 1;
      if (i <= n) line++;
      break;
    }
    yield { line: rowLine, fields };
  }
}

/** End of an unquoted field: the next comma or line end (LF or CRLF). */
function unquotedEnd(text: string, from: number, n: number): number {
  for (let k = from; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === COMMA || c === LF || (c === CR && text.charCodeAt(k + 1) === LF)) return k;
  }
  return n;
}

function countLf(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}

export interface CsvTable {
  header: string[];
  /** The data rows, each as wide as written (see `issues` for rows of another width). */
  rows: CsvRow[];
  issues: CsvIssue[];
  /** Physical lines in the text (for progress and reports). */
  lines: number;
}

/** Parse CSV text whose first row is a header; report rows wider or narrower than it. */
export function readCsvTable(text: string): CsvTable {
  const issues: CsvIssue[] = [];
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  for (const row of parseCsv(text, issues)) {
    if (header === null) {
      header = row.fields;
      continue;
    }
    if (row.fields.length !== header.length) {
      issues.push({
        line: row.line,
        row: row.line,
        message: `row has ${row.fields.length} fields where the header has ${header.length}`,
      });
    }
    rows.push(row);
  }
  issues.sort((a, b) => a.line - b.line);
  return { header: header ?? [], rows, issues, lines: countLf(text, 0, text.length) + (text.endsWith('\n') ? 0 : 1) };
}

/** Quote a field only when it must be (Python's QUOTE_MINIMAL): it holds , " CR or LF. */
export function csvField(value: string): string {
  if (value === '') return value;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === COMMA || c === QUOTE || c === LF || c === CR) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** One row of CSV, terminated by CRLF as RFC 4180 (and the Airwars archive) has it. */
export function csvLine(fields: readonly string[]): string {
  let out = '';
  for (let k = 0; k < fields.length; k++) out += (k ? ',' : '') + csvField(fields[k]!);
  return `${out}\r\n`;
}
