/** The element Stint owns on a page: a custom tag with an open shadow root, so page styles cannot leak in. */
export const HOST_TAG = 'stint-overlay';

const STYLE = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin-inline-start: 8px; color-scheme: light dark; }
:host([data-floating]) { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483000; margin: 0; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px;
  font: 500 12px/20px system-ui, -apple-system, "Segoe UI", sans-serif; white-space: nowrap;
  background: #eef2ff; color: #1e1b4b; border: 1px solid #c7d2fe; }
:host([data-floating]) .chip { box-shadow: 0 2px 8px rgb(0 0 0 / 20%); }
:host([data-theme="dark"]) .chip { background: #1e1b4b; color: #e0e7ff; border-color: #4338ca; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #6366f1; }
`;

export interface ShadowHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
}

export function createShadowHost(doc: Document): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  return { host, root };
}

/** A status chip naming the recognised item. Text only: nothing from the page is ever parsed as markup. */
export function renderItemChip(root: ShadowRoot, label: string, title: string): void {
  const doc = root.ownerDocument;
  const chip = doc.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('role', 'status');
  chip.title = title;
  const dot = doc.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  chip.append(dot, doc.createTextNode(`Stint · ${label}`));
  root.querySelector('.chip')?.remove();
  root.append(chip);
}
