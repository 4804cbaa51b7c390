import type { IDBPDatabase } from 'idb';
import type { StintDb } from '../db/schema';
import { getTabHealth } from './tab-health';
import { toggleTimerFor, type Clock } from './timer';

export const TOGGLE_COMMAND = 'toggle-timer';

/**
 * The keyboard shortcut: toggle the timer for the item Stint recognised in the tab (from its URL, as recorded by the
 * overlay). Returns whether anything happened — a tab without a recognised item is left alone.
 */
export async function toggleTimerForTab(db: IDBPDatabase<StintDb>, clock: Clock, tabId: number | undefined): Promise<boolean> {
  const itemKey = tabId === undefined ? null : (await getTabHealth(tabId))?.itemKey;
  if (!itemKey) return false;
  await toggleTimerFor(db, clock, itemKey);
  return true;
}
