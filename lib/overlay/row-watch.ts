import type { SelectorList } from '../providers/types';
import { onDetached, whenFound } from './dom-watch';

export interface RowWatchOptions {
  /** What a row is: selectors tried in order, newest UI first; the first that matches anything is used. */
  readonly rows: SelectorList;
  /** Rows not seen before, each element once (a row the page moves or re-inserts is not new). */
  readonly onRows: (rows: Element[]) => void;
  /** Rows already seen whose insides the page re-rendered (their title link may be new, or gone). */
  readonly onChanged: (rows: Element[]) => void;
  /** Added elements that are Stint's own (its badges): never looked into. */
  readonly ignore: (element: Element) => boolean;
  readonly signal: AbortSignal;
}

export interface RowWatch {
  /** Every row now in the watched list (connected ones only). */
  current(): Element[];
}

function firstMatching(doc: Document, selectors: SelectorList): string | null {
  for (const selector of selectors) {
    try {
      if (doc.querySelector(selector)) return selector;
    } catch {
      // A selector this browser cannot parse must not take the overlay down.
    }
  }
  return null;
}

/**
 * The element to watch for a list's rows: the nearest common ancestor of all rows, strictly above each of them, and
 * above any single-child wrappers (with one row, the row's own wrappers would hide its future siblings).
 */
export function listContainer(rows: readonly Element[]): Element | null {
  const [first, ...rest] = rows;
  let container: Element | null = first ?? null;
  for (const row of rest) {
    while (container && !container.contains(row)) container = container.parentElement;
  }
  if (container && rows.includes(container)) container = container.parentElement;
  while (container?.parentElement && container.childElementCount === 1 && container.parentElement !== container.ownerDocument.body) {
    container = container.parentElement;
  }
  return container;
}

/**
 * Report every row of a list as it appears, at the smallest cost (see dom-watch.ts): only the list's container is
 * observed, for added nodes, once the first rows are there. Until then (and again after the page replaces the
 * container, as client-side navigation between list pages does) the document is watched just until rows appear.
 * Each row element is reported once; everything stops with `signal`.
 */
export function watchRows(doc: Document, options: RowWatchOptions): RowWatch {
  const { signal } = options;
  const seen = new WeakSet<Element>();
  let selector: string | null = null;
  let container: Element | null = null;
  let phase: AbortController | null = null;

  const report = (found: Iterable<Element>) => {
    const fresh: Element[] = [];
    for (const row of found) {
      if (seen.has(row)) continue;
      seen.add(row);
      fresh.push(row);
    }
    if (fresh.length > 0) options.onRows(fresh);
  };

  const onMutations = (records: MutationRecord[]) => {
    if (!selector || signal.aborted) return;
    const added = new Set<Element>();
    const changed = new Set<Element>();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (options.ignore(element)) continue;
        // A row is not looked into: rows do not nest, and a flood of 50,000 would otherwise be matched element by element.
        if (element.matches(selector)) {
          added.add(element);
          continue;
        }
        let isRow = false;
        for (const row of element.querySelectorAll(selector)) {
          added.add(row);
          isRow = true;
        }
        if (isRow) continue;
        const row = element.parentElement?.closest(selector);
        if (row && seen.has(row)) changed.add(row);
      }
    }
    if (added.size > 0) report(added);
    if (changed.size > 0) options.onChanged([...changed]);
  };

  const discover = () => {
    phase?.abort();
    if (signal.aborted) return;
    const current = new AbortController();
    phase = current;
    const stop = () => current.abort();
    signal.addEventListener('abort', stop, { once: true });
    current.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop), { once: true });
    selector = firstMatching(doc, options.rows);
    const rows = selector ? [...doc.querySelectorAll(selector)] : [];
    container = listContainer(rows);
    if (!selector || !container) {
      container = null;
      whenFound(doc.documentElement, () => firstMatching(doc, options.rows), discover, current.signal);
      return;
    }
    const observer = new MutationObserver(onMutations);
    observer.observe(container, { childList: true, subtree: true });
    current.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // The page replaced the list (or an ancestor): find the new one.
    onDetached(container, discover, current.signal);
    report(rows);
  };

  discover();
  return {
    current() {
      if (!selector || !container?.isConnected) return [];
      return [...container.querySelectorAll(selector)];
    },
  };
}
