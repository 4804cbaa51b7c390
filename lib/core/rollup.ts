import { entrySeconds, type TimeEntry } from './entry';
import { projectKeyOfItem } from './item-ref';

/**
 * Materialised sums of finished, live entries (local and the team's read back), keyed so one key-range read answers a
 * question: an item's total and people, a project's total, days and people, a project's days per item, a person's days.
 * Containers (milestones, sprints) are summed from their items' rows at read time, so moving an item to another sprint
 * needs no rewrite. Money is hours × rate at read time, so a changed rate needs none either.
 *
 *   item|<itemKey>                     item-person|<itemKey>|<author>
 *   project|<projectKey>               project-day|<projectKey>|<YYYY-MM-DD>     project-person|<projectKey>|<author>
 *   project-day-item|<projectKey>|<YYYY-MM-DD>|<itemKey>
 *   person-day|<author>|<YYYY-MM-DD>
 *
 * An item's days are keyed under its project, day first: a milestone's recent days are one key-range read of its
 * project's recent days, not a read per item (version 1 keyed them `item-day|<itemKey>|<day>`).
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

export const ROLLUP_VERSION = 2;

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

/** The project an item's time is summed under: its own, or one of its own for a key no provider parses. */
export const rollupProjectOf = (itemKey: string) => projectKeyOfItem(itemKey) ?? `unknown:${itemKey}`;

/** Whether an entry counts: finished, not deleted, at least a second long. */
export function counts(entry: TimeEntry): boolean {
  return entry.end !== null && entry.deletedAt === null && entrySeconds(entry, entry.end) > 0;
}

/** The rows an entry adds its seconds to (none when it does not count). */
export function contributions(entry: TimeEntry, timeZone: string): { key: string; seconds: number }[] {
  if (!counts(entry)) return [];
  const seconds = entrySeconds(entry, entry.end!);
  const day = dayKey(entry.start, timeZone);
  const project = rollupProjectOf(entry.itemKey);
  return [
    `item|${entry.itemKey}`,
    `project-day-item|${project}|${day}|${entry.itemKey}`,
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

/** A row's sums while a fold runs. */
interface Sums {
  seconds: number;
  entries: number;
}

/** One item's sums: its total, its days and its people (the project rows are summed from these at the end). */
interface ItemSums extends Sums {
  readonly days: Map<string, Sums>;
  readonly people: Map<string, Sums>;
}

function addTo<K>(map: Map<K, Sums>, key: K, seconds: number, entries: number): void {
  const sums = map.get(key);
  if (sums) {
    sums.seconds += seconds;
    sums.entries += entries;
  } else map.set(key, { seconds, entries });
}

/**
 * Every row from scratch, fed a batch of entries at a time (a rebuild reads a million in chunks): what the incremental
 * updates must always equal. An entry costs five lookups in small nested maps, not seven keys built and hashed; a day
 * is looked up once per quarter hour (every zone's midnight falls on a quarter hour, so a 15-minute slot is in one
 * local day); the project rows are summed from the items' when the rows are asked for.
 */
export class RollupFold {
  private readonly items = new Map<string, ItemSums>();
  /** person → day → sums. */
  private readonly personDays = new Map<string, Map<string, Sums>>();
  private readonly days = new Map<number, string>();

  constructor(private readonly timeZone: string) {}

  add(entries: Iterable<TimeEntry>): void {
    for (const entry of entries) {
      if (!counts(entry)) continue;
      const seconds = entrySeconds(entry, entry.end!);
      const slot = Math.floor(entry.start / QUARTER_HOUR);
      let day = this.days.get(slot);
      if (day === undefined) this.days.set(slot, (day = dayKey(slot * QUARTER_HOUR, this.timeZone)));
      let item = this.items.get(entry.itemKey);
      if (!item) this.items.set(entry.itemKey, (item = { seconds: 0, entries: 0, days: new Map(), people: new Map() }));
      item.seconds += seconds;
      item.entries += 1;
      addTo(item.days, day, seconds, 1);
      addTo(item.people, entry.author, seconds, 1);
      let personDays = this.personDays.get(entry.author);
      if (!personDays) this.personDays.set(entry.author, (personDays = new Map<string, Sums>()));
      addTo(personDays, day, seconds, 1);
    }
  }

  /** The rows, keyed by their keys. */
  rows(): Map<string, RollupRow> {
    const rows = new Map<string, RollupRow>();
    const put = (key: string, sums: Sums) => rows.set(key, { key, seconds: sums.seconds, entries: sums.entries });
    const projects = new Map<string, ItemSums>();
    for (const [itemKey, item] of this.items) {
      put(`item|${itemKey}`, item);
      const projectKey = rollupProjectOf(itemKey);
      let project = projects.get(projectKey);
      if (!project) projects.set(projectKey, (project = { seconds: 0, entries: 0, days: new Map(), people: new Map() }));
      project.seconds += item.seconds;
      project.entries += item.entries;
      for (const [day, sums] of item.days) {
        put(`project-day-item|${projectKey}|${day}|${itemKey}`, sums);
        addTo(project.days, day, sums.seconds, sums.entries);
      }
      for (const [person, sums] of item.people) {
        put(`item-person|${itemKey}|${person}`, sums);
        addTo(project.people, person, sums.seconds, sums.entries);
      }
    }
    for (const [projectKey, project] of projects) {
      put(`project|${projectKey}`, project);
      for (const [day, sums] of project.days) put(`project-day|${projectKey}|${day}`, sums);
      for (const [person, sums] of project.people) put(`project-person|${projectKey}|${person}`, sums);
    }
    for (const [person, days] of this.personDays) for (const [day, sums] of days) put(`person-day|${person}|${day}`, sums);
    return rows;
  }
}

/** Every row from scratch, from entries in memory. */
export function foldRollups(entries: Iterable<TimeEntry>, timeZone: string): Map<string, RollupRow> {
  const fold = new RollupFold(timeZone);
  fold.add(entries);
  return fold.rows();
}

const QUARTER_HOUR = 900_000;

/** The key of a row, or the prefix of a kind of rows (every day of a project: `rowKey("project-day", projectKey)` + `|`). */
export function rowKey(kind: 'item' | 'item-person' | 'project' | 'project-day' | 'project-day-item' | 'project-person' | 'person-day', ...parts: string[]): string {
  return [kind, ...parts].join('|');
}

/** The day and item of a `project-day-item` row (days are always `YYYY-MM-DD`). */
export function dayItemOf(row: RollupRow, projectKey: string): { day: string; itemKey: string } {
  const rest = row.key.slice(`project-day-item|${projectKey}|`.length);
  return { day: rest.slice(0, 10), itemKey: rest.slice(11) };
}
