import { browser } from 'wxt/browser';
import { TIMER_CHANGED } from '@/lib/messaging/notices';
import { tabsWithItems } from '@/lib/services/tab-health';

/**
 * Tell every tab with a recognised item that its data may have changed (a timer, a sync read, a write-back); a tab
 * that closed or navigated away is skipped.
 */
export async function tellTabsTimerChanged(): Promise<void> {
  const tabs = await tabsWithItems();
  await Promise.all(tabs.map((tabId) => browser.tabs.sendMessage(tabId, { type: TIMER_CHANGED }).catch(() => undefined)));
}
