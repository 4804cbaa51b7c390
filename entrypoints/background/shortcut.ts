import { browser } from 'wxt/browser';
import { database } from '@/lib/db/open';
import { getTabHealth } from '@/lib/services/tab-health';
import { toggleTimerFor, type Clock } from '@/lib/services/timer';

export const TOGGLE_COMMAND = 'toggle-timer';

/** The keyboard shortcut toggles the timer for the item Stint recognised in the active tab. */
export function registerShortcut(clock: Clock, afterTimerChange: () => Promise<void>): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      const itemKey = tabId === undefined ? null : (await getTabHealth(tabId))?.itemKey;
      if (!itemKey) return; // nothing recognised on this tab: nothing to toggle
      await toggleTimerFor(await database(), clock, itemKey);
      await afterTimerChange();
    })();
  });
}
