/**
 * When a spreadsheet cannot be imported as a table at all, say so by file and line before
 * anything is written. Row-level trouble (a ragged row, a stray quote) is not fatal: it is kept
 * and reported as a data problem like any other. What is fatal: no text (binary bytes), no
 * header row, and a quoted field that never closes, which would swallow the rest of the file
 * into one field.
 */
import { readCsvTable } from './csv';

export class CsvUnreadable extends Error {
  override name = 'CsvUnreadable';
}

/** Throws CsvUnreadable naming the file and line; returns quietly when the file reads as a table. */
export function assertReadableCsv(text: string, name: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new CsvUnreadable(`${name} line ${line}: the file holds binary data (a NUL byte), so it is not a CSV text file. Nothing was imported; export it from the spreadsheet as CSV (UTF-8) and import that.`);
  }
  const table = readCsvTable(text);
  if (table.header.length === 0 || table.header.every((h) => h.trim() === '')) {
    throw new CsvUnreadable(`${name} line 1: there is no header row naming the columns. Nothing was imported.`);
  }
  const unclosed = table.issues.find((i) => /never closed/.test(i.message));
  if (unclosed) {
    const rest = table.lines - unclosed.line;
    throw new CsvUnreadable(
      `${name} line ${unclosed.line}: a quoted field opened on this line is never closed, so the rest of the file (${rest} more line${rest === 1 ? '' : 's'}) would be read into that one field. Nothing was imported; close the quote and import again.`,
    );
  }
}
