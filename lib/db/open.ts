import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type StintDb } from './schema';
import { noteDataLoss } from './data-loss';
import { upgrade } from './upgrade';

/** Said while an older Stint (a page or worker from before an update) keeps the database from upgrading. */
export const UPGRADE_BLOCKED =
  'Stint is updating its saved data, but an older Stint still has it open. Close Stint’s other pages (or restart the browser) and try again. Nothing is lost.';

let opening: Promise<IDBPDatabase<StintDb>> | null = null;
/** What callers get: the open, or a refusal while the upgrade is blocked (they must not wait forever). */
let answer: Promise<IDBPDatabase<StintDb>> | null = null;

/**
 * The database, opened on first use (never at import time, which WXT runs in Node at build time). If the browser
 * closes the connection abnormally, or the open fails (a full disk during an upgrade), the next call opens afresh.
 */
export function database(): Promise<IDBPDatabase<StintDb>> {
  if (answer) return answer;
  let refuse: (error: Error) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => (refuse = reject));
  const open = openDB<StintDb>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx, event) => {
      upgrade(db, oldVersion, tx);
      noteDataLoss(tx, event, Date.now());
    },
    // The upgrade waits for the old connection to close; until then, callers hear why (the open goes on).
    blocked: () => refuse(new Error(UPGRADE_BLOCKED)),
    blocking: () => {
      // A newer version wants to upgrade (an extension update in another context): step aside.
      void opening?.then((db) => db.close());
      forget(opening);
    },
    terminated: () => forget(open),
  });
  opening = open;
  answer = Promise.race([open, blocked]);
  open.then(
    () => {
      if (opening === open) answer = open;
    },
    () => forget(open),
  );
  return answer;
}

function forget(open: Promise<IDBPDatabase<StintDb>> | null): void {
  if (open !== opening) return;
  opening = null;
  answer = null;
}

/** Tests: forget the cached connection (each test gets a fresh IndexedDB). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  forget(current);
  if (current) (await current).close();
}

/** Which way the browser's storage failed (IndexedDB's DOMException names); the background words it for the person. */
export type StorageFailure = 'full' | 'disk' | 'reopening';

/**
 * How the browser's storage failed, or null for any other error (those carry their own words). Transactions abort
 * whole, so in every case nothing was half-written.
 */
export function storageFailureOf(error: unknown): StorageFailure | null {
  const name = error instanceof DOMException || error instanceof Error ? error.name : null;
  switch (name) {
    case 'QuotaExceededError':
      return 'full';
    case 'UnknownError':
      return 'disk';
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return 'reopening';
    default:
      return null;
  }
}
