import type { Page } from 'playwright-core';
import type { Harness } from './harness.ts';

/** Watching list and board badges in real Chromium: the `items.badges` requests a page sends, and what it shows. */

export interface BadgeRequest {
  /** The tab's URL when the message arrived (a sender's own `url` keeps the document's first URL after pushState). */
  readonly tabUrl: string;
  readonly keys: string[];
}

type WorkerGlobal = {
  __stintBadgeRequests?: BadgeRequest[];
  chrome: { runtime: { onMessage: { addListener(listener: (message: unknown, sender: { tab?: { url?: string } }) => undefined): void } } };
};

/** Count `items.badges` messages in the service worker (a second listener that only watches; it never answers). */
export async function countBadgeRequests(harness: Harness): Promise<void> {
  const worker = await harness.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as WorkerGlobal;
    if (g.__stintBadgeRequests) return;
    const seen: BadgeRequest[] = (g.__stintBadgeRequests = []);
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      const m = message as { type?: unknown; payload?: { keys?: unknown } } | null;
      if (m?.type === 'items.badges' && Array.isArray(m.payload?.keys)) seen.push({ tabUrl: sender.tab?.url ?? '', keys: m.payload.keys as string[] });
      return undefined;
    });
  });
}

/** Every `items.badges` message since counting began, in order. */
export async function badgeRequests(harness: Harness): Promise<BadgeRequest[]> {
  const worker = await harness.worker();
  return worker.evaluate(() => (globalThis as unknown as WorkerGlobal).__stintBadgeRequests ?? []);
}

/** Per row (or card): the item its link names, and the badges Stint put in it (item and text). */
export async function rowsAndBadges(page: Page, rowSelector: string, linkSelector: string) {
  return page.evaluate(
    ([rowSel, linkSel]) =>
      [...document.querySelectorAll(rowSel)].map((row) => ({
        href: row.querySelector(linkSel)?.getAttribute('href') ?? '',
        badges: [...row.querySelectorAll('stint-badge')].map((host) => ({
          key: host.getAttribute('data-stint-item'),
          text: host.shadowRoot?.querySelector('span')?.textContent ?? null,
          afterLink: host.previousElementSibling?.matches(linkSel) ?? false,
          lastInRow: host.parentElement === row && host.nextElementSibling === null,
          theme: host.getAttribute('data-theme'),
        })),
      })),
    [rowSelector, linkSelector] as const,
  );
}

/** Wait until every row has its badge. */
export async function allBadged(page: Page, rowSelector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const rows = [...document.querySelectorAll(sel)];
    return rows.length > 0 && rows.every((row) => row.querySelector('stint-badge')?.shadowRoot?.querySelector('span')?.textContent);
  }, rowSelector);
}
