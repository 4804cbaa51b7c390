import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { itemKey, type ItemRef } from '../core/item-ref';
import type { OverlayReport } from '../messaging/protocol';
import type { ProviderPage } from '../providers/types';
import { findAnchor } from './anchors';
import { onUrlChange } from './navigation';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { hostPrefersDark } from './theme';

export interface OverlayDeps {
  /** Tell the background what was mounted (integration health); failures are the background's to report. */
  readonly report: (report: OverlayReport) => Promise<unknown>;
  /** Draw Stint's controls for the item into the shadow root; torn down when `signal` aborts (new item, unload). */
  readonly widget: (root: ShadowRoot, item: ItemRef, signal: AbortSignal) => void;
}

/**
 * The content-side runtime for one provider: recognise the page from its URL, mount Stint beside the item's title (or
 * as a floating chip when no known anchor exists, so it never silently vanishes), follow SPA navigation, and put
 * itself back if the page removes it. Everything is torn down with the content script's context.
 */
export function runOverlay(ctx: ContentScriptContext, page: ProviderPage, deps: OverlayDeps): void {
  let mounted: { item: ItemRef; shadow: ShadowHost; anchor: string | null; widget: AbortController } | null = null;
  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

  const place = (item: ItemRef): void => {
    const anchor = findAnchor(document, page.selectors.itemTitle);
    const shadow = mounted?.shadow ?? createShadowHost(document);
    const key = itemKey(item);
    shadow.host.dataset.stintItem = key;
    shadow.host.dataset.theme = hostPrefersDark(document, darkQuery.matches) ? 'dark' : 'light';
    if (anchor) {
      delete shadow.host.dataset.floating;
      if (anchor.element.nextSibling !== shadow.host) anchor.element.after(shadow.host);
    } else {
      shadow.host.dataset.floating = '';
      if (shadow.host.parentNode !== document.body) document.body.append(shadow.host);
    }
    const title = anchor?.element.textContent?.trim().slice(0, 500) ?? null;
    const sameItem = mounted !== null && itemKey(mounted.item) === key;
    const changed = !mounted || mounted.anchor !== (anchor?.selector ?? null) || !sameItem;
    let widget = mounted?.widget ?? null;
    if (!sameItem || !widget) {
      widget?.abort();
      widget = new AbortController();
      deps.widget(shadow.root, item, widget.signal);
    }
    mounted = { item, shadow, anchor: anchor?.selector ?? null, widget };
    if (changed) void deps.report({ anchor: mounted.anchor, title }).catch(() => undefined);
  };

  const route = (url: URL): void => {
    const match = page.matchPage(url);
    const item = match?.item ?? null;
    if (!item) {
      mounted?.widget.abort();
      mounted?.shadow.host.remove();
      mounted = null;
      return;
    }
    place(item);
  };

  // One observer: re-place when the page re-renders the title (SPA), moves us into a late anchor, or removes us.
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued || !mounted) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!mounted) return;
      const needsAnchor = mounted.anchor === null && findAnchor(document, page.selectors.itemTitle) !== null;
      if (!mounted.shadow.host.isConnected || needsAnchor) place(mounted.item);
    });
  });
  // The whole document: client-side routers (GitHub's Turbo) may replace <body> itself.
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    mounted?.widget.abort();
    mounted?.shadow.host.remove();
  });
  onUrlChange(ctx, route);
  route(new URL(location.href));
}
