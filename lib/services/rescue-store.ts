import { browser } from 'wxt/browser';
import type { RescueCopy, RescueStore } from '../db/rescue';

/** The `storage.local` key of the rescue copy (lib/db/rescue.ts): outside IndexedDB, so a reset of it cannot take it. */
export const RESCUE_KEY = 'stint:rescue';

/**
 * `storage.local` survives a reset of IndexedDB, and needs no permission beyond `storage`. Content scripts can read it:
 * the copy holds no token. Without `unlimitedStorage` it holds 10 MB; a write over that rejects, and the copy is cut.
 */
export const rescueStore: RescueStore = {
  read: async () => (await browser.storage.local.get(RESCUE_KEY))[RESCUE_KEY],
  write: (copy: RescueCopy) => browser.storage.local.set({ [RESCUE_KEY]: copy }),
  clear: () => browser.storage.local.remove(RESCUE_KEY),
};
