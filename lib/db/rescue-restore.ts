import type { IDBPDatabase } from 'idb';
import { DATA_LOSS_KEY, type DataLoss, type Restored } from './data-loss';
import { PUT_ENTRIES_STORES, putEntries } from './entries';
import { isRescueCopy, type RescueCopy, type RescueStore } from './rescue';
import type { StintDb } from './schema';

/**
 * Put a rescue copy back into a database the browser reset, in one transaction: entries through the write path that
 * keeps the rollups, outbox ops as they were (their attempts tell a retry to look for an earlier write first), projects
 * and the report posts the outbox needs. Anything already there and as new is left alone, so running it twice doubles
 * nothing. When it wrote anything, the data-loss note names what came back, for the background to tell.
 */
export async function restoreRescueCopy(db: IDBPDatabase<StintDb>, copy: RescueCopy, now: number): Promise<Restored> {
  const tx = db.transaction([...PUT_ENTRIES_STORES, 'outbox', 'projects'], 'readwrite');
  const here = await Promise.all(copy.entries.map((entry) => tx.objectStore('entries').get(entry.id)));
  const entries = copy.entries.filter((entry, i) => (here[i]?.updatedAt ?? Number.NEGATIVE_INFINITY) < entry.updatedAt);
  await putEntries(tx, entries);
  const absent = async <T>(records: readonly T[], has: (record: T) => Promise<unknown>) => {
    const found = await Promise.all(records.map(has));
    return records.filter((_, i) => found[i] === undefined);
  };
  const ops = await absent(copy.outbox, (op) => tx.objectStore('outbox').get(op.entryId));
  const projects = await absent(copy.projects, (p) => tx.objectStore('projects').get(p.key));
  const meta = await absent(copy.meta, ([key]) => tx.objectStore('meta').get(key));
  await Promise.all([
    ...ops.map((op) => tx.objectStore('outbox').put(op)),
    ...projects.map((p) => tx.objectStore('projects').put(p)),
    ...meta.map(([key, value]) => tx.objectStore('meta').put(value, key)),
  ]);
  const restored: Restored = {
    entries: entries.filter((e) => e.end !== null && e.deletedAt === null).length,
    writeBacks: ops.length,
    timer: entries.some((e) => e.end === null && e.deletedAt === null),
    projects: projects.length,
    reconnect: copy.connections.map((c) => c.host),
    cut: copy.cut,
  };
  if (entries.length + ops.length + projects.length + meta.length > 0) {
    const noted = (await tx.objectStore('meta').get(DATA_LOSS_KEY)) as DataLoss | undefined;
    await tx.objectStore('meta').put({ at: noted?.at ?? now, detail: noted?.detail ?? '', restored } satisfies DataLoss, DATA_LOSS_KEY);
  }
  await tx.done;
  return restored;
}

/**
 * After the background's open: a copy and an upgrade from 0 (the database was reset or deleted) mean restore it; a
 * copy after any other open is stale (the upgrade it guarded went through) and is cleared. A restore marks the copy
 * first, so one cut short by a killed worker runs again at the next open instead of being cleared.
 */
export async function settleRescue(db: IDBPDatabase<StintDb>, store: RescueStore, upgradedFrom: number | null, now: number): Promise<Restored | null> {
  const copy = await store.read();
  if (copy === undefined || copy === null) return null;
  if (!isRescueCopy(copy) || (upgradedFrom !== 0 && copy.restoring !== true)) {
    await store.clear();
    return null;
  }
  if (copy.restoring !== true) await store.write({ ...copy, restoring: true });
  const restored = await restoreRescueCopy(db, copy, now);
  await store.clear();
  return restored;
}
