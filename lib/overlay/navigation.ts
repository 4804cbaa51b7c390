import type { ContentScriptContext } from 'wxt/utils/content-script-context';

interface NavigationLike extends EventTarget {
  readonly currentEntry?: { readonly url?: string | null } | null;
}

/**
 * Call back with the new URL after every same-document navigation (pushState, replaceState, back / forward) of the
 * sites' client-side routers. The Navigation API's `currententrychange` fires after the URL has changed (its `navigate`
 * event fires before, while `location` still shows the old page); without that API, WXT's location watcher is used.
 */
export function onUrlChange(ctx: ContentScriptContext, callback: (url: URL) => void): void {
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    let last = location.href;
    ctx.addEventListener(navigation, 'currententrychange', () => {
      if (location.href === last) return;
      last = location.href;
      callback(new URL(last));
    });
    return;
  }
  ctx.addEventListener(window, 'wxt:locationchange', (event) => callback(event.newUrl));
}
