import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula, readCsv, writeCsv } from '../../../lib/core/csv';

describe('CSV (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF / LF / CR rows and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\ns,t,u\rlast,,';
    expect(readCsv(text)).toEqual({ ok: true, rows: [['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\r\nlines'], ['s', 't', 'u'], ['last', '', '']] });
  });

  it('keeps a trailing newline from making an empty row, and an empty quoted cell a cell', () => {
    expect(readCsv('a,b\r\n')).toEqual({ ok: true, rows: [['a', 'b']] });
    expect(readCsv('""')).toEqual({ ok: true, rows: [['']] });
    expect(readCsv('')).toEqual({ ok: true, rows: [] });
  });

  it('says so when a quote is never closed, or a limit is passed', () => {
    expect(readCsv('a,"b\nc,d')).toEqual({ ok: false, error: 'A quoted cell opened before line 2 is never closed: the file is cut short or not a CSV file.' });
    const limits = { maxChars: 100, maxRows: 3, maxCellsPerRow: 3, maxCellChars: 5 };
    expect(readCsv('x'.repeat(101), limits)).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is 0\.0 MB; Stint reads CSV files up to 0\.0 MB/) });
    expect(readCsv('a\nb\nc\nd', limits)).toEqual({ ok: false, error: 'The file has more than 2 rows; export a shorter date range.' });
    expect(readCsv('a,b,c,d', limits)).toEqual({ ok: false, error: 'Row 1 has more than 3 cells.' });
    expect(readCsv('ok\n123456', limits)).toEqual({ ok: false, error: 'Row 2 has a cell longer than 5 characters.' });
    expect(readCsv('ok\n"123456"', limits)).toEqual({ ok: false, error: 'Row 2 has a cell longer than 5 characters.' });
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', 'plain', ''].map(guardFormula)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", 'plain', '']);
    expect(writeCsv([['=HYPERLINK("x")', 'a,b'], ['line\nbreak', '']])).toBe(`"'=HYPERLINK(""x"")","a,b"\r\n"line\nbreak",\r\n`);
  });

  it('reads back whatever it writes (cells not starting with a formula character)', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, (written) => {
        expect(readCsv(writeCsv(written))).toEqual({ ok: true, rows: written });
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text (10,000 cases): rows or a reason', () => {
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', 'a', '\uFEFF', ' '), maxLength: 200 }));
    fc.assert(
      fc.property(text, (input) => {
        const read = readCsv(input, { maxChars: 150, maxRows: 20, maxCellsPerRow: 8, maxCellChars: 30 });
        if (read.ok) expect(Array.isArray(read.rows)).toBe(true);
        else expect(read.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 10_000 },
    );
  });
});
