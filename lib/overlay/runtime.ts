import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ProviderPage } from '../providers/types';
import type { OverlayFeature } from './feature';
import { onUrlChange } from './navigation';
import { watchHostTheme } from './theme';

/**
 * The content-side runtime: recognise the page from its URL, start the features that apply to it with a fresh
 * AbortSignal, and on client-side navigation restart only the features whose page identity changed. One theme watch
 * is shared by all features (DOM watching is scoped per feature); everything ends with the script's context.
 */
export function runOverlay(ctx: ContentScriptContext, page: ProviderPage, features: readonly OverlayFeature[]): void {
  const themeListeners = new Set<(dark: boolean) => void>();
  const isDark = watchHostTheme(document, (dark) => themeListeners.forEach((listener) => listener(dark)), ctx.signal);
  const running = new Map<OverlayFeature, { identity: string; controller: AbortController }>();

  const route = (url: URL): void => {
    const match = page.matchPage(url);
    for (const feature of features) {
      const identity = match && feature.applies(match) ? feature.identity(match) : null;
      const current = running.get(feature);
      if (current?.identity === identity) continue; // same page for this feature: leave it running
      current?.controller.abort();
      running.delete(feature);
      if (!match || identity === null) continue;
      const controller = new AbortController();
      running.set(feature, { identity, controller });
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

  ctx.onInvalidated(() => running.forEach(({ controller }) => controller.abort()));
  onUrlChange(ctx, route);
  route(new URL(location.href));
}
