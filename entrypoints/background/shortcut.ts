import { browser } from 'wxt/browser';
import { database } from '@/lib/db/open';
import { TOGGLE_COMMAND, toggleTimerForTab } from '@/lib/services/shortcut';
import type { Clock } from '@/lib/services/timer';

/** Wire the keyboard shortcut (manifest `commands`) to the active tab's item. */
export function registerShortcut(clock: Clock, afterTimerChange: () => Promise<void>): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      if (await toggleTimerForTab(await database(), clock, tabId)) await afterTimerChange();
    })();
  });
}
