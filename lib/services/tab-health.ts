import { storage } from 'wxt/utils/storage';
import { itemKey, type ProviderKey } from '../core/item-ref';
import type { Caller } from '../messaging/server';
import type { OverlayReport, TabHealth } from '../messaging/protocol';
import { matchPageUrl } from '../providers/registry';
import { t } from '../i18n';

// Session storage: visible to the background and Stint's pages only (not to content scripts), gone with the browser.
const itemFor = (tabId: number) => storage.defineItem<TabHealth | null>(`session:tab-health:${tabId}`, { fallback: null });

/**
 * Record what the overlay mounted on a tab. The item comes from the sender's URL as the browser reports it, never
 * from the payload, so a page cannot claim to be another item.
 */
export async function recordOverlayReport(caller: Extract<Caller, { kind: 'content' }>, report: OverlayReport, now: number, selfHosted?: ReadonlyMap<string, ProviderKey>): Promise<{ itemKey: string | null }> {
  const match = matchPageUrl(caller.url, selfHosted);
  if (!match) throw new Error(t('refusal.unknownPage'));
  const item = match.item;
  const health: TabHealth = {
    tabId: caller.tabId,
    url: caller.url.href.slice(0, 4096),
    itemKey: item ? itemKey(item) : null,
    pageKind: match.kind,
    anchor: report.anchor,
    title: report.title,
    reportedAt: now,
  };
  await itemFor(caller.tabId).setValue(health);
  return { itemKey: health.itemKey };
}

export function getTabHealth(tabId: number): Promise<TabHealth | null> {
  return itemFor(tabId).getValue();
}

export function forgetTab(tabId: number): Promise<void> {
  return itemFor(tabId).removeValue();
}
