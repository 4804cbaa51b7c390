/**
 * The column sets of the two detailed-report CSVs Stint reads, and the one it writes.
 *
 * Toggl Track, Reports → Detailed → Export → CSV: `User,Email,Client,Project,Task,Description,Billable,Start date,
 * Start time,End date,End time,Duration,Tags,Amount (EUR)` — `Amount ()` when no rate is set; dates `YYYY-MM-DD`, times
 * and durations `HH:MM:SS`, the file starting with a UTF-8 BOM. Evidence: Toggl's help article "Editing and uploading a
 * CSV file" (support.toggl.com/en/articles/2216070) lists the same header for its importer, and public parsers of the
 * export match it column for column (a Python importer's comment `# User,Email,Client,…,Tags,Amount ()`, a Java
 * bean `@DataField(name="Amount (EUR)", pos = 14)`, a validator expecting the BOM before `User`).
 *
 * Clockify, Reports → Detailed → Export → CSV: `Project,Client,Description,Task,User,Group,Email,Tags,Billable,
 * Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (EUR),Billable Amount (EUR)`;
 * dates and times follow the workspace's format (`09/15/2026` + `02:00 PM` by default, `15/09/2026`, `2026-09-15`, 24 h
 * times), durations `HH:MM:SS` and decimal hours. Evidence: public importers of Clockify's detailed export using this
 * header (a test fixture `…,Duration (h),Duration (decimal),Billable Rate (EUR),Billable Amount (EUR)` with
 * `09/15/2026,02:00 PM`), and readers accepting both its `Duration (h)` and summary `Time (h)` names.
 *
 * Columns are found by name (case and surrounding spaces ignored), never by position: either tool may add, drop or
 * reorder columns between versions, and both let a person hide some.
 */

export const TOGGL_COLUMNS = ['User', 'Email', 'Client', 'Project', 'Task', 'Description', 'Billable', 'Start date', 'Start time', 'End date', 'End time', 'Duration', 'Tags', 'Amount ()'] as const;

export type CsvFormat = 'toggl' | 'clockify';

/** The columns a reader needs, by role, and each format's name for them. */
export interface ColumnNames {
  readonly description: string;
  readonly task: string;
  readonly project: string;
  readonly billable: string;
  readonly startDate: string;
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  readonly duration: string;
}

export const COLUMN_NAMES: Record<CsvFormat, ColumnNames> = {
  toggl: { description: 'description', task: 'task', project: 'project', billable: 'billable', startDate: 'start date', startTime: 'start time', endDate: 'end date', endTime: 'end time', duration: 'duration' },
  clockify: { description: 'description', task: 'task', project: 'project', billable: 'billable', startDate: 'start date', startTime: 'start time', endDate: 'end date', endTime: 'end time', duration: 'duration (h)' },
};

/** Columns the readers do not use but know belong to the formats (not reported as unknown). */
const KNOWN_OTHERS = new Set(['user', 'email', 'client', 'tags', 'group', 'duration (decimal)']);
export const isKnownOther = (name: string) => KNOWN_OTHERS.has(name) || /^(billable )?(amount|rate) \(.*\)$/.test(name) || /^billable (rate|amount)/.test(name);

/** Without these a row cannot be read: their absence rejects the whole file, naming them. */
export const REQUIRED: readonly (keyof ColumnNames)[] = ['description', 'startDate', 'startTime', 'duration'];

/** Which format a header is: Clockify names its duration `Duration (h)`, Toggl plain `Duration`. */
export function detectFormat(header: readonly string[]): CsvFormat | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (!names.has('start date') || !names.has('description')) return null;
  if (names.has('duration (h)')) return 'clockify';
  if (names.has('duration')) return 'toggl';
  return null;
}
