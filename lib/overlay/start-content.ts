import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '../messaging/client';
import type { ProviderPage } from '../providers/types';
import { itemTimerFeature } from './features/item-timer';
import { runOverlay } from './runtime';
import { mountTimerButton } from './timer-button';

/** The storage key the background rewrites after every timer change (lib/services/timer-pulse.ts). */
const TIMER_PULSE_KEY = 'timerPulse';

/** Call back whenever the background reports a timer change (another tab, the popup, the shortcut). */
function onTimerChange(listener: () => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && TIMER_PULSE_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
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
