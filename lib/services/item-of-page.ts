import { itemKey, type ItemRef, type ProviderKey } from '../core/item-ref';
import type { Caller } from '../messaging/server';
import { matchPageUrl } from '../providers/registry';
import { t } from '../i18n';

/**
 * The item a content script's page is about, from the page URL the browser reports for the sender. A page can only
 * ever act on its own item: nothing in a message payload can name another one.
 */
export function itemOfPage(caller: Caller, selfHosted?: ReadonlyMap<string, ProviderKey>): { ref: ItemRef; key: string } {
  if (caller.kind !== 'content') throw new Error(t('refusal.notAProviderPage'));
  const match = matchPageUrl(caller.url, selfHosted);
  const ref = match?.item ?? null;
  if (!ref) throw new Error(t('refusal.notAnItemPage'));
  return { ref, key: itemKey(ref) };
}
