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
