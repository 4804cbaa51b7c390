import type { SelectorList } from '../providers/types';

export interface AnchorMatch {
  readonly element: Element;
  readonly selector: string;
}

/** The first element matching the newest selector that matches anything (selectors are ordered newest UI first). */
export function findAnchor(root: ParentNode, selectors: SelectorList): AnchorMatch | null {
  for (const selector of selectors) {
    let element: Element | null = null;
    try {
      element = root.querySelector(selector);
    } catch {
      continue; // A selector this browser cannot parse must not take the overlay down.
    }
    if (element) return { element, selector };
  }
  return null;
}
