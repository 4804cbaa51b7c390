import type { IDBPDatabase } from 'idb';
import { LOCAL_AUTHOR } from '../core/entry';
import { resolveAway, sleptBetween, type AwayPeriod, type IdleDecision } from '../core/idle';
import { runningEntry } from '../core/timer';
import { entriesAround } from '../db/entries';
import { ENTRY_WRITE_STORES, writeEntries } from './entry-writes';
import type { StintDb } from '../db/schema';
import type { Clock } from './timer';

const PENDING = 'away.pending';
const HEARTBEAT = 'away.heartbeat';

/**
 * Time away while a timer runs: idle or locked (chrome.idle), or asleep (a gap between the worker's minute heartbeats).
 * The away period is stored (the worker may be killed before the person answers) until it is resolved.
 */
export async function pendingAway(db: IDBPDatabase<StintDb>): Promise<AwayPeriod | null> {
  return ((await db.get('meta', PENDING)) as AwayPeriod | undefined) ?? null;
}

/** The person left at `since` (idle began `threshold` before chrome.idle said so; locking is immediate). */
export async function noteAwayStart(db: IDBPDatabase<StintDb>, since: number): Promise<void> {
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  const running = runningEntry(await entriesAround(tx, LOCAL_AUTHOR, 0, 0));
  const pending = (await tx.objectStore('meta').get(PENDING)) as AwayPeriod | undefined;
  if (running && !pending) await tx.objectStore('meta').put({ entryId: running.id, since: Math.max(since, running.start), until: since } satisfies AwayPeriod, PENDING);
  await tx.done;
}

/** The person is back at `until`: returns the away period to decide on, or null when there is none. */
export async function noteReturn(db: IDBPDatabase<StintDb>, until: number): Promise<AwayPeriod | null> {
  const tx = db.transaction(['meta'], 'readwrite');
  const pending = (await tx.objectStore('meta').get(PENDING)) as AwayPeriod | undefined;
  const updated = pending ? { ...pending, until: Math.max(pending.since, until) } : null;
  if (updated) await tx.objectStore('meta').put(updated, PENDING);
  await tx.done;
  return updated;
}

/** Apply the person's decision (or the configured default) in one transaction, and forget the away period. */
export async function resolvePendingAway(db: IDBPDatabase<StintDb>, clock: Clock, decision: IdleDecision): Promise<void> {
  const at = clock.now();
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  const pending = (await tx.objectStore('meta').get(PENDING)) as AwayPeriod | undefined;
  if (pending) {
    const result = resolveAway(await entriesAround(tx, LOCAL_AUTHOR, pending.since, at), pending, decision, clock.newId(), at);
    if (result.ok) await writeEntries(tx, result.writes, at);
    await tx.objectStore('meta').delete(PENDING);
  }
  await tx.done;
}

/**
 * The worker's minute heartbeat while a timer runs. A gap longer than the idle threshold means the machine slept with
 * the timer running: that becomes an away period (unless one is already open).
 */
export async function heartbeat(db: IDBPDatabase<StintDb>, now: number, thresholdMs: number): Promise<AwayPeriod | null> {
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const last = ((await meta.get(HEARTBEAT)) as number | undefined) ?? null;
  const running = runningEntry(await entriesAround(tx, LOCAL_AUTHOR, 0, 0));
  let opened: AwayPeriod | null = null;
  const slept = running ? sleptBetween(last === null ? null : Math.max(last, running.start), now, thresholdMs) : null;
  if (running && slept && !(await meta.get(PENDING))) {
    opened = { entryId: running.id, since: slept.since, until: slept.until };
    await meta.put(opened, PENDING);
  }
  if (running) await meta.put(now, HEARTBEAT);
  else await meta.delete(HEARTBEAT);
  await tx.done;
  return opened;
}
