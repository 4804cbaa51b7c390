import { afterEach, beforeEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '../../lib/db/open';
import { getMessageFrom, loadMessages } from './messages';

// The fake browser has no getMessage: answer from the real English messages (locales/en.yml), so tests assert the
// words a person reads. reset() leaves i18n alone; a test that switches locale puts English back itself.
fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));

// A clean browser and a clean IndexedDB for every test: nothing leaks from one test into the next.
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabase());
