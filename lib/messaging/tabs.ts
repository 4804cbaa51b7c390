import { browser } from 'wxt/browser';

/**
 * The tab a Stint page is about. As the toolbar popup or the side panel, that is the active tab of its window; when a
 * person opens the page as a tab of its own (pinned popup, keyboard users, tests), it is the tab they were on just
 * before, i.e. the most recently used other tab of the window.
 */
export async function subjectTabId(): Promise<number | null> {
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  if (!self) return tabs.find((tab) => tab.active)?.id ?? null;
  const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== self.id).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}
