import { itemKey, type ItemRef } from '../../core/item-ref';
import type { OverlayReport } from '../../messaging/protocol';
import { findAnchor } from '../anchors';
import { onDetached, whenFound } from '../dom-watch';
import type { OverlayFeature } from '../feature';
import { createShadowHost } from '../shadow-host';

export interface ItemTimerDeps {
  /** Tell the background the button moved (integration health); failures are the background's to report. */
  readonly report: (report: OverlayReport) => Promise<unknown>;
  /**
   * Draw Stint's controls for the item into the shadow root; torn down when `signal` aborts. `placement` is where the
   * button sits at mount: the widget carries it with its first request, so a page load costs one round trip, not two.
   */
  readonly widget: (root: ShadowRoot, item: ItemRef, signal: AbortSignal, placement: OverlayReport) => void;
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
      let firstPlacement: OverlayReport | null = null; // set by the first placement, sent by the widget

      // Each placement gets its own watchers; placing again replaces them.
      let watching: AbortController | null = null;
      const place = () => {
        watching?.abort();
        watching = new AbortController();
        signal.addEventListener('abort', () => watching?.abort(), { once: true });
        const anchor = findAnchor(document, page.selectors.itemTitle);
        if (anchor) {
          delete host.dataset.floating;
          if (anchor.element.nextSibling !== host) anchor.element.after(host);
        } else {
          host.dataset.floating = '';
          if (host.parentNode !== document.body) document.body.append(host);
          // Move beside the title when the page renders one later.
          whenFound(document.documentElement, () => findAnchor(document, page.selectors.itemTitle), place, watching.signal);
        }
        // Put back if the page removes it (or anything around it).
        onDetached(host, place, watching.signal);
        const selector = anchor?.selector ?? null;
        if (selector !== reportedAnchor) {
          const report = { anchor: selector, title: anchor?.element.textContent?.trim().slice(0, 500) ?? null };
          if (reportedAnchor === undefined) firstPlacement = report;
          else void deps.report(report).catch(() => undefined);
          reportedAnchor = selector;
        }
      };

      place();
      deps.widget(root, item, signal, firstPlacement ?? { anchor: null, title: null });
      signal.addEventListener('abort', () => host.remove(), { once: true });
    },
  };
}
