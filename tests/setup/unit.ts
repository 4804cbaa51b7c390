import { afterEach, beforeEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '../../lib/db/open';
import { overlayWordsOf } from '../../lib/messaging/overlay-words';
import { setOverlayWords } from '../../lib/overlay/words';
import { getMessageFrom, loadMessages } from './messages';

// The fake browser has no getMessage: answer from the real English messages (locales/en.yml), so tests assert the
// words a person reads. reset() leaves i18n alone; a test that switches locale puts English back itself.
const english = await loadMessages('en');
fakeBrowser.i18n.getMessage = getMessageFrom(english);
// Content scripts get their words from the background's first answer; the overlay's unit tests start with them given.
const overlayWords = overlayWordsOf(Object.keys(english), getMessageFrom(english));

// A clean browser and a clean IndexedDB for every test: nothing leaks from one test into the next.
beforeEach(() => {
  fakeBrowser.reset();
  setOverlayWords(overlayWords);
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabase());
