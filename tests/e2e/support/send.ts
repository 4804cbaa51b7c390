import type { Page } from 'playwright-core';

/**
 * Ask Stint's background from one of Stint's own pages (options, popup), exactly as those pages do: the reply's data,
 * or the background's readable error thrown.
 */
export function sendFromPage<T>(page: Page, type: string, payload: object): Promise<T> {
  return page.evaluate(
    async ([t, p]) => {
      const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> } } }).chrome.runtime.sendMessage({ type: t, payload: p })) ?? { ok: false, error: 'no answer' };
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    [type, payload] as const,
  ) as Promise<T>;
}
