import { LOCAL_AUTHOR, isLive, overlaps, type TimeEntry } from './entry';
import type { TimerResult } from './timer';

/**
 * The timesheet's corrections as pure decisions over one person's entries (like `lib/core/timer.ts`): each returns the
 * entries to write, or a sentence a person can act on. `when` formats an instant for those sentences (the caller's zone).
 */
export type When = (at: number) => string;

const NOTE_MAX = 2000;

function own(entries: readonly TimeEntry[]): TimeEntry[] {
  return entries.filter((e) => e.author === LOCAL_AUTHOR && isLive(e));
}

function clashWith(entries: readonly TimeEntry[], candidate: TimeEntry, when: When): string | null {
  const clash = own(entries).find((e) => e.id !== candidate.id && overlaps(e, candidate));
  if (!clash) return null;
  const span = clash.end === null ? `the running timer, since ${when(clash.start)}` : `${when(clash.start)}–${when(clash.end)}`;
  return `That overlaps another of your entries (${span}). Shorten or move one of them first.`;
}

/** A re-written entry counts as a change for its provider; an entry never written stays local. */
const touched = (entry: TimeEntry, at: number): Pick<TimeEntry, 'updatedAt' | 'sync'> => ({ updatedAt: at, sync: entry.sync === 'local' ? 'local' : 'pending' });

export interface ManualEntry {
  readonly id: string;
  readonly itemKey: string;
  readonly start: number;
  readonly end: number;
  readonly note: string;
  readonly billable: boolean;
}

/** Add a finished entry typed in by hand. It must have a length, not reach into the future, and overlap nothing. */
export function addEntry(entries: readonly TimeEntry[], input: ManualEntry, at: number, when: When): TimerResult {
  if (!Number.isFinite(input.start) || !Number.isFinite(input.end)) return { ok: false, error: 'Start and end must be real times.' };
  if (input.end <= input.start) return { ok: false, error: 'The end must be after the start (or give a duration such as 1h 30m).' };
  if (input.end > at) return { ok: false, error: `That entry would end in the future (${when(input.end)}). Time is logged once it is worked.` };
  if (input.note.length > NOTE_MAX) return { ok: false, error: 'The note is too long (2,000 characters at most).' };
  const entry: TimeEntry = { ...input, author: LOCAL_AUTHOR, origin: 'local', remote: {}, sync: 'local', updatedAt: at, deletedAt: null };
  const clash = clashWith(entries, entry, when);
  if (clash) return { ok: false, error: clash };
  return { ok: true, writes: [entry], running: null };
}

function finishedOwn(entries: readonly TimeEntry[], id: string, verb: string): TimeEntry | string {
  const entry = own(entries).find((e) => e.id === id);
  if (!entry) return 'That entry no longer exists (it may have been deleted in another window).';
  if (entry.end === null) return `That entry is still running: stop the timer before you ${verb} it.`;
  return entry;
}

/**
 * Split a finished entry at a moment strictly inside it: the entry ends there and a new one (same item, note and
 * billable) covers the rest. The new one has never been written anywhere, so the outbox creates its own record.
 */
export function splitEntry(entries: readonly TimeEntry[], id: string, moment: number, newId: string, at: number, when: When): TimerResult {
  const entry = finishedOwn(entries, id, 'split');
  if (typeof entry === 'string') return { ok: false, error: entry };
  if (!(moment > entry.start && moment < entry.end!)) return { ok: false, error: `Split at a moment inside the entry, between ${when(entry.start)} and ${when(entry.end!)}.` };
  const first: TimeEntry = { ...entry, end: moment, ...touched(entry, at) };
  const rest: TimeEntry = { ...entry, id: newId, start: moment, origin: 'local', remote: {}, sync: 'local', updatedAt: at, deletedAt: null };
  return { ok: true, writes: [first, rest], running: null };
}

/**
 * Move an entry to another item. An entry that was (or may have been) written to its provider is not re-pointed: its
 * remote record lives on the old item, so the entry becomes a tombstone there (the outbox deletes that record) and a
 * fresh entry with a new id is made on the new item (the outbox creates a record there). One that never left Stint
 * simply changes item.
 */
export function moveEntry(entries: readonly TimeEntry[], id: string, itemKey: string, newId: string, at: number): TimerResult {
  const entry = own(entries).find((e) => e.id === id);
  if (!entry) return { ok: false, error: 'That entry no longer exists (it may have been deleted in another window).' };
  if (entry.itemKey === itemKey) return { ok: true, writes: [], running: null };
  const neverWritten = entry.sync === 'local' && Object.keys(entry.remote).length === 0;
  if (neverWritten) return { ok: true, writes: [{ ...entry, itemKey, updatedAt: at }], running: entry.end === null ? { ...entry, itemKey } : null };
  if (entry.end === null) return { ok: false, error: 'That entry is still running: stop the timer before you move it.' };
  const moved: TimeEntry = { ...entry, id: newId, itemKey, origin: 'local', remote: {}, sync: 'local', updatedAt: at, deletedAt: null };
  return { ok: true, writes: [{ ...entry, deletedAt: at, updatedAt: at }, moved], running: null };
}

/** Undo a delete: the tombstone lives again, unless its time has been taken by another entry meanwhile. */
export function restoreEntry(entries: readonly TimeEntry[], tombstone: TimeEntry, at: number, when: When): TimerResult {
  if (tombstone.author !== LOCAL_AUTHOR) return { ok: false, error: 'Only your own entries can be restored.' };
  if (tombstone.deletedAt === null) return { ok: true, writes: [], running: null };
  const restored: TimeEntry = { ...tombstone, deletedAt: null, updatedAt: at };
  const clash = clashWith(entries, restored, when);
  if (clash) return { ok: false, error: `It cannot come back: ${clash.charAt(0).toLowerCase()}${clash.slice(1)}` };
  return { ok: true, writes: [restored], running: null };
}
