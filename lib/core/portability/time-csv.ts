import { readCsv, type CsvLimits, DEFAULT_CSV_LIMITS } from '../csv';
import { ENGLISH_IMPORT_WORDS } from './import-words';
import { LOCAL_AUTHOR, type TimeEntry } from '../entry';
import { digest, stableJson } from './ids';
import { COLUMN_NAMES, detectFormat, isKnownOther, REQUIRED, type ColumnNames, type CsvFormat } from './columns';
import { findItem, type MatchContext } from './match';
import { instantOf, type WallClock } from './zone';

/** A row read into an entry-to-be: which item, when, what was done. */
export interface CandidateEntry {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  readonly row: number;
  readonly itemKey: string;
  readonly start: number;
  readonly end: number;
  readonly note: string;
  readonly billable: boolean;
  /** The item's page: the URL found, or the Jira issue's page for a bare key. */
  readonly url: string | null;
}

/** A row left out, and why, with the start of its text so the person can find it. */
export interface RowProblem {
  readonly row: number;
  readonly reason: string;
  readonly text: string;
}

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export type TimeCsvRead =
  | { readonly ok: false; readonly error: string }
  | {
      readonly ok: true;
      readonly format: CsvFormat;
      readonly candidates: CandidateEntry[];
      readonly rejected: RowProblem[];
      readonly unmatched: RowProblem[];
      /** Columns neither format has: ignored, and said so. */
      readonly unknownColumns: string[];
      /** How `03/04/2026` was read; `ambiguous` when nothing in the file told month from day. */
      readonly dates: { readonly order: DateOrder; readonly ambiguous: boolean };
    };

export interface TimeCsvOptions extends MatchContext {
  /** The zone the file's local times are in (the person's own). */
  readonly timeZone: string;
  readonly limits?: CsvLimits;
}

const MAX_NOTE = 2000;
const MAX_ENTRY_MS = 7 * 24 * 3600 * 1000;
const SHOWN = 160;

const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_PARTS = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function readDate(text: string, order: DateOrder): Pick<WallClock, 'year' | 'month' | 'day'> | null {
  const iso = DATE_ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const parts = DATE_PARTS.exec(text);
  if (!parts) return null;
  const [a, b, year] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  return order === 'dmy' ? { year, month: b, day: a } : { year, month: a, day: b };
}

function readTime(text: string): Pick<WallClock, 'hour' | 'minute' | 'second'> | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : null;
}

/** Seconds of `H:MM:SS` (hours unbounded) or `H:MM`; `negative` for a leading minus; null when unreadable. */
function readClockDuration(text: string): number | 'negative' | null {
  if (/^-\s*\d/.test(text)) return 'negative';
  const m = /^(\d{1,6}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : null;
}

/** Month/day order from every slashed date in the file: a first part over 12 is a day, a second part over 12 too. */
function dateOrderOf(cells: readonly string[], format: CsvFormat): { order: DateOrder; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let slashed = false;
  for (const cell of cells) {
    const parts = DATE_PARTS.exec(cell.trim());
    if (!parts) continue;
    slashed = true;
    if (Number(parts[1]) > 12) dayFirst = true;
    if (Number(parts[2]) > 12) monthFirst = true;
  }
  if (!slashed) return { order: 'ymd', ambiguous: false };
  if (dayFirst !== monthFirst) return { order: dayFirst ? 'dmy' : 'mdy', ambiguous: false };
  // Nothing tells them apart (or the file mixes both): Clockify's and Toggl's default is month first.
  return { order: format === 'clockify' || format === 'toggl' ? 'mdy' : 'dmy', ambiguous: true };
}

const shown = (cells: readonly string[]) => {
  const text = cells.join(', ');
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
};

const withUrlRemoved = (text: string, url: string | null) => (url ? text.replace(url, '') : text).replace(/\s+/g, ' ').trim();

/**
 * A Toggl Track or Clockify detailed report, read into candidate entries. Never throws: a file that cannot be read at
 * all is an error naming why; a row that cannot be read is rejected with its reason; a row whose item cannot be found
 * is listed as unmatched. Nothing is dropped silently.
 */
export function readTimeCsv(text: string, options: TimeCsvOptions): TimeCsvRead {
  const words = options.words ?? ENGLISH_IMPORT_WORDS;
  // The header first: a file that is no report at all (5 MB of something else) is told so, not read to its end.
  const firstLine = /^[^\r\n]{0,10000}/.exec(text)?.[0] ?? '';
  const head = readCsv(firstLine, options.limits ?? DEFAULT_CSV_LIMITS, words);
  const headFormat = head.ok && head.rows[0] ? detectFormat(head.rows[0]) : null;
  if (!headFormat && text.trim() !== '') {
    const start = head.ok ? shown(head.rows[0]?.slice(0, 6) ?? []) : firstLine.slice(0, SHOWN);
    return { ok: false, error: words.notAReport(start) };
  }
  const csv = readCsv(text, options.limits ?? DEFAULT_CSV_LIMITS, words);
  if (!csv.ok) return csv;
  const [header, ...body] = csv.rows;
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, error: words.empty };
  const format = detectFormat(header);
  const names = header.map((h) => h.trim().toLowerCase());
  if (!format) return { ok: false, error: words.notAReport(shown(header.slice(0, 6))) };
  const wanted = COLUMN_NAMES[format];
  const at = Object.fromEntries((Object.entries(wanted) as [keyof ColumnNames, string][]).map(([role, name]) => [role, names.indexOf(name)])) as Record<keyof ColumnNames, number>;
  const missing = REQUIRED.filter((role) => at[role] < 0).map((role) => `“${wanted[role]}”`);
  if (missing.length > 0) return { ok: false, error: words.missingColumns(missing.join(', ')) };
  const used = new Set(Object.values(wanted));
  const unknownColumns = header.filter((_, i) => !used.has(names[i] ?? '') && !isKnownOther(names[i] ?? '')).map((h) => h.trim());

  const cell = (cells: readonly string[], role: keyof ColumnNames) => (at[role] >= 0 ? (cells[at[role]] ?? '').trim() : '');
  const dates = dateOrderOf(
    body.flatMap((cells) => [cell(cells, 'startDate'), cell(cells, 'endDate')]),
    format,
  );
  const candidates: CandidateEntry[] = [];
  const rejected: RowProblem[] = [];
  const unmatched: RowProblem[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return; // a blank line (often the last one)
    const reject = (reason: string) => void rejected.push({ row, reason, text: shown(cells) });
    if (cells.length !== header.length) return reject(words.cellCount(cells.length, header.length));
    const startDate = readDate(cell(cells, 'startDate'), dates.order);
    if (!startDate) return reject(words.startNotDate(cell(cells, 'startDate')));
    const startTime = readTime(cell(cells, 'startTime'));
    if (!startTime) return reject(words.startNotTime(cell(cells, 'startTime')));
    const duration = readClockDuration(cell(cells, 'duration'));
    if (duration === 'negative') return reject(words.durationNegative(cell(cells, 'duration')));
    if (duration === null) return reject(words.durationNotHms(cell(cells, 'duration')));
    if (startDate.year < 1970 || startDate.year > 2200) return reject(words.startOutOfRange(cell(cells, 'startDate')));
    const start = instantOf({ ...startDate, ...startTime }, options.timeZone);
    if (start === null) return reject(words.startMissing(cell(cells, 'startDate')));
    let end = start + duration * 1000;
    if (cell(cells, 'endDate') !== '' || cell(cells, 'endTime') !== '') {
      const endDate = readDate(cell(cells, 'endDate'), dates.order);
      if (!endDate) return reject(words.endNotDate(cell(cells, 'endDate')));
      const endTime = readTime(cell(cells, 'endTime'));
      if (!endTime) return reject(words.endNotTime(cell(cells, 'endTime')));
      const read = instantOf({ ...endDate, ...endTime }, options.timeZone);
      if (read === null || endDate.year > 2200) return reject(words.endMissing(cell(cells, 'endDate')));
      end = read;
    }
    if (end < start) return reject(words.endsBeforeStart);
    if (end - start > MAX_ENTRY_MS) return reject(words.longerThanWeek);
    const description = cell(cells, 'description');
    const match = findItem([description, cell(cells, 'task')], options);
    if (match.itemKey === null) return void unmatched.push({ row, reason: match.reason, text: shown(cells) });
    const note = withUrlRemoved(description, match.url);
    if (note.length > MAX_NOTE) return reject(words.longNote(MAX_NOTE));
    const billable = /^(yes|true|1|billable)$/i.test(cell(cells, 'billable'));
    candidates.push({ row, itemKey: match.itemKey, start, end, note, billable, url: match.url });
  });
  return { ok: true, format, candidates, rejected, unmatched, unknownColumns, dates };
}

/**
 * The entry a row becomes: the person's own, local (written to a provider only when they ask). Its id comes from the
 * row's content, so importing the same file twice finds the entries it made the first time.
 */
export function entryOfCandidate(candidate: CandidateEntry, now: number): TimeEntry {
  return {
    id: `csv-${digest(stableJson([candidate.itemKey, candidate.start, candidate.end, candidate.note]))}`,
    itemKey: candidate.itemKey,
    start: candidate.start,
    end: candidate.end,
    note: candidate.note,
    billable: candidate.billable,
    author: LOCAL_AUTHOR,
    origin: 'local',
    remote: {},
    sync: 'local',
    updatedAt: now,
    deletedAt: null,
  };
}
