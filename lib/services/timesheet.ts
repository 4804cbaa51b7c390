import type { IDBPDatabase } from 'idb';
import { parseDuration, type WorkWeek } from '../core/duration';
import { LOCAL_AUTHOR, type TimeEntry } from '../core/entry';
import { addEntry, moveEntry, restoreEntry, splitEntry, type When } from '../core/entry-edits';
import { itemKey as keyOf, parseItemKey, type ProviderKey } from '../core/item-ref';
import type { TimerResult } from '../core/timer';
import { entriesAround, entriesBetween } from '../db/entries';
import type { StintDb } from '../db/schema';
import { matchPageUrl } from '../providers/registry';
import { selfHostedProviders } from './connections';
import { ENTRY_WRITE_STORES, writeEntries } from './entry-writes';
import { deleteTimeEntry, editTimeEntry, rememberItem, type Clock } from './timer';
import { t } from '../i18n';

/**
 * The timesheet's use-cases: read a week (the person's own entries, and teammates' read back from the providers), and
 * correct the record — add, edit, split, move, delete and undo. Every write goes through `writeEntries`, so rollups and
 * the outbox change in the same transaction and edits of written-back entries follow to the provider.
 */

/** The person's zone and locale (for sentences about times) and working week (for durations such as `1d`). */
export interface TimesheetContext {
  readonly timeZone: string;
  /** Default: the browser's. */
  readonly locale?: string;
  readonly week: WorkWeek;
}

export interface TimesheetEntry {
  readonly id: string;
  readonly itemKey: string;
  readonly start: number;
  readonly end: number | null;
  readonly note: string;
  readonly billable: boolean;
  readonly author: string;
  /** The person's own entry (editable); a teammate's is read-only. */
  readonly mine: boolean;
  readonly sync: TimeEntry['sync'];
  /** The providers holding a record of it (worklog, timelog, comment). */
  readonly writtenTo: ProviderKey[];
}

export interface TimesheetWeek {
  readonly entries: TimesheetEntry[];
  /** The items of the week's entries and the person's recent ones (the picker), with titles where known. */
  readonly items: { readonly key: string; readonly title: string | null; readonly url: string | null }[];
  /** Everyone with time this week (`me` first), for the person filter. */
  readonly people: string[];
}

/** Who to show: the person's own entries, everyone's, or one teammate's. */
export type PersonFilter = 'me' | 'everyone' | { readonly author: string };

/** Either a pasted address of an item, or the key of an item Stint already knows. */
export type ItemChoice = { readonly url: string } | { readonly itemKey: string };

const DAY = 86_400_000;
/** An entry starting this long before the week may still reach into it (entries longer than a day are not looked for). */
const REACH_BACK = DAY;
const RECENT = 60 * DAY;
const MAX_ITEMS = 300;

function whenIn({ timeZone, locale }: TimesheetContext): When {
  const format = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (at) => format.format(at);
}

function unwrap(result: TimerResult): readonly TimeEntry[] {
  if (!result.ok) throw new Error(result.error);
  return result.writes;
}

/** Write nothing of a refused change (the transaction may already have finished on its own). */
async function abandon(tx: { abort(): void; readonly done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already committed or aborted: nothing was written after the refusal
  }
  await tx.done.catch(() => undefined);
}

/** Decide over the person's entries around [from, to) and write, in one transaction (as the timer's commands do). */
async function command(db: IDBPDatabase<StintDb>, at: number, range: readonly [number, number], decide: (entries: TimeEntry[]) => TimerResult): Promise<readonly TimeEntry[]> {
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  try {
    const writes = unwrap(decide(await entriesAround(tx, LOCAL_AUTHOR, range[0], range[1])));
    await writeEntries(tx, writes, at);
    await tx.done;
    return writes;
  } catch (error) {
    await abandon(tx);
    throw error;
  }
}

/** The entry as the person may change it: their own, live. Teammates' time is theirs, in the provider. */
async function ownEntry(db: IDBPDatabase<StintDb>, id: string): Promise<TimeEntry> {
  const entry = await db.get('entries', id);
  if (!entry || entry.deletedAt !== null) throw new Error(t('error.entryGone'));
  if (entry.author !== LOCAL_AUTHOR) {
    const where = entry.origin === 'local' ? t('error.theirProvider') : entry.origin === 'github' ? 'GitHub' : entry.origin === 'gitlab' ? 'GitLab' : 'Jira';
    throw new Error(t('error.teammateEntry', { where }));
  }
  return entry;
}

/** The end of a span typed as an end time or as a duration (`1h 30m`, `90m`, `1:30`, `1d` in working days). */
function endOf(start: number, end: number | undefined, duration: string | undefined, week: WorkWeek): number | undefined {
  if (end !== undefined) return end;
  if (duration === undefined) return undefined;
  const seconds = parseDuration(duration, week);
  if (seconds === null || seconds <= 0) throw new Error(t('error.notADuration', { typed: duration.slice(0, 40) }));
  return start + seconds * 1000;
}

/** The item a pasted address or a picked key names; an item first seen here is remembered from its address. */
export async function resolveItem(db: IDBPDatabase<StintDb>, choice: ItemChoice, now: number): Promise<string> {
  if ('itemKey' in choice) {
    if (!parseItemKey(choice.itemKey) || !(await db.get('items', choice.itemKey))) throw new Error(t('error.unknownItem'));
    return choice.itemKey;
  }
  let url: URL;
  try {
    url = new URL(choice.url.trim());
  } catch {
    throw new Error(t('error.notAnAddress'));
  }
  const match = url.protocol === 'https:' || url.protocol === 'http:' ? matchPageUrl(url, await selfHostedProviders(db)) : null;
  const ref = match?.item ?? null;
  if (!ref) throw new Error(t('error.notRecognised', { address: `${url.host || t('error.thatAddress')}${url.pathname.length > 1 ? url.pathname.slice(0, 80) : ''}` }));
  const key = keyOf(ref);
  if (!(await db.get('items', key))) await rememberItem(db, { key, provider: ref.provider, kind: ref.kind, url: url.href, title: null, updatedAt: now });
  return key;
}

/** Entries that touch [from, to), for the person filter, with the items to name them and the picker's recent items. */
export async function timesheetWeek(db: IDBPDatabase<StintDb>, range: { from: number; to: number }, person: PersonFilter, now: number): Promise<TimesheetWeek> {
  const touching = (e: TimeEntry) => (e.end ?? now) > range.from || (e.end === e.start && e.start >= range.from);
  const all = (await entriesBetween(db, range.from - REACH_BACK, range.to)).filter(touching);
  const shown = all.filter((e) => (person === 'me' ? e.author === LOCAL_AUTHOR : person === 'everyone' ? true : e.author === person.author));
  const tx = db.transaction(['entries', 'items'], 'readonly');
  const recent = await entriesAround(tx, LOCAL_AUTHOR, now - RECENT, now + 1);
  const keys = [...new Set([...shown.map((e) => e.itemKey), ...recent.sort((a, b) => b.start - a.start).map((e) => e.itemKey)])].slice(0, MAX_ITEMS);
  const items = await Promise.all(keys.map(async (key) => {
    const item = await tx.objectStore('items').get(key);
    return { key, title: item?.title ?? null, url: item?.url ?? null };
  }));
  await tx.done;
  const people = [...new Set(all.map((e) => e.author))].sort((a, b) => (a === LOCAL_AUTHOR ? -1 : b === LOCAL_AUTHOR ? 1 : a.localeCompare(b)));
  return {
    entries: shown
      .sort((a, b) => a.start - b.start)
      .map((e) => ({ id: e.id, itemKey: e.itemKey, start: e.start, end: e.end, note: e.note, billable: e.billable, author: e.author, mine: e.author === LOCAL_AUTHOR, sync: e.sync, writtenTo: Object.keys(e.remote) as ProviderKey[] })),
    items,
    people: people.includes(LOCAL_AUTHOR) ? people : [LOCAL_AUTHOR, ...people],
  };
}

export interface ManualInput {
  readonly item: ItemChoice;
  readonly start: number;
  readonly end?: number;
  readonly duration?: string;
  readonly note?: string;
  readonly billable?: boolean;
}

/** Add a finished entry by hand. Returns its id. */
export async function addManualEntry(db: IDBPDatabase<StintDb>, clock: Clock, input: ManualInput, context: TimesheetContext): Promise<string> {
  const at = clock.now();
  const itemKey = await resolveItem(db, input.item, at);
  const end = endOf(input.start, input.end, input.duration, context.week);
  if (end === undefined) throw new Error(t('error.needEnd'));
  const id = clock.newId();
  const entry = { id, itemKey, start: input.start, end, note: input.note ?? '', billable: input.billable ?? true };
  await command(db, at, [input.start, end], (entries) => addEntry(entries, entry, at, whenIn(context)));
  return id;
}

export interface TimesheetPatch {
  readonly start?: number;
  readonly end?: number;
  readonly duration?: string;
  readonly note?: string;
  readonly billable?: boolean;
}

/** Change start, end (or duration), note or billable of one of the person's entries. */
export async function editTimesheetEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string, patch: TimesheetPatch, context: TimesheetContext): Promise<void> {
  const entry = await ownEntry(db, id);
  const start = patch.start ?? entry.start;
  const end = endOf(start, patch.end, patch.duration, context.week);
  if (entry.end === null && end !== undefined && end > clock.now()) throw new Error(t('error.futureEnd'));
  await editTimeEntry(db, clock, id, {
    ...(patch.start !== undefined ? { start: patch.start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(patch.note !== undefined ? { note: patch.note } : {}),
    ...(patch.billable !== undefined ? { billable: patch.billable } : {}),
  });
}

/** Split a finished entry at a moment inside it (one transaction: the entry shortened, the rest a new entry). */
export async function splitTimesheetEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string, moment: number, context: TimesheetContext): Promise<string> {
  const entry = await ownEntry(db, id);
  const at = clock.now();
  const newId = clock.newId();
  await command(db, at, [entry.start, entry.end ?? at], (entries) => splitEntry(entries, id, moment, newId, at, whenIn(context)));
  return newId;
}

/**
 * Move an entry to another item. A written-back entry becomes a new entry (new id) on the new item: the old remote
 * record is deleted, a new one created. Returns the id the entry has now.
 */
export async function moveTimesheetEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string, item: ItemChoice): Promise<string> {
  const entry = await ownEntry(db, id);
  const at = clock.now();
  const itemKey = await resolveItem(db, item, at);
  const newId = clock.newId();
  const writes = await command(db, at, [entry.start, entry.end ?? at], (entries) => moveEntry(entries, id, itemKey, newId, at));
  return writes.some((w) => w.id === newId) ? newId : id;
}

/** Delete one of the person's finished entries (a tombstone: the outbox removes its remote record; undo restores it). */
export async function deleteTimesheetEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string): Promise<void> {
  await ownEntry(db, id);
  await deleteTimeEntry(db, clock, id);
}

/**
 * Undo a delete. The entry comes back as it is stored now (if the outbox already removed its remote record, that
 * reference is gone too), so the outbox re-creates exactly one record — or updates the one not yet removed.
 */
export async function restoreTimesheetEntry(db: IDBPDatabase<StintDb>, clock: Clock, id: string, context: TimesheetContext): Promise<void> {
  const at = clock.now();
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  try {
    const tombstone = await tx.objectStore('entries').get(id);
    if (!tombstone) throw new Error(t('error.goneForGood'));
    const writes = unwrap(restoreEntry(await entriesAround(tx, LOCAL_AUTHOR, tombstone.start, tombstone.end ?? at), tombstone, at, whenIn(context)));
    await writeEntries(tx, writes, at);
    await tx.done;
  } catch (error) {
    await abandon(tx);
    throw error;
  }
}
