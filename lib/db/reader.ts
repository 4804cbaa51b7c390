import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StintDb } from './schema';

/**
 * The reads a query makes, from the database (a transaction per read) or from one read-only transaction: a dashboard
 * of forty budgets makes over a thousand reads, and a transaction each costs more than the reads themselves.
 */
export type Reader = Pick<IDBPDatabase<StintDb>, 'get' | 'getAll' | 'getAllFromIndex'>;

/** One read-only transaction over `stores`, read through the same calls as the database. */
export function readOnce(db: IDBPDatabase<StintDb>, stores: StoreNames<StintDb>[]): Reader {
  const tx: IDBPTransaction<StintDb, StoreNames<StintDb>[], 'readonly'> = db.transaction(stores, 'readonly');
  const reader = {
    get: (store: StoreNames<StintDb>, key: string | IDBKeyRange) => tx.objectStore(store).get(key),
    getAll: (store: StoreNames<StintDb>, query?: string | IDBKeyRange | null, count?: number) => tx.objectStore(store).getAll(query, count),
    getAllFromIndex: (store: StoreNames<StintDb>, index: string, query?: IDBValidKey | IDBKeyRange | null, count?: number) =>
      (tx.objectStore(store) as unknown as { index(name: string): { getAll(q?: IDBValidKey | IDBKeyRange | null, c?: number): Promise<unknown[]> } }).index(index).getAll(query, count),
  };
  // idb types each call by store and index name; these forward the same arguments to the transaction's stores.
  return reader as unknown as Reader;
}

const queryKey = (query: unknown) =>
  query instanceof IDBKeyRange ? JSON.stringify([query.lower, query.upper, query.lowerOpen, query.upperOpen]) : JSON.stringify(query ?? null);

/**
 * The same reads, each distinct one made once: the budgets of one project (its milestones', its items') share its
 * rows. The answers are shared, so callers must not change them.
 */
export function sharedReads(reader: Reader): Reader {
  const made = new Map<string, Promise<unknown>>();
  const once = (key: string, read: () => Promise<unknown>) => {
    let answer = made.get(key);
    if (!answer) made.set(key, (answer = read()));
    return answer;
  };
  const shared = {
    get: (store: string, query: unknown) => once(`get|${store}|${queryKey(query)}`, () => (reader.get as (s: string, q: unknown) => Promise<unknown>)(store, query)),
    getAll: (store: string, query?: unknown, count?: number) => once(`getAll|${store}|${queryKey(query)}|${count}`, () => (reader.getAll as (s: string, q?: unknown, c?: number) => Promise<unknown>)(store, query, count)),
    getAllFromIndex: (store: string, index: string, query?: unknown, count?: number) =>
      once(`index|${store}|${index}|${queryKey(query)}|${count}`, () => (reader.getAllFromIndex as (s: string, i: string, q?: unknown, c?: number) => Promise<unknown>)(store, index, query, count)),
  };
  // idb types each call by store and index name; these forward the same arguments.
  return shared as unknown as Reader;
}
