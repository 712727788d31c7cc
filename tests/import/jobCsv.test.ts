/** What makes a spreadsheet unimportable as a table (a job fails on it before writing), by file and line. */
import { describe, expect, it } from 'vitest';
import { assertReadableCsv, CsvUnreadable } from '../../db/import/jobCsv';

describe('a CSV an import job can read', () => {
  it('passes a table with row-level trouble, which is kept and reported as data problems instead', () => {
    expect(() => assertReadableCsv('Ref,Killed\nA1,4\nA2,4,extra\nA3,x"y\n', 'ok.csv')).not.toThrow();
  });

  it('fails binary bytes, naming the line of the first NUL', () => {
    expect(() => assertReadableCsv('Ref,Killed\nA1,4\nA2\u0000,1\n', 'sheet.xlsx.csv')).toThrow(/^sheet\.xlsx\.csv line 3: the file holds binary data/);
  });

  it('fails a file with no header row', () => {
    expect(() => assertReadableCsv('', 'empty.csv')).toThrow(new CsvUnreadable('empty.csv line 1: there is no header row naming the columns. Nothing was imported.'));
    expect(() => assertReadableCsv(',,\n1,2,3\n', 'blank.csv')).toThrow(/^blank\.csv line 1: there is no header row/);
  });

  it('fails a quote that never closes, saying how much of the file it would swallow', () => {
    expect(() => assertReadableCsv('Ref,Place\nA1,"Mosul\nA2,Raqqa\nA3,Hama\n', 'list.csv')).toThrow(/^list\.csv line 2: .*never closed.*the rest of the file \(2 more lines\)/);
  });
});
