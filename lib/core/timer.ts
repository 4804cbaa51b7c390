import { LOCAL_AUTHOR, isLive, isRunning, overlaps, type TimeEntry } from './entry';

/**
 * The timer as pure transitions over one person's entries: each returns the entries to write (upserts), or an error a
 * person can read. Invariants (property-tested): at most one running entry; a person's live entries never overlap;
 * no duration is negative; start at t0 then stop at t1 (t1 ≥ t0) records exactly t1 − t0.
 */
export type TimerResult =
  | { readonly ok: true; readonly writes: readonly TimeEntry[]; readonly running: TimeEntry | null }
  | { readonly ok: false; readonly error: string };

export interface StartCommand {
  readonly itemKey: string;
  readonly at: number;
  /** The new entry's id (uuid), made by the caller so this stays pure. */
  readonly id: string;
  readonly note?: string;
  readonly billable?: boolean;
}

function own(entries: readonly TimeEntry[]): TimeEntry[] {
  return entries.filter((e) => e.author === LOCAL_AUTHOR && isLive(e));
}

export function runningEntry(entries: readonly TimeEntry[]): TimeEntry | null {
  return own(entries).find(isRunning) ?? null;
}

function close(entry: TimeEntry, at: number): TimeEntry {
  const end = Math.max(at, entry.start);
  return { ...entry, end, updatedAt: at, sync: entry.sync === 'local' ? 'local' : 'pending' };
}

/** The latest moment any finished entry of this person covers (a new timer never starts inside it). */
function latestEnd(entries: readonly TimeEntry[]): number {
  return own(entries).reduce((latest, e) => Math.max(latest, e.end ?? e.start), Number.NEGATIVE_INFINITY);
}

/**
 * Start a timer for an item. Starting while another item runs switches: the running entry stops at `at` and the new one
 * starts there. Starting the item that already runs changes nothing. If the clock went backwards, the new entry starts
 * where the last one ended, so nothing overlaps.
 */
export function startTimer(entries: readonly TimeEntry[], command: StartCommand): TimerResult {
  const running = runningEntry(entries);
  if (running?.itemKey === command.itemKey) return { ok: true, writes: [], running };
  const stopped = running ? close(running, command.at) : null;
  const others = stopped ? entries.map((e) => (e.id === stopped.id ? stopped : e)) : entries;
  const start = Math.max(command.at, latestEnd(others));
  const started: TimeEntry = {
    id: command.id,
    itemKey: command.itemKey,
    start,
    end: null,
    note: command.note ?? '',
    billable: command.billable ?? true,
    author: LOCAL_AUTHOR,
    origin: 'local',
    remote: {},
    sync: 'local',
    updatedAt: command.at,
    deletedAt: null,
  };
  return { ok: true, writes: stopped ? [stopped, started] : [started], running: started };
}

/** Stop the running timer at `at` (never before its start). Stopping when nothing runs changes nothing. */
export function stopTimer(entries: readonly TimeEntry[], at: number): TimerResult {
  const running = runningEntry(entries);
  if (!running) return { ok: true, writes: [], running: null };
  return { ok: true, writes: [close(running, at)], running: null };
}

/** Throw the running timer away (a tombstone, so it can be undone). */
export function discardTimer(entries: readonly TimeEntry[], at: number): TimerResult {
  const running = runningEntry(entries);
  if (!running) return { ok: true, writes: [], running: null };
  return { ok: true, writes: [{ ...running, deletedAt: at, updatedAt: at }], running: null };
}

export interface EntryPatch {
  readonly itemKey?: string;
  readonly start?: number;
  /** A finished entry's new end; on a running entry, giving an end stops it. A finished entry never runs again. */
  readonly end?: number;
  readonly note?: string;
  readonly billable?: boolean;
}

/**
 * Edit one of the person's entries. Refused when the result would end before it starts, start in the future while
 * running, or overlap another of their entries (the error names when the other one is).
 */
export function editEntry(entries: readonly TimeEntry[], id: string, patch: EntryPatch, at: number): TimerResult {
  const entry = own(entries).find((e) => e.id === id);
  if (!entry) return { ok: false, error: 'That entry no longer exists (it may have been deleted in another window).' };
  const note = patch.note ?? entry.note;
  if (note.length > 2000) return { ok: false, error: 'The note is too long (2,000 characters at most).' };
  const edited: TimeEntry = {
    ...entry,
    itemKey: patch.itemKey ?? entry.itemKey,
    start: patch.start ?? entry.start,
    end: entry.end === null && patch.end === undefined ? null : (patch.end ?? entry.end),
    note,
    billable: patch.billable ?? entry.billable,
    updatedAt: at,
    sync: entry.sync === 'local' ? 'local' : 'pending',
  };
  if (!Number.isFinite(edited.start) || (edited.end !== null && !Number.isFinite(edited.end))) return { ok: false, error: 'Start and end must be real times.' };
  if (edited.end !== null && edited.end < edited.start) return { ok: false, error: 'The end is before the start.' };
  if (edited.end === null && edited.start > at) return { ok: false, error: 'A running timer cannot start in the future.' };
  const clash = own(entries).find((e) => e.id !== id && overlaps(e, edited));
  if (clash) return { ok: false, error: `That overlaps another entry (${new Date(clash.start).toISOString()}). Shorten one of them first.` };
  return { ok: true, writes: [edited], running: edited.end === null ? edited : runningEntry(entries.map((e) => (e.id === id ? edited : e))) };
}
