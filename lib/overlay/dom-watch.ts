/**
 * How the overlay watches the page, at the smallest cost: a MutationObserver over a whole document makes the browser
 * record every change a page makes (measured: ~15 ms of main-thread time on a GitHub issue page), so Stint only ever
 * observes (1) the chain of its own host's ancestors, without subtrees, to learn when the page removed it, and (2) a
 * subtree while it is waiting for an anchor that is not there yet. Both end with the feature's AbortSignal.
 */

/** Call back (once per batch) when `element` is no longer in the document, whatever removed it or an ancestor. */
export function onDetached(element: Element, callback: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(() => {
    if (element.isConnected) return;
    observer.disconnect();
    callback();
  });
  for (let node: Node | null = element.parentNode; node; node = node.parentNode) {
    observer.observe(node, { childList: true });
  }
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Call back when `find()` first returns something after a change in `root`'s subtree (checked at most once per
 * microtask), then stop watching. For anchors that a page renders after Stint has started.
 */
export function whenFound<T>(root: Node, find: () => T | null, callback: (found: T) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const found = find();
      if (found === null || signal.aborted) return;
      observer.disconnect();
      callback(found);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
