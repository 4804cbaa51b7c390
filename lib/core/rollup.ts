import { entrySeconds, type TimeEntry } from './entry';
import { projectKeyOfItem } from './item-ref';

/**
 * Materialised sums of finished, live entries (local and the team's read back), keyed so one key-range read answers a
 * question: an item's total, its days, a project's total, days and people, a person's days. Containers (milestones,
 * sprints) are summed from their items' rows at read time, so moving an item to another sprint needs no rewrite.
 * Money is hours × rate at read time, so a changed rate needs none either.
 *
 *   item|<itemKey>                     item-day|<itemKey>|<YYYY-MM-DD>      item-person|<itemKey>|<author>
 *   project|<projectKey>               project-day|<projectKey>|<YYYY-MM-DD>
 *   project-person|<projectKey>|<author>
 *   person-day|<author>|<YYYY-MM-DD>
 *
 * Days are the entry's start day in the person's time zone (an entry across midnight counts on the day it started).
 */
export interface RollupRow {
  readonly key: string;
  readonly seconds: number;
  /** How many entries make it up: a row at zero entries is removed. */
  readonly entries: number;
}

/** What the rollups were built with: a different basis (time zone, version) means rebuild. */
export interface RollupBasis {
  readonly version: number;
  readonly timeZone: string;
}

export const ROLLUP_VERSION = 1;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in a time zone (cached formatter: this runs for every entry of a rebuild). */
export function dayKey(at: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Whether an entry counts: finished, not deleted, at least a second long. */
export function counts(entry: TimeEntry): boolean {
  return entry.end !== null && entry.deletedAt === null && entrySeconds(entry, entry.end) > 0;
}

/** The rows an entry adds its seconds to (none when it does not count). */
export function contributions(entry: TimeEntry, timeZone: string): { key: string; seconds: number }[] {
  if (!counts(entry)) return [];
  const seconds = entrySeconds(entry, entry.end!);
  const day = dayKey(entry.start, timeZone);
  const project = projectKeyOfItem(entry.itemKey) ?? `unknown:${entry.itemKey}`;
  return [
    `item|${entry.itemKey}`,
    `item-day|${entry.itemKey}|${day}`,
    `item-person|${entry.itemKey}|${entry.author}`,
    `project|${project}`,
    `project-day|${project}|${day}`,
    `project-person|${project}|${entry.author}`,
    `person-day|${entry.author}|${day}`,
  ].map((key) => ({ key, seconds }));
}

/** Per row, what changes when `before` becomes `after` (either may be absent): seconds and entry counts. */
export function rollupDelta(before: TimeEntry | undefined, after: TimeEntry | undefined, timeZone: string): Map<string, { seconds: number; entries: number }> {
  const delta = new Map<string, { seconds: number; entries: number }>();
  const add = (entry: TimeEntry | undefined, sign: 1 | -1) => {
    if (!entry) return;
    for (const { key, seconds } of contributions(entry, timeZone)) {
      const row = delta.get(key) ?? { seconds: 0, entries: 0 };
      delta.set(key, { seconds: row.seconds + sign * seconds, entries: row.entries + sign });
    }
  };
  add(before, -1);
  add(after, 1);
  for (const [key, row] of delta) if (row.seconds === 0 && row.entries === 0) delta.delete(key);
  return delta;
}

/**
 * Every row from scratch: what the incremental updates must always equal. Built for a million entries: a day is looked
 * up once per quarter hour (every zone's midnight falls on a quarter hour, so a 15-minute slot is in one local day), a
 * project once per item, and rows are summed in place.
 */
export function foldRollups(entries: Iterable<TimeEntry>, timeZone: string): Map<string, RollupRow> {
  const rows = new Map<string, { key: string; seconds: number; entries: number }>();
  const days = new Map<number, string>();
  const projects = new Map<string, string>();
  const add = (key: string, seconds: number) => {
    const row = rows.get(key);
    if (row) {
      row.seconds += seconds;
      row.entries += 1;
    } else rows.set(key, { key, seconds, entries: 1 });
  };
  for (const entry of entries) {
    if (!counts(entry)) continue;
    const seconds = entrySeconds(entry, entry.end!);
    const slot = Math.floor(entry.start / QUARTER_HOUR);
    let day = days.get(slot);
    if (day === undefined) days.set(slot, (day = dayKey(slot * QUARTER_HOUR, timeZone)));
    let project = projects.get(entry.itemKey);
    if (project === undefined) projects.set(entry.itemKey, (project = projectKeyOfItem(entry.itemKey) ?? `unknown:${entry.itemKey}`));
    add(`item|${entry.itemKey}`, seconds);
    add(`item-day|${entry.itemKey}|${day}`, seconds);
    add(`item-person|${entry.itemKey}|${entry.author}`, seconds);
    add(`project|${project}`, seconds);
    add(`project-day|${project}|${day}`, seconds);
    add(`project-person|${project}|${entry.author}`, seconds);
    add(`person-day|${entry.author}|${day}`, seconds);
  }
  return rows;
}

const QUARTER_HOUR = 900_000;

/** The key of a row, or the prefix of a kind of rows (every day of a project: `rowKey("project-day", projectKey)` + `|`). */
export function rowKey(kind: 'item' | 'item-day' | 'item-person' | 'project' | 'project-day' | 'project-person' | 'person-day', ...parts: string[]): string {
  return [kind, ...parts].join('|');
}
