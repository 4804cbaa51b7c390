import { browser } from 'wxt/browser';
import { database } from '@/lib/db/open';
import { TIMER_CHANGED } from '@/lib/messaging/notices';
import { selfHostedProviders } from '@/lib/services/connections';

/** The pages Stint runs on: the public hosts, and the self-hosted ones the user connected. */
const PUBLIC_PAGES = ['https://github.com/*', 'https://gitlab.com/*', 'https://*.atlassian.net/*'];

/**
 * Tell every tab on a provider's pages that data may have changed (a timer, a sync read, a write-back): item pages
 * redraw their button, lists and boards their badges. A tab without Stint's content script just does not answer.
 */
export async function tellTabsTimerChanged(): Promise<void> {
  const selfHosted = [...(await selfHostedProviders(await database())).keys()].map((host) => `https://${host}/*`);
  const tabs = await browser.tabs.query({ url: [...PUBLIC_PAGES, ...selfHosted] });
  const ids = tabs.map((tab) => tab.id).filter((id): id is number => id !== undefined);
  await Promise.all(ids.map((id) => browser.tabs.sendMessage(id, { type: TIMER_CHANGED }).catch(() => undefined)));
}
