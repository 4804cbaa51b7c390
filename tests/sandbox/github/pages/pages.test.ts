import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GhIssue, GhRepo } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { PageShelf } from './fixture-dom.ts';

function sortedNewestFirst(items: GhIssue[]): GhIssue[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
}

describe('GitHub page fixtures', () => {
  let sandbox: Sandbox;
  const pages = new PageShelf();
  let repo: GhRepo;
  const gh = (path: string) => `https://github.com:${sandbox.port}${path}`;
  const itemUrl = (item: GhIssue) => gh(`/acme/checkout-web/${item.pull ? 'pull' : 'issues'}/${item.number}`);
  const find = (pred: (i: GhIssue) => boolean): GhIssue => {
    const item = repo.issues.find(pred);
    if (!item) throw new Error('seed lacks the item this test needs');
    return item;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
    const found = sandbox.data.github[0]?.repos[0];
    if (!found) throw new Error('no seeded repo');
    repo = found;
  });
  afterAll(async () => {
    await pages.closeAll();
    await sandbox.close();
  });

  it('serves every page at its real URL with the generation it mirrors, on github.com and on GHE', async () => {
    const issue = find((i) => !i.pull);
    const pull = find((i) => i.pull !== null);
    const expectations: [string, RegExp][] = [
      [gh(`/acme/checkout-web/issues/${issue.number}`), /^github issue — React issues view/],
      [gh(`/acme/checkout-web/issues/${issue.number}?ui=classic`), /^github issue — Rails conversation view/],
      [gh(`/acme/checkout-web/pull/${pull.number}`), /^github pull request \(conversation\) — React pull request view/],
      [gh(`/acme/checkout-web/pull/${pull.number}/files`), /^github pull request \(files\) — React/],
      [gh(`/acme/checkout-web/pull/${pull.number}?ui=classic`), /^github pull request \(conversation\) — Rails/],
      [gh('/acme/checkout-web/issues'), /^github issues list — React issue list/],
      [gh('/acme/checkout-web/pulls'), /^github pulls list — Rails pull request list/],
      [gh('/acme/checkout-web/pulls?ui=react'), /^github pulls list — React pull request list/],
      [gh('/acme/mobile-app/issues'), /^github issues list — React/],
      [gh('/orgs/acme/projects/1'), /^github project board — Projects \(v2\)/],
      [`https://github.example.test:${sandbox.port}/eng/portal/issues`, /^github issues list — React/],
      [`https://github.example.test:${sandbox.port}/eng/portal/issues/1`, /^github (issue|pull request)/],
    ];
    for (const [url, generation] of expectations) {
      const page = await pages.load(url, {});
      const status = page.status === 301 ? (await pages.load(page.headers.get('location') ?? '')).status : page.status;
      expect(status, url).toBe(200);
      if (page.status !== 200) continue;
      expect(page.headers.get('content-type'), url).toContain('text/html');
      expect(page.html.startsWith('<!DOCTYPE html>\n<!-- Stint sandbox fixture: '), url).toBe(true);
      expect(page.document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content'), url).toMatch(generation);
    }
  });

  it('logs page requests under their route names', async () => {
    const from = sandbox.log.length;
    await fetch(gh('/acme/checkout-web/issues'));
    await fetch(gh('/acme/checkout-web/pulls'));
    await fetch(gh('/orgs/acme/projects/1'));
    await fetch(gh('/nowhere/at/all'));
    expect(sandbox.state.requestsSince(from).map((r) => r.route)).toEqual(['github.pages.issues', 'github.pages.pulls', 'github.pages.project', 'github.pages.notFound']);
  });

  describe('seeded text stays text', () => {
    const hostile = () => find((i) => i.number === 7);

    it('renders the markup-laden title of #7 as text on its own page', async () => {
      const item = hostile();
      expect(item.title).toContain('<img src=x');
      const page = await pages.load(itemUrl(item));
      expect(page.status).toBe(200);
      const title = page.document.querySelector(item.pull ? 'h1[data-component="PH_Title"] .markdown-title' : 'bdi[data-testid="issue-title"]');
      expect(title?.textContent).toBe(item.title);
      expect(page.document.title.startsWith(item.title)).toBe(true);
      expect(page.document.querySelectorAll('img[src="x"]')).toHaveLength(0);
      expect([...page.document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__stintPwned'))).toHaveLength(0);
      expect(page.html).toContain('&lt;img src=x onerror=&quot;window.__stintPwned=1&quot;&gt;');
    });

    it('runs none of it when the page runs its own script, nor on the list that shows it', async () => {
      const item = hostile();
      const kind = item.pull ? 'pulls' : 'issues';
      const peers = sortedNewestFirst(repo.issues.filter((i) => (i.pull !== null) === (item.pull !== null) && i.state === item.state));
      const pageNumber = Math.floor(peers.findIndex((i) => i.number === 7) / 25) + 1;
      const list = `/acme/checkout-web/${kind}?q=${encodeURIComponent(`state:${item.state}`)}&page=${pageNumber}`;
      for (const url of [itemUrl(item), gh(list), gh(`${list}&ui=classic`)]) {
        const page = await pages.load(url, { scripts: true });
        await page.window.happyDOM.waitUntilComplete();
        expect((page.window as unknown as { __stintPwned?: unknown }).__stintPwned, url).toBeUndefined();
        expect(page.document.querySelectorAll('img[src="x"]'), url).toHaveLength(0);
        expect(page.document.body.textContent, url).toContain(item.title);
      }
    });
  });

  describe('the issue page', () => {
    it('shows the seeded state, labels, assignees, milestone and comments', async () => {
      const issue = find((i) => !i.pull && i.state === 'open' && i.assignees.length > 0 && i.milestone !== null && i.comments.length > 0);
      const { document } = await pages.load(itemUrl(issue));
      const header = document.querySelector('[data-testid="issue-header"]');
      expect(header?.querySelector('h1[data-component="PH_Title"]')?.textContent).toContain(`#${issue.number}`);
      expect(header?.querySelector('[data-status]')?.textContent?.trim()).toBe('Open');
      const pane = document.querySelector('[data-testid="issue-viewer-metadata-pane"]');
      for (const label of issue.labels) expect(pane?.textContent).toContain(label);
      for (const login of issue.assignees) expect(pane?.querySelector(`a[href="/${login}"]`)).not.toBeNull();
      const milestone = repo.milestones.find((m) => m.number === issue.milestone);
      expect(pane?.textContent).toContain(milestone?.title);
      expect(document.querySelectorAll('[data-testid="issue-viewer-comments-container"] .react-issue-comment')).toHaveLength(issue.comments.length);
      expect(document.querySelector('[data-testid="issue-body"] [data-testid="issue-body-viewer"] .markdown-body')?.textContent).toContain('Done when');
    });

    it('hides Stint time markers the way GitHub hides HTML comments', async () => {
      const issue = find((i) => !i.pull && i.comments.some((c) => c.body.includes('stint:time')));
      const { document, html } = await pages.load(itemUrl(issue));
      expect(html).not.toContain('stint:time');
      expect(document.querySelector('[data-testid="issue-viewer-comments-container"]')?.textContent).toContain('⏱');
    });

    it('links each pull request that closes the issue, for in-app navigation', async () => {
      const issue = find((i) => !i.pull && repo.issues.some((p) => p.pull?.closes.includes(i.number)));
      const closers = repo.issues.filter((p) => p.pull?.closes.includes(issue.number)).map((p) => `/acme/checkout-web/pull/${p.number}`);
      const { document } = await pages.load(itemUrl(issue));
      const links = [...document.querySelectorAll('[data-testid="issue-viewer-metadata-pane"] a[data-hovercard-type="pull_request"]')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(closers);
    });
  });

  describe('redirects and not found', () => {
    it('redirects an issue URL of a pull request to /pull/, and back, keeping the query', async () => {
      const pull = find((i) => i.pull !== null);
      const issue = find((i) => !i.pull);
      const toPull = await fetch(gh(`/acme/checkout-web/issues/${pull.number}?ui=classic`), { redirect: 'manual' });
      expect(toPull.status).toBe(301);
      expect(toPull.headers.get('location')).toBe(gh(`/acme/checkout-web/pull/${pull.number}?ui=classic`));
      const toIssue = await fetch(gh(`/acme/checkout-web/pull/${issue.number}/files`), { redirect: 'manual' });
      expect(toIssue.status).toBe(301);
      expect(toIssue.headers.get('location')).toBe(gh(`/acme/checkout-web/issues/${issue.number}`));
    });

    it("answers GitHub's 404 page for what does not exist", async () => {
      const pull = find((i) => i.pull !== null);
      for (const path of ['/acme/nope/issues', '/acme/checkout-web/issues/999', '/acme/checkout-web/issues/0', '/acme/checkout-web/issues/abc', `/acme/checkout-web/pull/${pull.number}/blame`, '/someone-else/repo/issues/1', '/orgs/acme/projects/2', '/']) {
        const page = await pages.load(gh(path));
        expect(page.status, path).toBe(404);
        expect(page.document.title, path).toBe('Page not found · GitHub');
        expect(page.headers.get('content-type'), path).toContain('text/html');
      }
    });

    it('leaves the API paths of GHE and api.github.com to the API', async () => {
      const from = sandbox.log.length;
      const ghe = await fetch(`https://github.example.test:${sandbox.port}/api/v3/no-such-endpoint`);
      const api = await fetch(`https://api.github.com:${sandbox.port}/acme/checkout-web/issues`);
      expect(ghe.headers.get('content-type')).not.toContain('text/html');
      expect(api.headers.get('content-type') ?? '').not.toContain('text/html');
      for (const entry of sandbox.state.requestsSince(from)) expect(entry.route ?? '').not.toMatch(/^github\.pages\./);
    });
  });

  describe('lists', () => {
    const rows = (doc: Awaited<ReturnType<PageShelf['load']>>['document']) =>
      [...doc.querySelectorAll('[data-listview-component="items-list"] li, div.js-issue-row')].map((row) => Number(/(\d+)$/.exec(row.querySelector('a[href]')?.getAttribute('href') ?? '')?.[1]));

    it('pages 25 at a time and honours is:closed / state:closed', async () => {
      const closed = sortedNewestFirst(repo.issues.filter((i) => !i.pull && i.state === 'closed'));
      expect(closed.length).toBeGreaterThan(25);
      const first = await pages.load(gh('/acme/checkout-web/issues?q=is%3Aissue+is%3Aclosed'));
      expect(rows(first.document)).toEqual(closed.slice(0, 25).map((i) => i.number));
      const next = first.document.querySelector('nav[aria-label="Pagination"] a[rel="next"]')?.getAttribute('href') ?? '';
      expect(new URL(next, gh('/')).searchParams.get('page')).toBe('2');
      const second = await pages.load(gh(next));
      expect(rows(second.document)).toEqual(closed.slice(25, 50).map((i) => i.number));
      const classic = await pages.load(gh('/acme/checkout-web/issues?q=state%3Aclosed&page=2&ui=classic'));
      expect(rows(classic.document)).toEqual(closed.slice(25, 50).map((i) => i.number));
    });

    it('counts open and closed items in the state toggles', async () => {
      const open = repo.issues.filter((i) => i.pull && i.state === 'open').length;
      const closed = repo.issues.filter((i) => i.pull && i.state === 'closed').length;
      const { document } = await pages.load(gh('/acme/checkout-web/pulls'));
      const toggles = [...document.querySelectorAll('.table-list-header-toggle.states a')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim());
      expect(toggles).toEqual([`${open} Open`, `${closed} Closed`]);
    });

    it('filters by label and shows an empty page past the end', async () => {
      const bugs = sortedNewestFirst(repo.issues.filter((i) => !i.pull && i.state === 'open' && i.labels.includes('bug')));
      const labelled = await pages.load(gh(`/acme/checkout-web/issues?q=${encodeURIComponent('is:issue state:open label:"bug"')}`));
      expect(rows(labelled.document)).toEqual(bugs.slice(0, 25).map((i) => i.number));
      const past = await pages.load(gh('/acme/checkout-web/issues?page=40'));
      expect(rows(past.document)).toEqual([]);
      expect(past.document.querySelector('.blankslate')?.textContent).toContain('No results');
    });
  });

  describe('colour mode', () => {
    it("follows the system by default, with GitHub's light and dark themes", async () => {
      const { document } = await pages.load(gh('/acme/checkout-web/issues'));
      const root = document.documentElement;
      expect([root.getAttribute('data-color-mode'), root.getAttribute('data-light-theme'), root.getAttribute('data-dark-theme')]).toEqual(['auto', 'light', 'dark']);
    });

    it('switches with ?theme= and keeps the choice in the color_mode cookie', async () => {
      const dark = await pages.load(gh('/acme/checkout-web/pulls?theme=dark'));
      expect(dark.document.documentElement.getAttribute('data-color-mode')).toBe('dark');
      const cookie = dark.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^color_mode=[^;]+; Path=\//);
      const next = await pages.load(gh('/acme/checkout-web/issues'), { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(next.document.documentElement.getAttribute('data-color-mode')).toBe('dark');
      const light = await pages.load(gh('/acme/checkout-web/issues?theme=light'), { headers: { cookie: cookie.split(';')[0] ?? '' } });
      expect(light.document.documentElement.getAttribute('data-color-mode')).toBe('light');
    });
  });

  it('carries no token, loads nothing from another host, and has one inline script', async () => {
    const tokens = sandbox.data.github.flatMap((i) => i.tokens.map((t) => t.value));
    const issue = find((i) => !i.pull);
    const pull = find((i) => i.pull !== null);
    for (const path of [`/acme/checkout-web/issues/${issue.number}`, `/acme/checkout-web/pull/${pull.number}`, `/acme/checkout-web/pull/${pull.number}?ui=classic`, '/acme/checkout-web/issues', '/acme/checkout-web/pulls?ui=react', '/orgs/acme/projects/1', '/nope']) {
      const page = await pages.load(gh(path));
      for (const token of tokens) expect(page.html, path).not.toContain(token);
      for (const el of page.document.querySelectorAll('[src]')) expect(el.getAttribute('src'), path).toMatch(/^data:/);
      for (const el of page.document.querySelectorAll('link[href]')) expect(el.getAttribute('href'), path).toMatch(/^data:/);
      for (const el of page.document.querySelectorAll('a[href^="http"]')) expect(new URL(el.getAttribute('href') ?? '').origin, path).toBe(new URL(gh('/')).origin);
      expect(page.document.querySelectorAll('script'), path).toHaveLength(1);
    }
  });
});
