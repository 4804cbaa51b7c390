import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type StintDb } from './schema';
import { noteDataLoss } from './data-loss';
import { upgrade } from './upgrade';
import { rescueBeforeUpgrade, type RescueStore } from './rescue';
import { settleRescue } from './rescue-restore';

/** Said while an older Stint (a page or worker from before an update) keeps the database from upgrading. */
export const UPGRADE_BLOCKED =
  'Stint is updating its saved data, but an older Stint still has it open. Close Stint’s other pages (or restart the browser) and try again. Nothing is lost.';

/** Where the rescue copy is kept (the background's `storage.local`); none in tests that do not set one. */
let rescueStore: RescueStore | null = null;

/** The background, before anything opens the database: keep a rescue copy across upgrades in this store. */
export function keepRescueCopiesIn(store: RescueStore | null): void {
  rescueStore = store;
}

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
  const open = openWithRescue(rescueStore, {
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

/**
 * Open (and upgrade) the database. With a rescue store: first copy what only the old database holds, and after the
 * open restore that copy if the database came up empty (reset by the browser), else clear it. Callers get the
 * database only after that, so nothing can write into a reset store before its copy is back.
 */
async function openWithRescue(store: RescueStore | null, events: { blocked: () => void; blocking: () => void; terminated: () => void }): Promise<IDBPDatabase<StintDb>> {
  const before = store ? await rescueBeforeUpgrade(store, Date.now()) : null;
  let upgradedFrom: number | null = null;
  const db = await openDB<StintDb>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx, event) => {
      upgradedFrom = oldVersion;
      upgrade(db, oldVersion, tx);
      // A reset seen by the look before this open (that look's upgrade was aborted) is this open's too.
      noteDataLoss(tx, before?.reset ?? event, Date.now());
    },
    ...events,
  });
  // The copy stays put if this fails: the next open tries again.
  if (store) await settleRescue(db, store, upgradedFrom, Date.now()).catch(() => undefined);
  return db;
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
