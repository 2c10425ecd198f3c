import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, and keeps line numbers', () => {
    const r = parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n\n2,"two\nlines",z\n3,,\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
        { line: 4, cells: ['2', 'two\nlines', 'z'] },
        { line: 6, cells: ['3', '', ''] },
      ],
    });
  });

  it('switches to tabs when the header has tabs and no commas, and reports an open quote', () => {
    expect(parseCsv('a\tb\n1,5\t2')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1,5', '2'] },
      ],
    });
    expect(parseCsv('a,b\n1,"open\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('takes old Mac line ends and mixed ones, keeps a stray quote as text, and reports an open quote where its record starts', () => {
    expect(parseCsv('a,b\r1,x"y\n\r\n2,"z"')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['1', 'x"y'] },
        { line: 4, cells: ['2', 'z'] },
      ],
    });
    expect(parseCsv('a\n"two\nlines"\n\nb,"open\nmore\n')).toMatchObject({ ok: false, line: 5 });
  });
});
