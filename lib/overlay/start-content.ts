import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '../messaging/client';
import { TIMER_CHANGED } from '../messaging/notices';
import type { ProviderPage } from '../providers/types';
import { itemTimerFeature } from './features/item-timer';
import { runOverlay } from './runtime';
import { mountTimerButton } from './timer-button';

/**
 * Call back whenever the background says the timer changed (another tab, the popup, the shortcut). Only messages from
 * Stint itself count, and they carry nothing but the notice: the button asks again for its own item's state.
 */
function onTimerChange(listener: () => void, signal: AbortSignal): void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (message as { type?: unknown } | null)?.type === TIMER_CHANGED) listener();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}

/** Everything a provider's content script does: the overlay's features, wired to the background. */
export function startContentScript(ctx: ContentScriptContext, page: ProviderPage): void {
  runOverlay(ctx, page, [
    itemTimerFeature({
      report: (report) => request('overlay.report', report),
      widget: (root, _item, signal) =>
        mountTimerButton(root, signal, {
          getState: () => request('item.state', {}),
          toggle: () => request('item.toggle', {}),
          now: () => Date.now(),
          onTimerChange,
        }),
    }),
  ]);
}
