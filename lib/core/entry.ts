import type { ProviderKey } from './item-ref';

/** Where an entry stands with its provider: never to be written, waiting in the outbox, written, or failing. */
export type SyncState = 'local' | 'pending' | 'synced' | 'failed';

/** The provider record an entry was written to (worklog, timelog, comment) and the version last seen. */
export interface RemoteRef {
  readonly id: string;
  readonly version: string | null;
}

/**
 * One span of work on one item. A running timer is an entry with `end === null`: persisted like any other, so a killed
 * service worker or a closed browser loses nothing. Deleting sets `deletedAt` (a tombstone) so the deletion can follow
 * to the provider and be undone.
 */
export interface TimeEntry {
  readonly id: string;
  readonly itemKey: string;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number | null;
  readonly note: string;
  readonly billable: boolean;
  /** Who worked: the local user (`LOCAL_AUTHOR`) or a teammate's provider identity for time read back. */
  readonly author: string;
  readonly origin: 'local' | ProviderKey;
  readonly remote: Readonly<Partial<Record<ProviderKey, RemoteRef>>>;
  readonly sync: SyncState;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
}

export const LOCAL_AUTHOR = 'me';

export function isLive(entry: TimeEntry): boolean {
  return entry.deletedAt === null;
}

export function isRunning(entry: TimeEntry): boolean {
  return entry.end === null && entry.deletedAt === null;
}

/** Whole seconds worked; a running entry counts up to `now`. Never negative. */
export function entrySeconds(entry: TimeEntry, now: number): number {
  const end = entry.end ?? now;
  return Math.max(0, Math.floor((end - entry.start) / 1000));
}

/**
 * Half-open spans [start, end): back-to-back entries (one ends when the next starts) do not overlap, and an empty span
 * overlaps nothing. A running entry reaches into the future: nothing may be edited into its span.
 */
export function overlaps(a: TimeEntry, b: TimeEntry): boolean {
  const aEnd = a.end ?? Number.POSITIVE_INFINITY;
  const bEnd = b.end ?? Number.POSITIVE_INFINITY;
  return a.start < bEnd && b.start < aEnd && a.start < aEnd && b.start < bEnd;
}
