import { ENGLISH_IMPORT_WORDS, type ImportWords } from './portability/import-words';

/**
 * A small RFC 4180 reader and writer: quoted cells (with `""` inside), CRLF / LF / CR line ends, a leading BOM. Bounded,
 * so a hostile or mistaken file (a 5 MB binary, a million rows) ends in a clear error instead of a hung worker.
 */

export interface CsvLimits {
  /** Characters in the whole text. */
  readonly maxChars: number;
  /** Rows, the header included. */
  readonly maxRows: number;
  readonly maxCellsPerRow: number;
  readonly maxCellChars: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxChars: 8_000_000, maxRows: 50_001, maxCellsPerRow: 64, maxCellChars: 10_000 };

export type CsvRead = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly error: string };

const megabytes = (chars: number) => `${(chars / 1_000_000).toFixed(1)} MB`;

/** Rows of cells; never throws. A quote left open at the end of the text is an error (the rest would be one cell). */
export function readCsv(input: string, limits: CsvLimits = DEFAULT_CSV_LIMITS, words: ImportWords = ENGLISH_IMPORT_WORDS): CsvRead {
  if (input.length > limits.maxChars) return { ok: false, error: words.tooBig(megabytes(input.length), megabytes(limits.maxChars)) };
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let cellStarted = false;
  let line = 1;
  const endCell = (): string | null => {
    if (cell.length > limits.maxCellChars) return `Row ${rows.length + 1} has a cell longer than ${limits.maxCellChars.toLocaleString('en')} characters.`;
    row.push(cell);
    cell = '';
    cellStarted = false;
    return row.length > limits.maxCellsPerRow ? `Row ${rows.length + 1} has more than ${limits.maxCellsPerRow} cells.` : null;
  };
  const endRow = (): string | null => {
    const error = endCell();
    if (error) return error;
    rows.push(row);
    row = [];
    return rows.length > limits.maxRows ? `The file has more than ${(limits.maxRows - 1).toLocaleString('en')} rows; export a shorter date range.` : null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
        if (cell.length > limits.maxCellChars) return { ok: false, error: words.longCell(rows.length + 1, limits.maxCellChars) };
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === ',') {
      const error = endCell();
      if (error) return { ok: false, error };
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      const error = endRow();
      if (error) return { ok: false, error };
    } else {
      // A quote inside an unquoted cell is kept as text (as spreadsheets do), not an error.
      cell += ch;
      cellStarted = true;
      if (cell.length > limits.maxCellChars) return { ok: false, error: words.longCell(rows.length + 1, limits.maxCellChars) };
    }
  }
  if (quoted) return { ok: false, error: words.unclosedQuote(line) };
  if (cell !== '' || cellStarted || row.length > 0) {
    const error = endRow();
    if (error) return { ok: false, error };
  }
  return { ok: true, rows };
}

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab / CR that some apps strip first) gets a
 * leading `'`, so an exported note like `=HYPERLINK(…)` stays text (CSV injection).
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV text with CRLF line ends (RFC 4180); every cell guarded against formula injection. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quote(guardFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
