import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ItemBadge } from '../../../lib/messaging/protocol';
import { TIMER_CHANGED } from '../../../lib/messaging/notices';
import { BADGE_TAG, badgeView } from '../../../lib/overlay/badge';
import { listBadgesFeature, MAX_OBSERVED_ROWS, MIN_SENTINELS, ROWS_PER_TASK, sentinelSpan, sentinelStride, type ListBadgesDeps } from '../../../lib/overlay/features/list-badges';
import { watchRows } from '../../../lib/overlay/row-watch';
import { runOverlay } from '../../../lib/overlay/runtime';
import { onTimerChange } from '../../../lib/overlay/timer-notices';
import { githubPage } from '../../../lib/providers/github/page';
import { jiraPage } from '../../../lib/providers/jira/page';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * happy-dom matches `element.querySelectorAll('ancestor descendant')` inside the element only; the DOM standard (and
 * Chromium, where the e2e test runs this feature) lets the selector's ancestors be anywhere in the document. Rows added
 * later are found with exactly such a query, so for these tests the standard behaviour is restored.
 */
function standardQuerySelectorAll() {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with its element below
  const original = Element.prototype.querySelectorAll;
  const spy = vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (this: Element, selector: string) {
    if (!this.isConnected || !/[\s>+~]/.test(selector.trim())) return original.call(this, selector);
    const inDocument = [...this.ownerDocument.querySelectorAll(selector)].filter((found) => found !== this && this.contains(found));
    return inDocument as unknown as NodeListOf<Element>;
  });
  return () => spy.mockRestore();
}

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

const KEY = (n: number, repo = 'acme/app') => `github:github.com/${repo}#${n}`;

/** A React issue-list row as GitHub renders it: wrapper divs, `li`, the title link with the item's URL. */
function reactRow(href: string, title: string): string {
  return `<div class="ListItems-module__listItem--K"><div class="IssueRow-module__row--p"><li role="listitem">
    <div data-listview-item-title-container="true"><h3><a data-testid="issue-pr-title-link" href="${href}"><span>${title}</span></a></h3></div>
    <div data-testid="list-view-item-description"><span>${title}</span></div>
  </li></div></div>`;
}

function reactList(rows: string[]): string {
  return `<main><div class="ListView"><h2>Issues</h2><ul role="list" data-listview-component="items-list">${rows.join('')}</ul></div></main>`;
}

function listUl(): HTMLElement {
  return document.querySelector('[data-listview-component="items-list"]')!;
}

function appendRows(rows: string[]): void {
  const template = document.createElement('template');
  template.setAttribute('data-test', '');
  // Test fixtures are our own literal markup.
  template.innerHTML = rows.join('');
  listUl().append(template.content);
}

function badges(): Element[] {
  return [...document.querySelectorAll(BADGE_TAG)];
}

function badgeText(key: string): string | null {
  const host = document.querySelector(`${BADGE_TAG}[data-stint-item="${key}"]`);
  return host?.shadowRoot?.querySelector('span')?.textContent ?? null;
}

/** A fake background: answers from a table, counts every request and its keys. */
function fakeBackground(table: Record<string, Partial<ItemBadge>> = {}) {
  const calls: string[][] = [];
  const badgesFn = vi.fn((keys: string[]) => {
    calls.push([...keys]);
    return Promise.resolve({
      badges: keys.map((key) => ({ key, trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null, ...table[key] })),
    });
  });
  return { calls, badges: badgesFn, table };
}

describe('list badges on a GitHub issue list', () => {
  let ctx: ContentScriptContext;
  let frames: (() => void)[];
  let timerListeners: (() => void)[];
  let navigation: EventTarget;

  /** Run what the feature scheduled for "the next frame", then let the answers arrive. */
  const frame = async () => {
    await flush();
    const due = frames;
    frames = [];
    due.forEach((run) => run());
    await flush();
  };

  const start = (background: ReturnType<typeof fakeBackground>, overrides: Partial<ListBadgesDeps> = {}) => {
    runOverlay(ctx, githubPage, [
      listBadgesFeature({
        badges: background.badges,
        onTimerChange: (listener) => timerListeners.push(listener),
        schedule: (send) => frames.push(send),
        ...overrides,
      }),
    ]);
  };

  let restoreQuery: () => void;
  beforeEach(() => {
    restoreQuery = standardQuerySelectorAll();
    document.body.replaceChildren();
    document.documentElement.removeAttribute('data-color-mode');
    frames = [];
    timerListeners = [];
    navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    setUrl('https://github.com/acme/app/issues');
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => {
    ctx.abort();
    restoreQuery();
    delete (globalThis as { navigation?: EventTarget }).navigation;
  });

  it('asks once for every row, with keys from the links’ URLs (never their text), and badges each row after its title', async () => {
    document.body.innerHTML = reactList([
      reactRow('/acme/app/issues/1', 'Fix #99 in acme/other (see github.com/acme/app/issues/42)'),
      reactRow('https://github.com/acme/app/pull/2', 'Issue #7'),
      reactRow('/ACME/App/issues/3', 'Upper-case path'),
      reactRow('https://evil.example/acme/app/issues/4', 'Another site'),
      reactRow('/acme/app/wiki/Home', 'Not an item'),
      reactRow('/acme/app/issues/1', 'The same item twice'),
    ]);
    const background = fakeBackground({ [KEY(1)]: { trackedSeconds: 4800, ownSeconds: 1200, estimateSeconds: 18_000 }, [KEY(2)]: { trackedSeconds: 95 } });
    start(background);
    expect(background.badges).not.toHaveBeenCalled(); // nothing before the frame ends
    await frame();
    expect(background.calls).toEqual([[KEY(1), KEY(2), KEY(3)]]);
    const rows = [...document.querySelectorAll('li')];
    const hosts = rows.map((row) => row.querySelector(BADGE_TAG));
    expect(hosts.map((host) => host?.getAttribute('data-stint-item') ?? null)).toEqual([KEY(1), KEY(2), KEY(3), null, null, KEY(1)]);
    for (const host of hosts.filter(Boolean)) expect(host?.previousElementSibling?.getAttribute('data-testid')).toBe('issue-pr-title-link');
    expect(badgeText(KEY(1))).toBe('1h 20m / 5h');
    expect(badgeText(KEY(2))).toBe('1m');
    expect(badgeText(KEY(3))).toBe('—');
  });

  it('asks again only about rows added later, and badges rows of items it knows without asking', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    const background = fakeBackground({ [KEY(5)]: { trackedSeconds: 600, estimateSeconds: 3600 } });
    start(background);
    await frame();
    appendRows([reactRow('/acme/app/issues/5', 'Five'), reactRow('/acme/app/issues/6', 'Six')]);
    appendRows([reactRow('/acme/app/issues/7', 'Seven')]); // another render in the same frame
    await frame();
    expect(background.calls).toEqual([[KEY(1), KEY(2)], [KEY(5), KEY(6), KEY(7)]]);
    expect(badgeText(KEY(5))).toBe('10m / 1h');
    appendRows([reactRow('/acme/app/issues/2', 'Two, shown again by a filter')]);
    await frame();
    expect(background.calls).toHaveLength(2);
    expect(document.querySelectorAll(`${BADGE_TAG}[data-stint-item="${KEY(2)}"]`)).toHaveLength(2);
  });

  it('with its project’s whole badge map at hand, badges rows that appear later in the same task, asking nothing', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/other/issues/2', 'Elsewhere')]);
    const projectCalls: string[][] = [];
    const background = fakeBackground({ [KEY(1)]: { trackedSeconds: 60 } });
    const badgesFn = vi.fn((keys: string[], projects: string[]) => {
      projectCalls.push([...projects]);
      const answer = background.badges(keys);
      return answer.then((a) => ({
        ...a,
        projects: [
          { key: 'github:github.com/acme/app', complete: true, badges: [{ key: KEY(9), trackedSeconds: 7200, ownSeconds: 0, estimateSeconds: null }, { key: KEY(3, 'acme/other'), trackedSeconds: 1, ownSeconds: 0, estimateSeconds: null }] },
          { key: 'github:github.com/acme/other', complete: false, badges: [] },
          { key: 'github:github.com/acme/unasked', complete: true, badges: [] },
        ],
      }));
    });
    start(background, { badges: badgesFn });
    await frame();
    expect(projectCalls).toEqual([['github:github.com/acme/app', 'github:github.com/acme/other']]);
    appendRows([reactRow('/acme/app/issues/9', 'Nine'), reactRow('/acme/app/issues/10', 'Ten')]);
    await Promise.resolve(); // the row watcher's mutation callback: no frame, no request
    expect(badgeText(KEY(9))).toBe('2h');
    expect(badgeText(KEY(10))).toBe('—');
    // A complete project's map badges only its own keys; an incomplete one is asked about row by row, as before.
    appendRows([reactRow('/acme/other/issues/3', 'Three')]);
    await Promise.resolve();
    expect(badgeText(KEY(3, 'acme/other'))).toBeNull();
    await frame();
    expect(background.calls).toEqual([[KEY(1), KEY(2, 'acme/other')], [KEY(3, 'acme/other')]]);
    expect(projectCalls[1]).toEqual([]); // asked once per page
    // A timer change anywhere asks again for the maps too.
    timerListeners.forEach((listener) => listener());
    await frame();
    expect(projectCalls[2]?.sort()).toEqual(['github:github.com/acme/app', 'github:github.com/acme/other']);
  });

  it('never processes a row twice: moved rows keep their one badge, re-rendered titles get it back without a request', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    const background = fakeBackground({ [KEY(1)]: { trackedSeconds: 120 } });
    start(background);
    await frame();
    const [first] = listUl().children;
    listUl().append(first!); // the page re-orders a row
    const h3 = document.querySelector('li h3')!;
    h3.replaceChildren(); // a re-render of a title: the link (and Stint's badge beside it) replaced
    const link = document.createElement('a');
    link.setAttribute('data-testid', 'issue-pr-title-link');
    link.setAttribute('href', '/acme/app/issues/2');
    link.textContent = 'Two';
    h3.append(link);
    await frame();
    expect(background.calls).toHaveLength(1);
    expect(badges()).toHaveLength(2);
    for (const row of document.querySelectorAll('li')) expect(row.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(link.nextElementSibling?.localName).toBe(BADGE_TAG);
  });

  it('keeps one badge per row when the page re-inserts a copy of a row with a copy of the badge', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    const background = fakeBackground({ [KEY(1)]: { trackedSeconds: 120 } });
    start(background);
    await frame();
    const copy = listUl().firstElementChild!.cloneNode(true) as Element; // e.g. a cached snapshot of the list
    listUl().firstElementChild!.remove();
    listUl().append(copy);
    await frame();
    expect(copy.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expect(badgeText(KEY(1))).toBe('2m');
    expect(background.calls).toHaveLength(1);
  });

  it('shows whatever the background says as text only, and ignores keys it did not ask about', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', '<img src=x onerror="window.__pwned=1">'), reactRow('/acme/app/issues/2', 'Two')]);
    const hostile = {
      badges: vi.fn(() =>
        Promise.resolve({
          badges: [
            { key: KEY(1), trackedSeconds: Number.NaN, ownSeconds: -5, estimateSeconds: '<b>5h</b>' as unknown as number },
            { key: KEY(2), trackedSeconds: Number.POSITIVE_INFINITY, ownSeconds: 0, estimateSeconds: -1 },
            { key: '<img src=x onerror="window.__pwned=2">', trackedSeconds: 60, ownSeconds: 60, estimateSeconds: null },
          ],
        }),
      ),
    };
    runOverlay(ctx, githubPage, [listBadgesFeature({ badges: hostile.badges, onTimerChange: () => undefined, schedule: (send) => frames.push(send) })]);
    await frame();
    expect(badges()).toHaveLength(2);
    for (const host of badges()) {
      const root = host.shadowRoot!;
      expect([...root.querySelectorAll('*')].map((el) => el.localName).filter((name) => name !== 'style')).toEqual(['span']);
      expect(root.querySelector('img, b')).toBeNull();
    }
    expect(badgeText(KEY(1))).toBe('0m / 0m');
    expect(badgeText(KEY(2))).toBe('0m / 0m');
    expect(document.querySelector(`${BADGE_TAG}[data-stint-item^="<"]`)).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('refreshes every badge in one request when the timer changes', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    const background = fakeBackground();
    start(background);
    await frame();
    expect(badgeText(KEY(1))).toBe('—');
    background.table[KEY(1)] = { trackedSeconds: 3 * 3600 + 15 * 60, ownSeconds: 3 * 3600 + 15 * 60 };
    timerListeners.forEach((listener) => listener());
    await frame();
    expect(background.calls).toEqual([[KEY(1), KEY(2)], [KEY(1), KEY(2)]]);
    expect(badgeText(KEY(1))).toBe('3h 15m');
    expect(badges()).toHaveLength(2);
  });

  it('leaves rows unbadged when the background fails, without retrying on its own, and asks again with the next request', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    const background = fakeBackground();
    background.badges.mockImplementationOnce(() => Promise.reject(new Error('Stint’s background did not answer.')));
    start(background);
    await frame();
    await frame();
    expect(background.badges).toHaveBeenCalledTimes(1);
    expect(badges()).toHaveLength(0);
    appendRows([reactRow('/acme/app/issues/2', 'Two')]);
    await frame();
    expect(background.calls.at(-1)?.sort()).toEqual([KEY(1), KEY(2)]);
    expect(badges()).toHaveLength(2);
  });

  it('a list of more than EAGER_ROWS rows is read and asked about only as its rows come near the viewport, at most 500 keys a request', async () => {
    document.body.innerHTML = reactList(Array.from({ length: 620 }, (_, i) => reactRow(`/acme/app/issues/${i + 1}`, `Row ${i + 1}`)));
    const background = fakeBackground();
    const tasks: (() => void)[] = [];
    const near: { rows: readonly Element[]; show: (rows: Element[]) => void }[] = [];
    const states = { read: 0 };
    const link = vi.spyOn(Element.prototype, 'getAttribute');
    start(background, { later: (work) => tasks.push(work), whenNearViewport: (rows, show) => near.push({ rows, show }) });
    while (tasks.length > 0) tasks.shift()!();
    await frame();
    states.read = link.mock.calls.filter(([name]) => name === 'href').length;
    link.mockRestore();
    // Off screen: not read (no link's href looked at), not asked about, not written.
    expect(states.read).toBe(0);
    expect(background.calls).toEqual([]);
    expect(near.map((n) => n.rows.length)).toEqual([620]);
    near[0]!.show(near[0]!.rows.slice(0, 30));
    while (tasks.length > 0) tasks.shift()!();
    await frame();
    expect(background.calls.map((keys) => keys.length)).toEqual([30]);
    expect(badges()).toHaveLength(30);
    // All of them near at once (the first 30 again, as a row two sentinels stand for can be): each asked about once,
    // in requests of at most 500 keys sent together, and written although more than EAGER_ROWS came near together.
    near[0]!.show([...near[0]!.rows]);
    while (tasks.length > 0) tasks.shift()!();
    await frame();
    while (tasks.length > 0) tasks.shift()!();
    expect(background.calls.map((keys) => keys.length)).toEqual([30, 500, 90]);
    expect(new Set(background.calls.flat()).size).toBe(620);
    expect(near).toHaveLength(1);
    expect(badges()).toHaveLength(620);
  });

  // happy-dom builds 2,000 rows in ~1 s on a quiet machine; a loaded one took over 5 s (vitest's default).
  it('a flood of 2,000 rows is read only as its rows come near the viewport, a slice per task', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'First')]);
    const background = fakeBackground();
    const tasks: (() => void)[] = [];
    const near: { rows: readonly Element[]; show: (rows: Element[]) => void }[] = [];
    start(background, { later: (work) => tasks.push(work), whenNearViewport: (rows, show) => near.push({ rows, show }) });
    await frame();
    background.calls.length = 0;
    appendRows(Array.from({ length: 2000 }, (_, i) => reactRow(`/acme/app/issues/${i + 2}`, `Flood ${i}`)));
    await flush();
    await frame();
    expect(tasks).toHaveLength(0); // nothing read in later tasks either
    expect(background.calls).toEqual([]);
    expect(near.map((n) => n.rows.length)).toEqual([2000]);
    expect(badges()).toHaveLength(1);
    near[0]!.show(near[0]!.rows.slice(1990)); // scrolled to the end
    await frame();
    expect(background.calls).toEqual([Array.from({ length: 10 }, (_, i) => KEY(1992 + i))]);
    expect(badges()).toHaveLength(11);
    near[0]!.show(near[0]!.rows.slice(0, 1990)); // the first slice is read in this task
    await frame();
    let slices = 1;
    while (tasks.length > 0) {
      tasks.shift()!();
      slices++;
      await frame();
    }
    await frame();
    expect(Math.max(...background.calls.map((keys) => keys.length))).toBeLessThanOrEqual(ROWS_PER_TASK);
    expect(new Set(background.calls.flat()).size).toBe(2000);
    expect(slices).toBe(Math.ceil(1990 / ROWS_PER_TASK));
    expect(badges()).toHaveLength(2001);
  }, 30_000);

  it('a batch past the observation budget is watched through sentinels whose spans cover every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: -20_000, max: MAX_OBSERVED_ROWS }), fc.nat(), (count, budget, pick) => {
        const stride = sentinelStride(count, budget);
        // Within the budget (at least MIN_SENTINELS a batch), and every row observed while the budget allows.
        expect(Math.ceil(count / stride)).toBeLessThanOrEqual(Math.max(MIN_SENTINELS, budget));
        if (count <= Math.max(MIN_SENTINELS, budget)) expect(stride).toBe(1);
        const row = pick % count;
        const below = row - (row % stride);
        const [from, to] = sentinelSpan(below, stride, count);
        expect(row >= from && row < to).toBe(true);
        // A row between two sentinels is in the next one's span too: whichever of the two comes near first brings it.
        if (row !== below && below + stride < count) {
          const [nextFrom, nextTo] = sentinelSpan(below + stride, stride, count);
          expect(row >= nextFrom && row < nextTo).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('watches only the list, not the document, once rows are there', () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    start(fakeBackground());
    const subtreeTargets = observe.mock.calls.filter(([, options]) => options?.subtree).map(([target]) => target);
    expect(subtreeTargets).toEqual([listUl()]);
    observe.mockRestore();
  });

  it('finds a list rendered after the page loaded, and a lone first row’s later siblings', async () => {
    document.body.innerHTML = '<main><div id="app"></div></main>';
    const background = fakeBackground();
    start(background);
    await frame();
    expect(background.badges).not.toHaveBeenCalled();
    const app = document.getElementById('app')!;
    const template = document.createElement('template');
    template.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    app.append(template.content);
    await frame();
    appendRows([reactRow('/acme/app/issues/2', 'Two')]);
    await frame();
    expect(background.calls).toEqual([[KEY(1)], [KEY(2)]]);
    expect(badges()).toHaveLength(2);
  });

  it('follows the page replacing the whole list (next page of results) without a restart', async () => {
    document.body.innerHTML = `<main id="frame">${reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')])}</main>`;
    const background = fakeBackground();
    start(background);
    await frame();
    const next = document.createElement('main');
    const template = document.createElement('template');
    template.innerHTML = reactList([reactRow('/acme/app/issues/3', 'Three'), reactRow('/acme/app/issues/4', 'Four')]);
    next.append(template.content);
    document.getElementById('frame')!.replaceWith(next);
    await frame();
    appendRows([reactRow('/acme/app/issues/5', 'Five')]);
    await frame();
    expect(background.calls).toEqual([[KEY(1), KEY(2)], [KEY(3), KEY(4)], [KEY(5)]]);
    expect(badges().map((b) => b.getAttribute('data-stint-item'))).toEqual([KEY(3), KEY(4), KEY(5)]);
  });

  it('tears down on navigation to an item: badges removed, nothing observed or asked any more', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    const background = fakeBackground();
    start(background);
    await frame();
    expect(badges()).toHaveLength(1);
    setUrl('https://github.com/acme/app/issues/1');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(badges()).toHaveLength(0);
    appendRows([reactRow('/acme/app/issues/2', 'Two')]);
    timerListeners.forEach((listener) => listener());
    await frame();
    expect(background.calls).toHaveLength(1);
    expect(badges()).toHaveLength(0);
  });

  it('tears down when the extension context is invalidated, even with an answer on its way', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    let answer: (value: { badges: ItemBadge[] }) => void = () => undefined;
    const slow = vi.fn(() => new Promise<{ badges: ItemBadge[] }>((resolve) => (answer = resolve)));
    runOverlay(ctx, githubPage, [listBadgesFeature({ badges: slow, onTimerChange: () => undefined, schedule: (send) => frames.push(send) })]);
    await frame();
    ctx.abort();
    answer({ badges: [{ key: KEY(1), trackedSeconds: 60, ownSeconds: 60, estimateSeconds: null }] });
    await flush();
    expect(badges()).toHaveLength(0);
  });

  it('follows the host page switching to dark mode', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    start(fakeBackground());
    await frame();
    expect(badges()[0]?.getAttribute('data-theme')).toBe('light');
    document.documentElement.setAttribute('data-color-mode', 'dark');
    await flush();
    expect(badges()[0]?.getAttribute('data-theme')).toBe('dark');
  });

  it('puts a badge inside each Projects board card', async () => {
    setUrl('https://github.com/orgs/acme/projects/1');
    document.body.innerHTML = `<div class="board">${[1, 2]
      .map((column) => `<div data-board-column="c${column}"><div role="list">${[1, 2]
        .map((n) => {
          const id = column * 10 + n;
          return `<div data-board-card-id="PVTI_${id}"><div>app #${id + 100} (not this)</div><h3 id="board-card-title-PVTI_${id}"><a href="https://github.com/acme/app/issues/${id}">Card ${id}</a></h3><ul aria-label="Fields"></ul></div>`;
        })
        .join('')}</div></div>`)
      .join('')}</div>`;
    const background = fakeBackground({ [KEY(21)]: { trackedSeconds: 7200, estimateSeconds: 3600 } });
    start(background);
    await frame();
    expect(background.calls).toEqual([[KEY(11), KEY(12), KEY(21), KEY(22)]]);
    for (const card of document.querySelectorAll('[data-board-card-id]')) {
      expect(card.lastElementChild?.localName).toBe(BADGE_TAG);
      expect(card.lastElementChild?.getAttribute('data-placement')).toBe('card');
    }
    expect(badgeText(KEY(21))).toBe('2h / 1h');
    expect(document.querySelector(`${BADGE_TAG}[data-stint-item="${KEY(21)}"]`)?.shadowRoot?.querySelector('span')?.dataset.tone).toBe('over');
  });

  it('badges Jira backlog rows after their key, and follows the board switching to the backlog without a restart', async () => {
    setUrl('https://acme.atlassian.net/jira/software/c/projects/PAY/boards/1');
    const jira = (key: string) => `jira:acme.atlassian.net/${key}`;
    const card = (key: string) =>
      `<div data-testid="platform-board-kit.ui.card.card" id="card-${key}"><span>${key} card</span><div data-testid="platform-card.common.ui.key.key"><a href="/browse/${key}">${key}</a></div></div>`;
    const cc = 'software-backlog.card-list.card.card-contents';
    // The key link's text is not what counts: PAY-3's says PAY-30.
    const row = (key: string, text = key) =>
      `<div data-testid="software-backlog.card-list.card.content-container.${key}" role="listitem"><div data-testid="${cc}.card-container"><div data-testid="${cc}.accessible-card-key"><a href="/browse/${key}" data-testid="${cc}.screen-reader-key">${key}<div>Summary</div></a><a aria-hidden="true" data-testid="${cc}.key" href="/browse/${key}">${text}</a></div><div data-testid="${cc}.summary">Summary of ${key}</div></div></div>`;
    const section = (id: string, rows: string[]) =>
      `<div><div data-testid="software-backlog.card-list.container.${id}"><h2>${id}</h2></div><div role="list">${rows.join('')}</div></div>`;
    document.body.innerHTML = `<main><div data-testid="platform-board-kit.ui.board.scroll.board-scroll">${card('PAY-1')}${card('PAY-2')}</div></main>`;
    const background = fakeBackground({ [jira('PAY-3')]: { trackedSeconds: 3600, estimateSeconds: 7200 } });
    runOverlay(ctx, jiraPage, [listBadgesFeature({ badges: background.badges, onTimerChange: () => undefined, schedule: (send) => frames.push(send) })]);
    await frame();
    expect(background.calls).toEqual([[jira('PAY-1'), jira('PAY-2')]]);
    for (const host of badges()) expect(host.getAttribute('data-placement')).toBe('card');

    // The page swaps the board for the backlog (the same board, so the same feature run goes on).
    document.querySelector('main')!.innerHTML = `<div data-testid="software-backlog.backlog-content.scrollable">${section('12', [row('PAY-1'), row('PAY-3', 'PAY-30')])}${section('BACKLOG', [row('PAY-4')])}</div>`;
    await frame();
    expect(background.calls).toEqual([[jira('PAY-1'), jira('PAY-2')], [jira('PAY-3'), jira('PAY-4')]]);
    const rows = [...document.querySelectorAll('[data-testid^="software-backlog.card-list.card.content-container."]')];
    expect(rows.map((r) => [...r.querySelectorAll(BADGE_TAG)].map((b) => b.getAttribute('data-stint-item')))).toEqual([[jira('PAY-1')], [jira('PAY-3')], [jira('PAY-4')]]);
    for (const host of badges()) {
      expect(host.getAttribute('data-placement')).toBe('inline');
      expect(host.previousElementSibling?.getAttribute('data-testid')).toBe(`${cc}.key`);
    }
    expect(badgeText(jira('PAY-3'))).toBe('1h / 2h');
  });

  it('sends at the next animation frame by default', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    const background = fakeBackground();
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    runOverlay(ctx, githubPage, [listBadgesFeature({ badges: background.badges, onTimerChange: () => undefined })]);
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(frame).toHaveBeenCalled();
    expect(background.calls).toEqual([[KEY(1)]]);
    frame.mockRestore();
  });
});

describe('badge text', () => {
  it('shows everyone’s time over the estimate, the time alone, or a calm dash', () => {
    expect(badgeView({ trackedSeconds: 4800, ownSeconds: 0, estimateSeconds: 18_000 }).text).toBe('1h 20m / 5h');
    expect(badgeView({ trackedSeconds: 4835, ownSeconds: 0, estimateSeconds: null }).text).toBe('1h 20m');
    expect(badgeView({ trackedSeconds: 42, ownSeconds: 42, estimateSeconds: null }).text).toBe('42s');
    expect(badgeView({ trackedSeconds: 0, ownSeconds: 0, estimateSeconds: 7200 }).text).toBe('0m / 2h');
    // The most severe risk leads with its icon (never colour alone) and ends the tooltip with its reason.
    const risky = badgeView({ trackedSeconds: 3600, ownSeconds: 0, estimateSeconds: 7200, risk: { severity: 'critical', reason: 'PAY-3 was due on 2026-11-25 and is still open.' } });
    expect(risky).toEqual({ text: '⛔ 1h / 2h', tone: 'over', title: 'Stint: 1h tracked of a 2h estimate\n⛔ PAY-3 was due on 2026-11-25 and is still open.' });
    expect(badgeView({ trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null, risk: { severity: 'warning', reason: 'Blocked' } }).text).toBe('⚠ —');
    expect(badgeView({ trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null })).toMatchObject({ text: '—', tone: 'empty' });
    expect(badgeView({ trackedSeconds: 9000, ownSeconds: 0, estimateSeconds: 7200 }).tone).toBe('over');
    expect(badgeView({ trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: null }).title).toBe('Stint: 1h tracked (30m by you), no estimate');
  });
});

describe('timer notices', () => {
  const notify = async (message: unknown, sender: { id: string }) => {
    // The fake resolves with every listener's result (typed as an array of them).
    await (fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined) as unknown as Promise<unknown>);
  };

  it('calls back for Stint’s own notice only, until its signal aborts', async () => {
    const listener = vi.fn();
    const controller = new AbortController();
    onTimerChange(listener, controller.signal);
    await notify({ type: TIMER_CHANGED }, { id: fakeBrowser.runtime.id });
    await notify({ type: TIMER_CHANGED }, { id: 'another-extension' });
    await notify({ type: 'something-else' }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
    controller.abort();
    await notify({ type: TIMER_CHANGED }, { id: fakeBrowser.runtime.id });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('row watch', () => {
  let restoreQuery: () => void;
  let controller: AbortController;
  beforeEach(() => {
    restoreQuery = standardQuerySelectorAll();
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => {
    controller.abort();
    restoreQuery();
  });

  const watch = () => {
    const onRows = vi.fn<(rows: Element[]) => void>();
    const onChanged = vi.fn<(rows: Element[]) => void>();
    const rows = watchRows(document, { rows: ['[data-listview-component="items-list"] li', '[class^="IssueRow-module__row"]'], onRows, onChanged, ignore: (el) => el.localName === BADGE_TAG, signal: controller.signal });
    const reported = () => onRows.mock.calls.flatMap(([found]) => found);
    return { onRows, onChanged, rows, reported };
  };

  it('reports each row element once, with the newest selector generation only, however often the page moves it', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    const { onRows, reported } = watch();
    expect(onRows).toHaveBeenCalledTimes(1);
    expect(reported().map((row) => row.localName)).toEqual(['li', 'li']);
    const [first, second] = [...listUl().children];
    listUl().append(first!);
    second!.remove();
    listUl().prepend(second!);
    await flush();
    expect(onRows).toHaveBeenCalledTimes(1);
    appendRows([reactRow('/acme/app/issues/3', 'Three')]);
    listUl().append(document.createElement(BADGE_TAG));
    await flush();
    expect(onRows).toHaveBeenCalledTimes(2);
    expect(reported()).toHaveLength(3);
  });

  it('tells when a known row’s insides are re-rendered, and lists the rows now in the list', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One'), reactRow('/acme/app/issues/2', 'Two')]);
    const { onChanged, rows } = watch();
    const row = document.querySelector('li')!;
    row.querySelector('h3')!.append(document.createElement('a'));
    row.querySelector('h3')!.append(document.createElement(BADGE_TAG));
    await flush();
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onChanged.mock.calls[0]?.[0]).toEqual([row]);
    row.closest('.ListItems-module__listItem--K')!.remove();
    expect(rows.current()).toHaveLength(1);
  });

  it('stops with its signal', async () => {
    document.body.innerHTML = reactList([reactRow('/acme/app/issues/1', 'One')]);
    const { onRows } = watch();
    controller.abort();
    appendRows([reactRow('/acme/app/issues/2', 'Two')]);
    await flush();
    expect(onRows).toHaveBeenCalledTimes(1);
  });
});
