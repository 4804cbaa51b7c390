import { dayKey } from './rollup';

/**
 * The timesheet's week as a grid: items × 7 days, with totals per row, per day and for the week. Pure: the time zone,
 * the first day of the week and "now" (for a running entry) are passed in.
 */

export interface WeekDay {
  /** `YYYY-MM-DD` in the time zone. */
  readonly key: string;
  /** Local midnight, epoch ms. */
  readonly start: number;
  /** The next local midnight (23, 24 or 25 hours later around daylight-saving changes). */
  readonly end: number;
}

/** What the grid needs of an entry. */
export interface GridEntry {
  readonly id: string;
  readonly itemKey: string;
  readonly start: number;
  /** null: running, counted up to `now`. */
  readonly end: number | null;
}

export interface GridCell {
  readonly seconds: number;
  /** The entries with time in this cell (an entry crossing midnight is listed in both days), oldest first. */
  readonly entryIds: readonly string[];
}

export interface GridRow {
  readonly itemKey: string;
  readonly cells: readonly GridCell[];
  readonly total: number;
}

export interface WeekGrid {
  readonly days: readonly WeekDay[];
  readonly rows: readonly GridRow[];
  readonly dayTotals: readonly number[];
  readonly total: number;
}

const HOUR = 3_600_000;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function zoneOffset(at: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The first instant of a local calendar day (`YYYY-MM-DD`) in a zone. */
export function startOfDay(key: string, timeZone: string): number {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Two rounds settle the offset when midnight sits next to a daylight-saving change.
  let guess = wallMidnight - zoneOffset(wallMidnight, timeZone);
  guess = wallMidnight - zoneOffset(guess, timeZone);
  // A zone that skips midnight (clocks jump 00:00 → 01:00) starts its day at the first instant that exists.
  return dayKey(guess, timeZone) === key ? guess : guess + HOUR;
}

/** `YYYY-MM-DD` moved by whole calendar days. */
export function addDays(key: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar day. */
function weekday(key: string): number {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The 7 local days of the week containing `at`; `weekStartsOn` 0 = Sunday, 1 = Monday … */
export function weekContaining(at: number, timeZone: string, weekStartsOn = 1): WeekDay[] {
  const today = dayKey(at, timeZone);
  const first = addDays(today, -((weekday(today) - weekStartsOn + 7) % 7));
  return Array.from({ length: 7 }, (_, i) => {
    const key = addDays(first, i);
    return { key, start: startOfDay(key, timeZone), end: startOfDay(addDays(key, 1), timeZone) };
  });
}

/** The week before (-1) or after (+1) a week. */
export function adjacentWeek(week: readonly WeekDay[], direction: -1 | 1, timeZone: string, weekStartsOn = 1): WeekDay[] {
  const first = week[0]?.key ?? dayKey(0, timeZone);
  const key = addDays(first, 7 * direction);
  return weekContaining(startOfDay(key, timeZone) + 12 * HOUR, timeZone, weekStartsOn);
}

/**
 * The grid. Each entry's seconds are cut at local midnights; cells floor on the entry's own running total, so an
 * entry's cells add up to exactly its whole seconds (a 23:59:59.5–00:00:00.5 entry is one second, counted once).
 * Rows are ordered by item key, so arrow-key positions stay put as times change.
 */
export function weekGrid(entries: readonly GridEntry[], days: readonly WeekDay[], now: number): WeekGrid {
  const byItem = new Map<string, { seconds: number[]; ids: string[][] }>();
  const sorted = [...entries].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  for (const entry of sorted) {
    const end = Math.max(entry.start, entry.end ?? now);
    const secondsUpTo = (t: number) => Math.floor((Math.min(Math.max(t, entry.start), end) - entry.start) / 1000);
    days.forEach((day, i) => {
      const inDay = entry.start < day.end && end > day.start;
      const emptyHere = entry.start === end && entry.start >= day.start && entry.start < day.end;
      if (!inDay && !emptyHere) return;
      let row = byItem.get(entry.itemKey);
      if (!row) {
        row = { seconds: days.map(() => 0), ids: days.map(() => []) };
        byItem.set(entry.itemKey, row);
      }
      row.seconds[i] = (row.seconds[i] ?? 0) + secondsUpTo(day.end) - secondsUpTo(day.start);
      row.ids[i]?.push(entry.id);
    });
  }
  const rows = [...byItem.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([itemKey, row]) => ({
      itemKey,
      cells: row.seconds.map((seconds, i) => ({ seconds, entryIds: row.ids[i] ?? [] })),
      total: row.seconds.reduce((sum, s) => sum + s, 0),
    }));
  const dayTotals = days.map((_, i) => rows.reduce((sum, row) => sum + (row.cells[i]?.seconds ?? 0), 0));
  return { days, rows, dayTotals, total: dayTotals.reduce((sum, s) => sum + s, 0) };
}
