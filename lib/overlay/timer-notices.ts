import { browser } from 'wxt/browser';
import { TIMER_CHANGED } from '../messaging/notices';

/**
 * Call back whenever the background says the timer changed (another tab, the popup, the shortcut). Only messages from
 * Stint itself count, and they carry nothing but the notice: each listener asks again for what it shows.
 */
export function onTimerChange(listener: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (message as { type?: unknown } | null)?.type === TIMER_CHANGED) listener();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
