/**
 * The one MutationObserver of a content script. Features subscribe to "the page changed" and get called at most once
 * per microtask, however many mutations a render makes; each subscription ends with its feature's AbortSignal.
 */
export interface DomWatch {
  onChange(callback: () => void, signal: AbortSignal): void;
  disconnect(): void;
}

export function createDomWatch(doc: Document): DomWatch {
  const callbacks = new Set<() => void>();
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued || callbacks.size === 0) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      for (const callback of [...callbacks]) callback();
    });
  });
  // The whole document: client-side routers (GitHub's Turbo) may replace <body> itself.
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return {
    onChange(callback, signal) {
      if (signal.aborted) return;
      callbacks.add(callback);
      signal.addEventListener('abort', () => callbacks.delete(callback), { once: true });
    },
    disconnect() {
      callbacks.clear();
      observer.disconnect();
    },
  };
}
