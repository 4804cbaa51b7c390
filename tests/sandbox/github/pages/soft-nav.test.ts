import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { PageShelf, type LoadedPage } from './fixture-dom.ts';

const EVENTS = [
  'turbo:click', 'turbo:before-visit', 'turbo:visit', 'turbo:before-fetch-request', 'turbo:before-fetch-response',
  'turbo:before-render', 'turbo:render', 'turbo:load', 'soft-nav:progress-bar:start', 'soft-nav:start', 'soft-nav:payload',
  'soft-nav:render', 'soft-nav:success', 'soft-nav:progress-bar:end', 'soft-nav:end', 'soft-nav:react-done', 'soft-nav:error',
];

/** Record GitHub's navigation events as `type(mechanism)`, as a content script listening on `document` sees them. */
function record(page: LoadedPage): string[] {
  const seen: string[] = [];
  for (const type of EVENTS) {
    page.document.addEventListener(type, (event) => {
      const mechanism = (event as unknown as { mechanism?: string }).mechanism;
      seen.push(mechanism ? `${type}(${mechanism})` : type);
    });
  }
  return seen;
}

async function click(page: LoadedPage, selector: string): Promise<void> {
  const link = page.document.querySelector(selector);
  if (!link) throw new Error(`nothing to click at ${selector}`);
  (link as unknown as { click(): void }).click();
  await page.window.happyDOM.waitUntilComplete();
}

describe('GitHub soft navigation in the fixtures', () => {
  let sandbox: Sandbox;
  const pages = new PageShelf();
  const gh = (path: string) => `https://github.com:${sandbox.port}${path}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
  });
  afterAll(async () => {
    await pages.closeAll();
    await sandbox.close();
  });

  it('opens an issue from the issue list inside the React app: one fetch, swapped content, soft-nav events only', async () => {
    const page = await pages.load(gh('/acme/checkout-web/issues'), { scripts: true });
    await page.window.happyDOM.waitUntilComplete();
    const seen = record(page);
    const link = page.document.querySelector('a[data-testid="issue-pr-title-link"]');
    const href = link?.getAttribute('href') ?? '';
    const from = sandbox.log.length;
    await click(page, 'a[data-testid="issue-pr-title-link"]');

    expect(page.window.location.pathname).toBe(href);
    expect(page.document.querySelector('bdi[data-testid="issue-title"]')?.textContent).toBe(link?.textContent);
    expect(page.document.querySelectorAll('[data-listview-component="items-list"]')).toHaveLength(0);
    expect(page.document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content')).toMatch(/^github issue — React/);
    expect(sandbox.state.requestsSince(from).map((r) => `${r.route} ${r.path}`)).toEqual([`github.pages.issue ${href}`]);
    expect(seen).toEqual([
      'soft-nav:progress-bar:start', 'soft-nav:start(react)', 'soft-nav:payload', 'soft-nav:render(react)',
      'soft-nav:success(react)', 'soft-nav:progress-bar:end', 'soft-nav:end(react)', 'soft-nav:react-done',
    ]);
  });

  it('leaves the React app with a Turbo visit: turbo events, the tab bar and title follow', async () => {
    const page = await pages.load(gh('/acme/checkout-web/issues/1'), { scripts: true });
    await page.window.happyDOM.waitUntilComplete();
    const seen = record(page);
    await click(page, 'nav[aria-label="Repository"] a[href="/acme/checkout-web/pulls"]');

    expect(page.window.location.pathname).toBe('/acme/checkout-web/pulls');
    expect(page.document.title).toBe('Pull requests · acme/checkout-web');
    expect(page.document.querySelector('nav[aria-label="Repository"] a[aria-current="page"]')?.getAttribute('href')).toBe('/acme/checkout-web/pulls');
    expect(page.document.querySelectorAll('div.js-issue-row').length).toBeGreaterThan(0);
    expect(seen).toEqual([
      'turbo:click', 'turbo:before-visit', 'turbo:visit', 'soft-nav:progress-bar:start', 'soft-nav:start(turbo)',
      'turbo:before-fetch-request', 'turbo:before-fetch-response', 'turbo:before-render', 'turbo:render', 'turbo:load',
      'soft-nav:success(turbo)', 'soft-nav:progress-bar:end', 'soft-nav:end(turbo)',
    ]);
  });

  it('follows a redirect to the pull request and swaps the whole body when there is no repository frame', async () => {
    const pull = sandbox.data.github[0]?.repos[0]?.issues.find((i) => i.pull);
    if (!pull) throw new Error('no seeded pull request');
    const page = await pages.load(gh('/acme/checkout-web/pulls'), { scripts: true });
    await page.window.happyDOM.waitUntilComplete();
    const anchor = page.document.createElement('a');
    anchor.setAttribute('href', `/acme/checkout-web/issues/${pull.number}`);
    anchor.id = 'to-pull';
    page.document.querySelector('main')?.append(anchor);
    await click(page, '#to-pull');
    expect(page.window.location.pathname).toBe(`/acme/checkout-web/pull/${pull.number}`);
    expect(page.document.querySelector('h1[data-component="PH_Title"] .markdown-title')?.textContent).toBe(pull.title);

    await click(page, 'nav[aria-label="Repository"] a[href="/orgs/acme/projects/1"]');
    expect(page.window.location.pathname).toBe('/orgs/acme/projects/1');
    expect(page.document.querySelectorAll('[data-board-card-id]').length).toBeGreaterThan(0);
    expect(page.document.querySelectorAll('script')).toHaveLength(1);
  });

  it('lets the browser follow a link when a listener cancels turbo:click', async () => {
    const page = await pages.load(gh('/acme/checkout-web/issues/1'), { scripts: true });
    await page.window.happyDOM.waitUntilComplete();
    page.document.addEventListener('turbo:click', (event) => event.preventDefault());
    // The window sees the click after the page's document listener: the default action must still be the browser's.
    let prevented: boolean | null = null;
    page.window.addEventListener('click', (event) => {
      prevented = event.defaultPrevented;
    });
    const seen = record(page);
    const from = sandbox.log.length;
    await click(page, 'nav[aria-label="Repository"] a[href="/acme/checkout-web/pulls"]');
    expect(prevented).toBe(false);
    expect(seen).toEqual(['turbo:click']);
    expect(sandbox.state.requestsSince(from)).toEqual([]);
  });
});
