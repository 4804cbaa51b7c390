import { Window } from 'happy-dom';
import type { ProviderSelectors, SelectorList } from '../../../../lib/providers/types.ts';
import type { Sandbox } from '../../server.ts';

/** Test helpers for the Jira page fixtures: fetch a page at its real URL over HTTPS and parse it like a browser. */

export interface FetchedPage {
  readonly status: number;
  readonly html: string;
  readonly document: Document;
  readonly location: string | null;
}

/** `https://acme.atlassian.net/browse/PAY-5` → the same URL on the sandbox's port (Node resolves the name to it). */
export function sandboxUrl(sandbox: Sandbox, url: string): string {
  const parsed = new URL(url);
  parsed.port = String(sandbox.port);
  return parsed.href;
}

export async function fetchPage(sandbox: Sandbox, url: string): Promise<FetchedPage> {
  const href = sandboxUrl(sandbox, url);
  const response = await fetch(href, { redirect: 'manual' });
  const html = await response.text();
  // Scripts stay off here (happy-dom's default): these tests look at the page as served.
  const window = new Window({ url: href });
  window.document.write(html);
  return { status: response.status, html, document: window.document as unknown as Document, location: response.headers.get('location') };
}

export type PageAnchor = 'itemTitle' | 'listRow' | 'boardCard' | 'tableRow';

export function matches(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

/**
 * How many elements each page-level anchor's selectors match on this page (row and card links are looked up inside a
 * row or card, so they are checked per row / card instead).
 */
export function matchCounts(root: ParentNode, selectors: ProviderSelectors): Record<PageAnchor, number[]> {
  const count = (list: SelectorList) => list.map((selector) => matches(root, selector).length);
  return { itemTitle: count(selectors.itemTitle), listRow: count(selectors.listRow), boardCard: count(selectors.boardCard), tableRow: count(selectors.tableRow) };
}

/** Every selector of every anchor, for pages where none may match. */
export function allSelectors(selectors: ProviderSelectors): string[] {
  return [...selectors.itemTitle, ...selectors.listRow, ...selectors.listRowLink, ...selectors.boardCard, ...selectors.boardCardLink, ...selectors.tableRow, ...selectors.tableRowLink];
}

/** The key an in-row / in-card link identifies, from its URL alone (never from text). */
export function keyFromHref(link: Element | null | undefined): string | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  return /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(new URL(href, 'https://x.test').pathname)?.[1] ?? null;
}

export function fixtureMeta(document: Document): string | null {
  return document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content') ?? null;
}
