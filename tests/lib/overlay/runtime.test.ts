import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayReport } from '../../../lib/messaging/protocol';
import { itemTimerFeature } from '../../../lib/overlay/features/item-timer';
import { runOverlay } from '../../../lib/overlay/runtime';
import { itemKey } from '../../../lib/core/item-ref';
import { matchGitlabPage } from '../../../lib/providers/gitlab/url';
import type { ItemRef, PageMatch, ProviderPage } from '../../../lib/providers/types';
import { matchGithubPage } from '../../../lib/providers/github/url';

const page: ProviderPage = {
  key: 'github',
  matchPage: matchGithubPage,
  selectors: { itemTitle: ['[data-testid="issue-title"]', 'h1 .js-issue-title'], listRow: [], listRowLink: [], boardCard: [], boardCardLink: [], tableRow: [], tableRowLink: [] },
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** A stand-in widget that writes the item's key, so tests see what was drawn and when it was torn down. */
function labelWidget(root: ShadowRoot, item: ItemRef, signal: AbortSignal, _placement: OverlayReport) {
  const label = root.ownerDocument.createElement('span');
  label.className = 'label';
  label.textContent = `Stint · ${item.id}`;
  root.append(label);
  signal.addEventListener('abort', () => label.remove());
}

describe('overlay runtime with the item-timer feature', () => {
  let ctx: ContentScriptContext;
  let report: ReturnType<typeof vi.fn<(r: OverlayReport) => Promise<unknown>>>;
  let widget: ReturnType<typeof vi.fn<typeof labelWidget>>;
  let deps: { report: typeof report; widget: typeof widget };
  beforeEach(() => {
    document.body.replaceChildren();
    ctx = new ContentScriptContext('test');
    report = vi.fn<(r: OverlayReport) => Promise<unknown>>(() => Promise.resolve({ itemKey: null }));
    widget = vi.fn(labelWidget);
    deps = { report, widget };
  });
  afterEach(() => ctx.abort());

  it('mounts one chip right after the title anchor, naming the item from the URL', () => {
    setUrl('https://github.com/acme/app/issues/12');
    document.body.innerHTML = '<h1><bdi data-testid="issue-title">#99 is not this issue</bdi></h1>';
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    const host = document.querySelector('stint-overlay');
    expect(host?.previousElementSibling?.getAttribute('data-testid')).toBe('issue-title');
    expect(host?.getAttribute('data-stint-item')).toBe('github:github.com/acme/app#12');
    expect(host?.shadowRoot?.textContent).toContain('Stint · 12');
    expect(widget).toHaveBeenCalledTimes(1);
    // The first placement rides with the widget's first request; nothing is reported separately.
    expect(widget.mock.calls[0]?.[3]).toEqual({ anchor: '[data-testid="issue-title"]', title: '#99 is not this issue' });
    expect(report).not.toHaveBeenCalled();
  });

  it('falls back to a floating chip when no anchor matches, and moves beside the title when it appears', async () => {
    setUrl('https://github.com/acme/app/pull/3');
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    const host = document.querySelector('stint-overlay');
    expect(host?.hasAttribute('data-floating')).toBe(true);
    expect(widget.mock.calls[0]?.[3]).toEqual({ anchor: null, title: null });
    const h1 = document.createElement('h1');
    h1.innerHTML = '<span class="js-issue-title">Late title</span>';
    document.body.prepend(h1);
    await flush();
    expect(host?.hasAttribute('data-floating')).toBe(false);
    expect(host?.previousElementSibling?.className).toBe('js-issue-title');
    expect(report).toHaveBeenLastCalledWith({ anchor: 'h1 .js-issue-title', title: 'Late title' });
  });

  it('comes back when the page removes it, and never mounts twice', async () => {
    setUrl('https://github.com/acme/app/issues/1');
    document.body.innerHTML = '<h1 data-testid="issue-title">One</h1>';
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    document.querySelector('stint-overlay')?.remove();
    await flush();
    expect(document.querySelectorAll('stint-overlay')).toHaveLength(1);
    // Put back, not rebuilt: the same item keeps its one widget.
    expect(widget).toHaveBeenCalledTimes(1);
  });

  it('renders page text as text, never as markup', () => {
    setUrl('https://github.com/acme/app/issues/7');
    document.body.innerHTML = '<h1 data-testid="issue-title">&lt;img src=x onerror="window.__pwned=1"&gt;</h1>';
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    const root = document.querySelector('stint-overlay')?.shadowRoot;
    expect(root?.querySelector('img')).toBeNull();
    expect(widget.mock.calls[0]?.[3]).toEqual({ anchor: '[data-testid="issue-title"]', title: '<img src=x onerror="window.__pwned=1">' });
  });

  it('leaves non-item pages alone', () => {
    setUrl('https://github.com/acme/app/issues');
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    expect(document.querySelector('stint-overlay')).toBeNull();
    expect(report).not.toHaveBeenCalled();
    expect(widget).not.toHaveBeenCalled();
  });

  it('removes itself when the extension context is invalidated (reload, update)', () => {
    setUrl('https://github.com/acme/app/issues/2');
    runOverlay(ctx, page, [itemTimerFeature(deps)]);
    expect(document.querySelector('stint-overlay')).not.toBeNull();
    const signal = widget.mock.calls[0]?.[2];
    ctx.abort();
    expect(document.querySelector('stint-overlay')).toBeNull();
    expect(signal?.aborted).toBe(true);
  });
});

describe('overlay runtime: navigation and theme', () => {
  let ctx: ContentScriptContext;
  let navigation: EventTarget;
  beforeEach(() => {
    document.body.replaceChildren();
    document.documentElement.removeAttribute('data-color-mode');
    navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    delete (globalThis as { navigation?: EventTarget }).navigation;
  });

  const deps = () => ({ report: vi.fn(() => Promise.resolve()), widget: vi.fn(labelWidget) });
  const navigate = (url: string) => {
    setUrl(url);
    navigation.dispatchEvent(new Event('currententrychange'));
  };

  it('restarts for a new item after client-side navigation: one host, the old widget torn down', () => {
    setUrl('https://github.com/acme/app/issues/1');
    document.body.innerHTML = '<h1 data-testid="issue-title">One</h1>';
    const d = deps();
    runOverlay(ctx, page, [itemTimerFeature(d)]);
    const firstSignal = d.widget.mock.calls[0]?.[2];
    navigate('https://github.com/acme/app/issues/2');
    expect(firstSignal?.aborted).toBe(true);
    expect(document.querySelectorAll('stint-overlay')).toHaveLength(1);
    expect(document.querySelector('stint-overlay')?.getAttribute('data-stint-item')).toBe('github:github.com/acme/app#2');
  });

  it('keeps the same widget when only the hash changes, and leaves when the page is no longer an item', () => {
    setUrl('https://github.com/acme/app/issues/1');
    const d = deps();
    runOverlay(ctx, page, [itemTimerFeature(d)]);
    navigate('https://github.com/acme/app/issues/1#issuecomment-9');
    expect(d.widget).toHaveBeenCalledTimes(1);
    navigate('https://github.com/acme/app/issues');
    expect(document.querySelector('stint-overlay')).toBeNull();
  });

  it('follows the host page switching to dark mode', async () => {
    setUrl('https://github.com/acme/app/issues/1');
    runOverlay(ctx, page, [itemTimerFeature(deps())]);
    const host = document.querySelector('stint-overlay');
    expect(host?.getAttribute('data-theme')).toBe('light');
    document.documentElement.setAttribute('data-color-mode', 'dark');
    await flush();
    expect(host?.getAttribute('data-theme')).toBe('dark');
  });
});

describe('overlay runtime: each feature restarts only when its own page identity changes', () => {
  it('keeps a list feature running while a drawer opens an item over the list, and starts the item feature', () => {
    const ctx = new ContentScriptContext('test');
    const navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    const starts: string[] = [];
    const feature = (name: string, applies: (m: PageMatch) => boolean, identity: (m: PageMatch) => string) => ({
      name,
      applies,
      identity,
      start: ({ signal }: { signal: AbortSignal }) => {
        starts.push(name);
        signal.addEventListener('abort', () => starts.push(`${name} stopped`));
      },
    });
    const gitlab: ProviderPage = { key: 'gitlab', matchPage: matchGitlabPage, selectors: page.selectors };
    setUrl('https://gitlab.com/acme/app/-/issues');
    runOverlay(ctx, gitlab, [feature('list', (m) => m.kind === 'list', (m) => (m.kind === 'list' ? `list|${m.host}` : '')), feature('item', (m) => m.item !== null, (m) => (m.item ? itemKey(m.item) : ''))]);
    expect(starts).toEqual(['list']);
    setUrl(`https://gitlab.com/acme/app/-/issues?show=${btoa('{"iid":"4","full_path":"acme/app"}')}`);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(starts).toEqual(['list', 'item']);
    setUrl('https://gitlab.com/acme/app/-/issues');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(starts).toEqual(['list', 'item', 'item stopped']);
    ctx.abort();
    delete (globalThis as { navigation?: EventTarget }).navigation;
  });
});
