import { browser } from 'wxt/browser';
import { overlayWordsOf } from '@/lib/messaging/overlay-words';

let cached: Promise<Record<string, string>> | null = null;

/**
 * The overlay's messages in the browser's language, for content scripts (which must not load the message bundle: see
 * lib/overlay/words.ts). The names come from the built English catalogue; the words from `i18n.getMessage`, which
 * picks the language. Read once per worker life.
 */
export function overlayWords(): Promise<Record<string, string>> {
  cached ??= (async () => {
    // Not a public file WXT types know of: the built catalogue, read by its place in the package.
    const catalogue = (await (await fetch(new URL('/_locales/en/messages.json', location.origin))).json()) as Record<string, unknown>;
    return overlayWordsOf(Object.keys(catalogue), (name) => (browser.i18n.getMessage as (name: string) => string)(name));
  })().catch((error: unknown) => {
    cached = null; // try again at the next page
    throw error;
  });
  return cached;
}
