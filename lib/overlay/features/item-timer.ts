import { itemKey, type ItemRef } from '../../core/item-ref';
import type { OverlayReport } from '../../messaging/protocol';
import { findAnchor } from '../anchors';
import { onDetached, whenFound } from '../dom-watch';
import type { OverlayFeature } from '../feature';
import { createShadowHost } from '../shadow-host';

export interface ItemTimerDeps {
  /** Tell the background what was mounted (integration health); failures are the background's to report. */
  readonly report: (report: OverlayReport) => Promise<unknown>;
  /** Draw Stint's controls for the item into the shadow root; torn down when `signal` aborts. */
  readonly widget: (root: ShadowRoot, item: ItemRef, signal: AbortSignal) => void;
}

/**
 * The timer beside the item's title, on item pages and wherever a list or board shows one item (drawer, side panel).
 * When no known anchor matches it floats in the corner, so it never silently vanishes; it moves beside the title if
 * one appears later, and comes back if the page removes it.
 */
export function itemTimerFeature(deps: ItemTimerDeps): OverlayFeature {
  return {
    name: 'item-timer',
    applies: (match) => match.item !== null,
    identity: (match) => (match.item ? itemKey(match.item) : ''),
    start({ page, match, signal, isDark, onThemeChange }) {
      const item = match.item;
      if (!item) return;
      const { host, root } = createShadowHost(document);
      host.dataset.stintItem = itemKey(item);
      const setTheme = (dark: boolean) => (host.dataset.theme = dark ? 'dark' : 'light');
      setTheme(isDark());
      onThemeChange(setTheme, signal);
      let reportedAnchor: string | null | undefined;

      // Each placement gets its own watchers; placing again replaces them.
      let placement: AbortController | null = null;
      const place = () => {
        placement?.abort();
        placement = new AbortController();
        signal.addEventListener('abort', () => placement?.abort(), { once: true });
        const anchor = findAnchor(document, page.selectors.itemTitle);
        if (anchor) {
          delete host.dataset.floating;
          if (anchor.element.nextSibling !== host) anchor.element.after(host);
        } else {
          host.dataset.floating = '';
          if (host.parentNode !== document.body) document.body.append(host);
          // Move beside the title when the page renders one later.
          whenFound(document.documentElement, () => findAnchor(document, page.selectors.itemTitle), place, placement.signal);
        }
        // Put back if the page removes it (or anything around it).
        onDetached(host, place, placement.signal);
        const selector = anchor?.selector ?? null;
        if (selector !== reportedAnchor) {
          reportedAnchor = selector;
          void deps.report({ anchor: selector, title: anchor?.element.textContent?.trim().slice(0, 500) ?? null }).catch(() => undefined);
        }
      };

      deps.widget(root, item, signal);
      place();
      signal.addEventListener('abort', () => host.remove(), { once: true });
    },
  };
}
