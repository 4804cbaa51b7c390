import type { Browser } from 'wxt/browser';
import { Envelope, protocol, type MessageType, type Reply, type RequestOf, type ResponseOf } from './protocol';

type Sender = Browser.runtime.MessageSender;

/** Who sent a message, as far as the background can prove it. */
export type Caller =
  | { readonly kind: 'content'; readonly tabId: number; readonly url: URL }
  | { readonly kind: 'extension'; readonly url: URL };

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, caller: Caller) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

/**
 * Decide who sent a message. Extension pages are recognised by their extension-origin URL; anything else must be a
 * content script in a tab. Messages from other extensions or without a URL are refused.
 */
export function identifyCaller(sender: Sender, runtimeId: string, extensionOrigin: string): Caller | null {
  if (sender.id !== runtimeId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension', url };
  if (sender.tab?.id === undefined || sender.tab.id < 0) return null;
  // Chrome keeps `sender.url` at the document's first URL after a client-side navigation (pushState); the tab's URL
  // is current. For the top frame, the page is what the tab shows.
  if (sender.frameId === 0 && sender.tab.url) {
    try {
      return { kind: 'content', tabId: sender.tab.id, url: new URL(sender.tab.url) };
    } catch {
      return null;
    }
  }
  return { kind: 'content', tabId: sender.tab.id, url };
}

/**
 * Validate and dispatch one message. Never throws: a malformed, unknown or unauthorised message gets a clear error
 * and reaches no handler, so it can write nothing.
 */
export async function dispatch(handlers: Handlers, message: unknown, caller: Caller | null, explain: (error: unknown) => string | null = () => null): Promise<Reply<unknown>> {
  if (!caller) return { ok: false, error: 'Refused: the sender is not part of Stint.' };
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'Refused: not a Stint message.' };
  const type = envelope.data.type;
  if (!Object.hasOwn(protocol, type)) return { ok: false, error: `Refused: unknown message “${type.slice(0, 64)}”.` };
  const entry = protocol[type as MessageType];
  if (entry.from !== caller.kind) return { ok: false, error: `Refused: “${type}” cannot be sent from a ${caller.kind === 'content' ? 'web page' : 'Stint page'}.` };
  const parsed = entry.request.safeParse(envelope.data.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Invalid “${type}” request: ${issue ? `${issue.path.join('.') || 'payload'} — ${issue.message}` : 'malformed'}.` };
  }
  try {
    const handler = handlers[type as MessageType] as (payload: unknown, caller: Caller) => unknown;
    return { ok: true, data: await handler(parsed.data, caller) };
  } catch (error) {
    // `explain` turns platform errors (a full disk) into text a person can act on; DOMExceptions often carry none.
    return { ok: false, error: explain(error) ?? (error instanceof Error && error.message ? error.message : 'Stint failed to handle the request.') };
  }
}
