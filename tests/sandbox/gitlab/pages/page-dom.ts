import { Window } from 'happy-dom';
import type { SelectorList } from '../../../../lib/providers/types.ts';

/** A fixture page as a test sees it: fetched over HTTPS from the sandbox at its real URL, parsed by happy-dom. */
export interface FetchedPage {
  readonly status: number;
  readonly html: string;
  readonly window: Window;
  readonly document: Window['document'];
}

const open: Window[] = [];

export async function fetchPage(url: string): Promise<FetchedPage> {
  const response = await fetch(url);
  const html = await response.text();
  const window = new Window({ url });
  open.push(window);
  window.document.write(html);
  return { status: response.status, html, window, document: window.document };
}

export async function closePages(): Promise<void> {
  await Promise.all(open.splice(0).map((w) => w.happyDOM.close()));
}

type Root = Pick<Window['document'], 'querySelectorAll'>;

/** Indexes of the selectors in a list that match at least once under `root`. */
export function matchingSelectors(root: Root, selectors: SelectorList): number[] {
  return selectors.flatMap((selector, index) => (root.querySelectorAll(selector).length > 0 ? [index] : []));
}

export function countMatches(root: Root, selector: string): number {
  return root.querySelectorAll(selector).length;
}
