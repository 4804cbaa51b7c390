import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StintDb } from './schema';

/**
 * Schema migrations as a fall-through switch: a database at any old version walks every later step in order.
 * Never edit a released case; add the next one.
 */
export function upgrade(db: IDBPDatabase<StintDb>, oldVersion: number, tx: IDBPTransaction<StintDb, StoreNames<StintDb>[], 'versionchange'>): void {
  switch (oldVersion) {
    case 0: {
      const entries = db.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('byItem', 'itemKey');
      entries.createIndex('byStart', 'start');
      entries.createIndex('bySync', 'sync');
      entries.createIndex('byAuthorStart', ['author', 'start']);
      db.createObjectStore('items', { keyPath: 'key' });
      db.createObjectStore('meta');
    }
    // falls through
    case 1: {
      db.createObjectStore('connections', { keyPath: 'id' });
      db.createObjectStore('secrets', { keyPath: 'connectionId' });
    }
    // falls through
    case 2: {
      db.createObjectStore('outbox', { keyPath: 'entryId' }).createIndex('byNextAt', 'nextAt');
      db.createObjectStore('projects', { keyPath: 'key' });
      db.createObjectStore('syncState', { keyPath: 'scope' });
    }
    // falls through
    case 3: {
      // Pull requests by the issues they close: an issue page finds its linked PRs without a scan.
      tx.objectStore('items').createIndex('byCloses', 'closes', { multiEntry: true });
    }
    // falls through
    case 4: {
      db.createObjectStore('containers', { keyPath: 'key' }).createIndex('byProject', 'projectKey');
      // Filled from the entries by the first `ensureRollups` (its basis is missing until then).
      db.createObjectStore('rollups', { keyPath: 'key' });
      db.createObjectStore('budgets', { keyPath: 'id' }).createIndex('byScope', 'scope.key');
      db.createObjectStore('rates', { keyPath: 'id' });
      db.createObjectStore('baselines', { keyPath: 'containerKey' });
    }
    // falls through
    case 5: {
      // A budgeted milestone's / sprint's items without reading its whole project's.
      tx.objectStore('items').createIndex('byContainer', ['container.kind', 'container.id', 'key']);
    }
    // falls through to the next version's step when there is one
  }
}
