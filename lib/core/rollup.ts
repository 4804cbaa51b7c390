import { entrySeconds, type TimeEntry } from './entry';
import { projectKeyOfItem } from './item-ref';
import type { ItemContainer, WorkItem } from './work-item';

/**
 * Materialised sums of finished, live entries (local and the team's read back), keyed so one key-range read answers a
 * question: an item's total, days and people, a container's (milestone's, sprint's) total, days and people, a project's
 * total, days and people, a person's days. Money is hours × rate at read time, so a changed rate needs no rewrite.
 *
 *   item|<itemKey>                     item-day|<itemKey>|<YYYY-MM-DD>           item-person|<itemKey>|<author>
 *   container|<containerKey>           container-day|<containerKey>|<YYYY-MM-DD> container-person|<containerKey>|<author>
 *   project|<projectKey>               project-day|<projectKey>|<YYYY-MM-DD>     project-person|<projectKey>|<author>
 *   person-day|<author>|<YYYY-MM-DD>
 *
 * A budget reads a few rows whatever the number of entries or items (version 2 summed a milestone from its items'
 * rows and `project-day-item|<project>|<day>|<item>` rows, which grow with both; version 3 keeps `item-day` rows
 * again, and a project's item days are one key range per item-key prefix, for the timeline). An entry counts in the container its item is planned
 * in as the items store says now: when a sync moves an item to another sprint, its entries' time moves with it, in
 * the same transaction (lib/db/rollups.ts).
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

/** 3: container and item-day rows. A store built with an earlier version is rebuilt once at the next start. */
export const ROLLUP_VERSION = 3;

/** Where items are planned: item key → container key (items in no container are absent). */
export type Planned = ReadonlyMap<string, string>;

/** Where these items are planned. */
export function plannedOf(items: Iterable<Pick<WorkItem, 'key' | 'container'>>): Map<string, string> {
  const planned = new Map<string, string>();
  for (const item of items) {
    const containerKey = containerOfItem(item);
    if (containerKey !== null) planned.set(item.key, containerKey);
  }
  return planned;
}

/** A container's key: `<projectKey>#<kind>:<id>`. */
export const containerKeyOf = (projectKey: string, container: Pick<ItemContainer, 'kind' | 'id'>) => `${projectKey}#${container.kind}:${container.id}`;

/** The key of the container an item is planned in, or null (no item, no container, or a key no provider parses). */
export function containerOfItem(item: Pick<WorkItem, 'key' | 'container'> | undefined): string | null {
  const projectKey = item?.container ? projectKeyOfItem(item.key) : null;
  return projectKey && item?.container ? containerKeyOf(projectKey, item.container) : null;
}

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

/** The rows an entry adds its seconds to (none when it does not count), its item planned in `container` (or none). */
export function contributions(entry: TimeEntry, timeZone: string, container: string | null = null): { key: string; seconds: number }[] {
  if (!counts(entry)) return [];
  const seconds = entrySeconds(entry, entry.end!);
  const day = dayKey(entry.start, timeZone);
  const project = rollupProjectOf(entry.itemKey);
  const inContainer = container === null ? [] : [`container|${container}`, `container-day|${container}|${day}`, `container-person|${container}|${entry.author}`];
  return [
    `item|${entry.itemKey}`,
    `item-day|${entry.itemKey}|${day}`,
    `item-person|${entry.itemKey}|${entry.author}`,
    `project|${project}`,
    `project-day|${project}|${day}`,
    `project-person|${project}|${entry.author}`,
    `person-day|${entry.author}|${day}`,
    ...inContainer,
  ].map((key) => ({ key, seconds }));
}

/**
 * Per row, what changes when `before` (its item then in container `beforeIn`) becomes `after` (its item now in
 * `afterIn`); either entry may be absent. The same entry with two containers is its item's move.
 */
export function rollupDelta(
  before: TimeEntry | undefined,
  after: TimeEntry | undefined,
  timeZone: string,
  beforeIn: string | null = null,
  afterIn: string | null = beforeIn,
): Map<string, { seconds: number; entries: number }> {
  const delta = new Map<string, { seconds: number; entries: number }>();
  const add = (entry: TimeEntry | undefined, sign: 1 | -1) => {
    if (!entry) return;
    for (const { key, seconds } of contributions(entry, timeZone, sign === -1 ? beforeIn : afterIn)) {
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

  constructor(
    private readonly timeZone: string,
    private readonly planned: Planned = new Map(),
  ) {}

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
    const containers = new Map<string, ItemSums>();
    for (const [itemKey, item] of this.items) {
      put(`item|${itemKey}`, item);
      for (const [day, sums] of item.days) put(`item-day|${itemKey}|${day}`, sums);
      const containerKey = this.planned.get(itemKey);
      if (containerKey !== undefined) {
        let container = containers.get(containerKey);
        if (!container) containers.set(containerKey, (container = { seconds: 0, entries: 0, days: new Map(), people: new Map() }));
        container.seconds += item.seconds;
        container.entries += item.entries;
        for (const [day, sums] of item.days) addTo(container.days, day, sums.seconds, sums.entries);
        for (const [person, sums] of item.people) addTo(container.people, person, sums.seconds, sums.entries);
      }
      const projectKey = rollupProjectOf(itemKey);
      let project = projects.get(projectKey);
      if (!project) projects.set(projectKey, (project = { seconds: 0, entries: 0, days: new Map(), people: new Map() }));
      project.seconds += item.seconds;
      project.entries += item.entries;
      for (const [day, sums] of item.days) addTo(project.days, day, sums.seconds, sums.entries);
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
    for (const [containerKey, container] of containers) {
      put(`container|${containerKey}`, container);
      for (const [day, sums] of container.days) put(`container-day|${containerKey}|${day}`, sums);
      for (const [person, sums] of container.people) put(`container-person|${containerKey}|${person}`, sums);
    }
    for (const [person, days] of this.personDays) for (const [day, sums] of days) put(`person-day|${person}|${day}`, sums);
    return rows;
  }
}

/** Every row from scratch, from entries and items in memory. */
export function foldRollups(entries: Iterable<TimeEntry>, timeZone: string, items: Iterable<Pick<WorkItem, 'key' | 'container'>> = []): Map<string, RollupRow> {
  const fold = new RollupFold(timeZone, plannedOf(items));
  fold.add(entries);
  return fold.rows();
}

const QUARTER_HOUR = 900_000;

/** The key of a row, or the prefix of a kind of rows (every day of a project: `rowKey("project-day", projectKey)` + `|`). */
export function rowKey(kind: 'item' | 'item-day' | 'item-person' | 'container' | 'container-day' | 'container-person' | 'project' | 'project-day' | 'project-person' | 'person-day', ...parts: string[]): string {
  return [kind, ...parts].join('|');
}
