/**
 * Why a CSV file or one of its rows could not be imported, in words. lib/core has no browser APIs: English by default,
 * the reader's language from lib/services/import-words.
 */
export interface ImportWords {
  tooBig(size: string, limit: string): string;
  longCell(row: number, max: number): string;
  unclosedQuote(line: number): string;
  /** The file's first row, shown (`Date, Hours, …`), is not a Toggl / Clockify header. */
  notAReport(start: string): string;
  readonly empty: string;
  /** `“Start date”, “Duration”`. */
  missingColumns(columns: string): string;
  cellCount(cells: number, header: number): string;
  startNotDate(typed: string): string;
  startNotTime(typed: string): string;
  durationNegative(typed: string): string;
  durationNotHms(typed: string): string;
  startOutOfRange(typed: string): string;
  startMissing(typed: string): string;
  endNotDate(typed: string): string;
  endNotTime(typed: string): string;
  endMissing(typed: string): string;
  readonly endsBeforeStart: string;
  readonly longerThanWeek: string;
  longNote(max: number): string;
  /** A Jira key whose project is on more than one connected site. */
  ambiguous(key: string, hosts: readonly string[]): string;
  readonly noItem: string;
}

export const ENGLISH_IMPORT_WORDS: ImportWords = {
  tooBig: (size, limit) => `The file is ${size}; Stint reads CSV files up to ${limit}. Export a shorter date range.`,
  longCell: (row, max) => `Row ${row} has a cell longer than ${max.toLocaleString('en')} characters.`,
  unclosedQuote: (line) => `A quoted cell opened before line ${line} is never closed: the file is cut short or not a CSV file.`,
  notAReport: (start) => `This is not a Toggl Track or Clockify detailed report: its first row should name columns such as “Description”, “Start date” and “Duration”, but it starts “${start}”.`,
  empty: 'The file is empty.',
  missingColumns: (columns) => `The file has no ${columns} column.`,
  cellCount: (cells, header) => `It has ${cells} cells; the header has ${header}.`,
  startNotDate: (typed) => `The start date “${typed}” is not a date.`,
  startNotTime: (typed) => `The start time “${typed}” is not a time.`,
  durationNegative: (typed) => `The duration “${typed}” is negative.`,
  durationNotHms: (typed) => `The duration “${typed}” is not hours:minutes:seconds.`,
  startOutOfRange: (typed) => `The start date “${typed}” is out of range.`,
  startMissing: (typed) => `The start date “${typed}” does not exist.`,
  endNotDate: (typed) => `The end date “${typed}” is not a date.`,
  endNotTime: (typed) => `The end time “${typed}” is not a time.`,
  endMissing: (typed) => `The end date “${typed}” does not exist.`,
  endsBeforeStart: 'It ends before it starts.',
  longerThanWeek: 'It lasts longer than a week.',
  longNote: (max) => `The description is longer than ${max.toLocaleString('en')} characters.`,
  ambiguous: (key, hosts) => `${key} could be on ${hosts.join(' or ')}: put the issue's URL in the description.`,
  noItem: 'No issue URL, and no key of a Jira project Stint knows, in the description or task.',
};
