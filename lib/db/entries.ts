import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TimeEntry } from '../core/entry';
import { RollupChanges } from './rollups';
import type { StintDb } from './schema';

/**
 * Any transaction that includes the entries store, whatever else it spans (services add the outbox, meta…). idb types
 * a transaction by its exact store list, so the helpers take any list and narrow it once, here.
 */
export type TxWith<Mode extends IDBTransactionMode> = IDBPTransaction<StintDb, ArrayLike<StoreNames<StintDb>>, Mode>;

/**
 * The stores `putEntries` touches: the entries and, in the same transaction, their rollups (with their basis in meta,
 * and the items, whose container each entry's time counts in). A write transaction names at least these.
 */
export const PUT_ENTRIES_STORES = ['entries', 'items', 'rollups', 'meta'] as const;
type EntriesTx<Mode extends IDBTransactionMode> = IDBPTransaction<StintDb, ['entries'], Mode>;
const entriesOf = <Mode extends IDBTransactionMode>(tx: TxWith<Mode>) => (tx as unknown as EntriesTx<Mode>).objectStore('entries');

/**
 * A person's entries that a timer command can touch: their latest live entry (the running one, if any, is always the
 * latest, since entries never overlap) and every live entry starting in [from, to). Reads one index range, not the table.
 */
export async function entriesAround<Mode extends IDBTransactionMode>(tx: TxWith<Mode>, author: string, from: number, to: number): Promise<TimeEntry[]> {
  const index = entriesOf(tx).index('byAuthorStart');
  const found = new Map<string, TimeEntry>();
  // The latest live entry overall, and the one just before `from` (it may run into [from, to)).
  for (const upper of [Number.POSITIVE_INFINITY, from]) {
    let cursor = await index.openCursor(IDBKeyRange.bound([author, Number.NEGATIVE_INFINITY], [author, upper], false, true), 'prev');
    while (cursor && cursor.value.deletedAt !== null) cursor = await cursor.continue();
    if (cursor) found.set(cursor.value.id, cursor.value);
  }
  if (to > from) {
    for (const entry of await index.getAll(IDBKeyRange.bound([author, from], [author, to], false, true))) {
      if (entry.deletedAt === null) found.set(entry.id, entry);
    }
  }
  return [...found.values()];
}

/**
 * Write entries and their rollup changes (with `changes`: the items this transaction wrote too); the transaction must
 * also span `rollups`, `meta` and `items`.
 */
export async function putEntries(tx: TxWith<'readwrite'>, entries: readonly TimeEntry[], changes = new RollupChanges()): Promise<void> {
  const store = entriesOf(tx);
  const before = await Promise.all(entries.map((entry) => store.get(entry.id)));
  entries.forEach((entry, i) => changes.change(before[i], entry));
  await Promise.all([...entries.map((entry) => store.put(entry)), changes.apply(tx)]);
}

export function getEntry(db: IDBPDatabase<StintDb>, id: string): Promise<TimeEntry | undefined> {
  return db.get('entries', id);
}

/** Live entries of one item, oldest first. */
export async function entriesOfItem(db: IDBPDatabase<StintDb>, itemKey: string): Promise<TimeEntry[]> {
  const all = await db.getAllFromIndex('entries', 'byItem', itemKey);
  return all.filter((e) => e.deletedAt === null).sort((a, b) => a.start - b.start);
}

/** Live entries starting in [from, to), oldest first. */
export async function entriesBetween(db: IDBPDatabase<StintDb>, from: number, to: number): Promise<TimeEntry[]> {
  const all = await db.getAllFromIndex('entries', 'byStart', IDBKeyRange.bound(from, to, false, true));
  return all.filter((e) => e.deletedAt === null);
}
