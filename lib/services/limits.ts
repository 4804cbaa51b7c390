import type { IDBPDatabase } from 'idb';
import { LOCAL_AUTHOR } from '../core/entry';
import { isOverLimit } from '../core/idle';
import { runningEntry, stopTimer } from '../core/timer';
import { entriesAround } from '../db/entries';
import { ENTRY_WRITE_STORES, writeEntries } from './entry-writes';
import type { StintDb } from '../db/schema';

const LONG_NOTIFIED = 'limits.longTimerNotified';

/**
 * The running entry, if it has just passed the long-timer limit and nobody was told yet. Remembered per entry, so the
 * notification is raised once, even across worker restarts.
 */
export async function longTimerToReport(db: IDBPDatabase<StintDb>, now: number, limitSeconds: number): Promise<{ entryId: string; itemKey: string } | null> {
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  const running = runningEntry(await entriesAround(tx, LOCAL_AUTHOR, 0, 0));
  const notified = await tx.objectStore('meta').get(LONG_NOTIFIED);
  let report: { entryId: string; itemKey: string } | null = null;
  if (running && isOverLimit(running, now, limitSeconds) && notified !== running.id) {
    await tx.objectStore('meta').put(running.id, LONG_NOTIFIED);
    report = { entryId: running.id, itemKey: running.itemKey };
  }
  await tx.done;
  return report;
}

/** The local clock time `HH:MM` on the day of `now`, in the browser's time zone, as epoch ms. */
export function todayAt(now: number, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const at = new Date(now);
  at.setHours(h ?? 0, m ?? 0, 0, 0);
  return at.getTime();
}

/**
 * End-of-day auto-stop: a timer started before today's stop time and still running after it is stopped exactly at the
 * stop time (not when the worker happened to wake). Returns whether it stopped one.
 */
export async function autoStopAtEndOfDay(db: IDBPDatabase<StintDb>, now: number, stopAt: string): Promise<boolean> {
  const cutoff = todayAt(now, stopAt);
  const tx = db.transaction([...ENTRY_WRITE_STORES], 'readwrite');
  const entries = await entriesAround(tx, LOCAL_AUTHOR, 0, 0);
  const running = runningEntry(entries);
  let stopped = false;
  if (running && running.start < cutoff && now >= cutoff) {
    const result = stopTimer(entries, cutoff);
    if (result.ok) {
      await writeEntries(tx, result.writes, now);
      stopped = true;
    }
  }
  await tx.done;
  return stopped;
}
