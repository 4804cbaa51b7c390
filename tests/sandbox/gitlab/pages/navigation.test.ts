import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { matchGitlabPage } from '../../../../lib/providers/gitlab/url';
import { SELECTORS } from '../../../../lib/providers/gitlab/selectors.ts';
import type { GlProject } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';

const BILLING = 'acme/platform/billing-service';
const DRAWER_TITLE = '[data-testid="work-item-drawer"] h2[data-testid="work-item-title"]';

interface Clickable {
  click(): void;
}

/**
 * The fixtures' own client-side navigation, run in happy-dom with the page's inline script enabled: a smoke test that
 * the script behaves like GitLab's work-items router, drawer and MR tabs, so SPA tests in Chromium start from pages
 * that navigate the way GitLab does.
 */
describe('GitLab fixtures’ client-side navigation', () => {
  let sandbox: Sandbox;
  const windows: Window[] = [];
  const billing = (): GlProject => sandbox.data.gitlab[0]!.projects.find((p) => p.pathWithNamespace === BILLING)!;

  async function open(path: string): Promise<Window> {
    const url = `https://gitlab.com:${sandbox.port}${path}`;
    const html = await (await fetch(url)).text();
    const window = new Window({ url, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    windows.push(window);
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    return window;
  }

  const click = async (window: Window, selector: string) => {
    const element = window.document.querySelector(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    (element as unknown as Clickable).click();
    await window.happyDOM.waitUntilComplete();
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
  });
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
    sandbox.reset();
  });
  afterAll(() => sandbox.close());

  it('opens a list row in the drawer with ?show=, then the full page through the router, without reloading', async () => {
    const window = await open(`/${BILLING}/-/issues`);
    const { document } = window;
    const body = document.body;
    const row = document.querySelector(SELECTORS.listRow[0]!)!;
    const item = billing().issues.find((i) => String(i.id) === row.getAttribute('data-qa-issue-id'))!;

    await click(window, `${SELECTORS.listRow[0]!} ${SELECTORS.listRowLink[0]!}`);
    const show = new URL(window.location.href).searchParams.get('show')!;
    expect(JSON.parse(atob(show))).toEqual({ id: String(item.id), iid: String(item.iid), full_path: BILLING });
    expect(window.location.pathname).toBe(`/${BILLING}/-/issues`);
    expect(document.querySelector(DRAWER_TITLE)?.textContent?.trim()).toBe(item.title);
    expect(document.querySelector(SELECTORS.itemTitle[0]!)).toBeNull();
    // The timer's anchor in the drawer: the first itemTitle selector that matches is the drawer's h2.
    expect(SELECTORS.itemTitle.find((selector) => document.querySelector(selector))).toBe('h2[data-testid="work-item-title"]');
    // And the URL alone names the drawer's item.
    expect(matchGitlabPage(new URL(window.location.href))?.item?.id).toBe(String(item.iid));

    await click(window, '[data-testid="work-item-drawer-link-button"]');
    expect(window.location.pathname).toBe(`/${BILLING}/-/issues/${item.iid}`);
    expect(document.body).toBe(body);
    expect(document.body.getAttribute('data-page')).toBe('projects:issues:show');
    expect(document.querySelector(SELECTORS.itemTitle[0]!)?.textContent?.trim()).toBe(item.title);
    expect(document.querySelector('[data-testid="work-item-drawer"]')).toBeNull();
    expect(document.title).toContain(`(#${item.iid})`);
  });

  it('goes back to the list with popstate and reopens the drawer the URL names', async () => {
    const window = await open(`/${BILLING}/-/issues`);
    await click(window, `${SELECTORS.listRow[0]!} ${SELECTORS.listRowLink[0]!}`);
    await click(window, '[data-testid="work-item-drawer-link-button"]');
    window.history.back();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(`/${BILLING}/-/issues`);
    expect(window.document.querySelectorAll(SELECTORS.listRow[0]!).length).toBeGreaterThan(0);
    expect(window.document.querySelector(DRAWER_TITLE)).not.toBeNull();
  });

  it('follows the breadcrumb from an issue back to the list through the router', async () => {
    const window = await open(`/${BILLING}/-/issues/7`);
    const body = window.document.body;
    await click(window, '[data-testid="breadcrumb-links"] li:nth-child(4) a');
    expect(window.location.pathname).toBe(`/${BILLING}/-/issues`);
    expect(window.document.body).toBe(body);
    expect(window.document.querySelector(SELECTORS.itemTitle[0]!)).toBeNull();
    expect(window.document.querySelectorAll(SELECTORS.listRow[0]!).length).toBe(20);
  });

  it('opens a board card in the drawer, and closing it drops ?show=', async () => {
    const window = await open(`/${BILLING}/-/boards`);
    const card = window.document.querySelector(SELECTORS.boardCard[0]!)!;
    await click(window, SELECTORS.boardCard[0]!);
    const show = JSON.parse(atob(new URL(window.location.href).searchParams.get('show')!)) as { iid: string };
    expect(show.iid).toBe(card.getAttribute('data-item-iid'));
    expect(window.document.querySelector(DRAWER_TITLE)).not.toBeNull();
    await click(window, '.gl-drawer-close-button');
    expect(window.location.search).toBe('');
    expect(window.document.querySelector('[data-testid="work-item-drawer"]')).toBeNull();
  });

  it('switches merge request tabs with pushState and back', async () => {
    const window = await open(`/${BILLING}/-/merge_requests/2`);
    const { document } = window;
    await click(window, '[data-testid="diffs-tab"] a');
    expect(window.location.pathname).toBe(`/${BILLING}/-/merge_requests/2/diffs`);
    expect(document.querySelector('#js-diffs-app')?.hasAttribute('hidden')).toBe(false);
    expect(document.querySelector('#notes')?.hasAttribute('hidden')).toBe(true);
    expect(document.querySelector(SELECTORS.itemTitle[3]!)).not.toBeNull();
    await click(window, '[data-testid="commits-tab"] a');
    expect(window.location.pathname).toBe(`/${BILLING}/-/merge_requests/2/commits`);
    expect(document.querySelector('#js-diffs-app')?.hasAttribute('hidden')).toBe(true);
    window.history.back();
    window.history.back();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(`/${BILLING}/-/merge_requests/2`);
    expect(document.querySelector('#notes')?.hasAttribute('hidden')).toBe(false);
    expect(document.querySelector('[data-testid="notes-tab"]')?.classList.contains('active')).toBe(true);
  });
});
