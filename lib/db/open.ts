import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type StintDb } from './schema';
import { upgrade } from './upgrade';

let opening: Promise<IDBPDatabase<StintDb>> | null = null;

/**
 * The database, opened on first use (never at import time, which WXT runs in Node at build time). If the browser
 * closes the connection abnormally, the next call opens a fresh one.
 */
export function database(): Promise<IDBPDatabase<StintDb>> {
  opening ??= openDB<StintDb>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocking: () => {
      // A newer version wants to upgrade (an extension update in another context): step aside.
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated: () => {
      opening = null;
    },
  });
  return opening;
}

/** Tests: forget the cached connection (each test gets a fresh IndexedDB). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current).close();
}
