import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Ask the background; resolves with its answer or rejects with its readable error. Type-only imports keep zod out of
 * content scripts: the background validates every request, and its answers are Stint's own.
 */
export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = await browser.runtime.sendMessage<{ type: T; payload: RequestOf<T> }, Reply<ResponseOf<T>> | undefined>({ type, payload });
  if (!reply) throw new Error('Stint’s background did not answer. Reload the page; if it persists, reload the extension.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
