import { afterEach, beforeEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '../../lib/db/open';

// A clean browser and a clean IndexedDB for every test: nothing leaks from one test into the next.
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabase());
