import { describe, expect, it } from 'vitest';
import { csvField, csvLine, parseCsv, readCsvTable, type CsvIssue } from '../../db/import/csv';
import { plainCsv } from './helpers';

const rows = (text: string) => [...parseCsv(text)].map((r) => [r.line, ...r.fields]);

describe('CSV reader', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, with physical line numbers', () => {
    const text = 'a,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"Twitter\nArabic",z\r\n3,"two\r\nlines\r\nmore",w\r\n4,,\r\n';
    expect(rows(text)).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', 'x, y', 'he said "hi"'],
      [3, '2', 'Twitter\nArabic', 'z'],
      [5, '3', 'two\r\nlines\r\nmore', 'w'],
      [8, '4', '', ''],
    ]);
  });

  it('takes LF or CRLF, a byte-order mark, no final line break, and skips blank lines', () => {
    expect(rows('\ufeffa,b\n1,2\n\n3,4')).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [4, '3', '4'],
    ]);
    expect(rows('a\r\n"q"\r\n')).toEqual([
      [1, 'a'],
      [2, 'q'],
    ]);
    expect(rows('x,"",y\n')).toEqual([[1, 'x', '', 'y']]);
    expect(rows('a,b,\n')).toEqual([[1, 'a', 'b', '']]);
  });

  it('reports an unterminated quote by the line it opens on, keeping the rest as that field', () => {
    const issues: CsvIssue[] = [];
    const out = [...parseCsv('a,b\n1,2\n3,"never closed\n4,5\n', issues)];
    expect(out.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', 'never closed\n4,5\n']]);
    expect(issues).toEqual([{ line: 3, row: 3, message: expect.stringMatching(/never closed/) }]);
  });

  it('reports text after a closing quote and a stray quote, keeping what was written', () => {
    const issues: CsvIssue[] = [];
    const out = [...parseCsv('a,b\n"x"y,2\nab"c,3\n', issues)];
    expect(out.map((r) => r.fields)).toEqual([['a', 'b'], ['xy', '2'], ['ab"c', '3']]);
    expect(issues.map((i) => i.line)).toEqual([2, 3]);
    expect(issues[0]!.message).toMatch(/after a closing quote/);
    expect(issues[1]!.message).toMatch(/quote inside an unquoted field/);
  });

  it('reports ragged rows by line and keeps them as written', () => {
    const t = readCsvTable('a,b,c\n1,2,3\n4,5\n6,7,8,9\n"multi\nline",x,y\n10,11,12\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 7]);
    expect(t.issues).toEqual([
      { line: 3, row: 3, message: 'row has 2 fields where the header has 3' },
      { line: 4, row: 4, message: 'row has 4 fields where the header has 3' },
    ]);
    expect(t.rows[1]!.fields).toEqual(['4', '5']);
  });

  it('agrees with a plain reference reader on awkward input', () => {
    const text = 'h1,h2,h3\r\n"a""b",",",""\r\n"line\nbreak","x\r\ny",z\r\nplain,"quoted",\r\n';
    const mine = readCsvTable(text);
    const ref = plainCsv(text);
    expect(mine.header).toEqual(ref.header);
    expect(mine.rows.map((r) => r.fields)).toEqual(ref.rows);
    expect(mine.issues).toEqual([]);
  });
});

describe('CSV writer', () => {
  it('quotes only what must be quoted, ends rows with CRLF, and reads back unchanged', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded ')).toBe(' padded ');
    const fields = ['x', 'a,b', '"q"', 'l1\r\nl2', '', 'محمد', ' trailing '];
    const line = csvLine(fields);
    expect(line.endsWith('\r\n')).toBe(true);
    expect([...parseCsv(line)][0]!.fields).toEqual(fields);
  });
});
