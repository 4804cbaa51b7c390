import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { itemKey } from '../core/item-ref';
import type { PageMatch, ProviderPage } from '../providers/types';
import type { OverlayFeature } from './feature';
import { onUrlChange } from './navigation';
import { watchHostTheme } from './theme';

/** Two URLs are the same page for the overlay when they show the same thing (a hash or filter order does not count). */
function pageIdentity(match: PageMatch | null): string {
  if (!match) return 'none';
  const item = match.item ? itemKey(match.item) : '';
  return match.kind === 'list' ? `list|${match.host}|${match.project ?? ''}|${match.list}|${item}` : `${match.kind}|${item}|${match.kind === 'board' ? match.project ?? '' : ''}`;
}

/**
 * The content-side runtime: recognise the page from its URL, start the features that apply to it with a fresh
 * AbortSignal, and on client-side navigation to another page abort them and start again. One theme watch is shared
 * by all features (DOM watching is in dom-watch.ts, scoped per feature); everything ends with the script's context.
 */
export function runOverlay(ctx: ContentScriptContext, page: ProviderPage, features: readonly OverlayFeature[]): void {
  const themeListeners = new Set<(dark: boolean) => void>();
  const isDark = watchHostTheme(document, (dark) => themeListeners.forEach((listener) => listener(dark)), ctx.signal);
  let current: { identity: string; controller: AbortController } | null = null;

  const route = (url: URL): void => {
    const match = page.matchPage(url);
    const identity = pageIdentity(match);
    if (current?.identity === identity) return;
    current?.controller.abort();
    const controller = new AbortController();
    current = { identity, controller };
    if (!match) return;
    for (const feature of features) {
      if (!feature.applies(match)) continue;
      feature.start({
        page,
        match,
        signal: controller.signal,
        isDark,
        onThemeChange: (listener, signal) => {
          themeListeners.add(listener);
          signal.addEventListener('abort', () => themeListeners.delete(listener), { once: true });
        },
      });
    }
  };

  ctx.onInvalidated(() => current?.controller.abort());
  onUrlChange(ctx, route);
  route(new URL(location.href));
}
