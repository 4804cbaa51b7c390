import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Ask the background; resolves with its answer or rejects with its readable error. Type-only imports keep zod out of
 * content scripts: the background validates every request, and its answers are Stint's own.
 */
export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = await browser.runtime.sendMessage<{ type: T; payload: RequestOf<T> }, Reply<ResponseOf<T>> | undefined>({ type, payload });
  // browser.i18n directly (tests/lib/messaging/client.test.ts proves the name), and only on this failure: content
  // scripts use this module, and lib/i18n or a getMessage on every call would load the whole message bundle per page.
  if (!reply) throw new Error((browser.i18n.getMessage as (name: string) => string)('overlay_unreachable') || 'Stint’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
