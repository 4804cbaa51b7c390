import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/gitlab/selectors.ts';
import type { GlIssuable, GlProject } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { closePages, fetchPage, matchingSelectors, type FetchedPage } from './page-dom.ts';

const BILLING = 'acme/platform/billing-service';
/** GitLab's issuable lists show 20 a page; a board list loads its first 20 cards. Literal here, so the fixture cannot drift. */
const GITLAB_PAGE_SIZE = 20;
const BOARD_LIST_PAGE = 20;

describe('GitLab list and board fixtures', () => {
  let sandbox: Sandbox;
  const origin = (host = 'gitlab.com') => `https://${host}:${sandbox.port}`;
  const billing = (): GlProject => {
    const project = sandbox.data.gitlab[0]?.projects.find((p) => p.pathWithNamespace === BILLING);
    if (!project) throw new Error('seeded billing-service project missing');
    return project;
  };

  /** The iids a list page links to, read the way Stint reads them: row, then the row's link, then the URL. */
  const rowIids = (page: FetchedPage, rowSelector: string, linkSelector: string, section: 'issues' | 'merge_requests'): number[] =>
    [...page.document.querySelectorAll(rowSelector)].map((row) => {
      const href = row.querySelector(linkSelector)?.getAttribute('href') ?? '';
      const match = new RegExp(`^https://[^/]+/${BILLING}/-/${section}/(\\d+)(\\?|$)`).exec(href);
      return match ? Number(match[1]) : Number.NaN;
    });

  /** Every page of a list, following GitLab's 20-a-page paging until a short page. */
  const allPages = async (path: string, rowSelector: string, linkSelector: string, section: 'issues' | 'merge_requests') => {
    const iids: number[] = [];
    const sizes: number[] = [];
    for (let n = 1; n < 20; n++) {
      const page = await fetchPage(`${origin()}${path}${path.includes('?') ? '&' : '?'}page=${n}`);
      const found = rowIids(page, rowSelector, linkSelector, section);
      sizes.push(found.length);
      iids.push(...found);
      if (found.length < GITLAB_PAGE_SIZE) break;
    }
    return { iids, sizes };
  };

  const iidsIn = (items: readonly GlIssuable[], keep: (item: GlIssuable) => boolean) => items.filter(keep).map((i) => i.iid).sort((a, b) => a - b);

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
  });
  afterEach(async () => {
    sandbox.reset();
    await closePages();
  });
  afterAll(() => sandbox.close());

  describe('issue list, work-items app (current)', () => {
    it('matches the newest row and link selectors, one row per open issue, 20 a page', async () => {
      const first = await fetchPage(`${origin()}/${BILLING}/-/issues`);
      expect(first.status).toBe(200);
      expect(matchingSelectors(first.document, SELECTORS.listRow)).toEqual([0, 1]);
      const rows = [...first.document.querySelectorAll(SELECTORS.listRow[0] ?? '')];
      expect(rows.length).toBe(GITLAB_PAGE_SIZE);
      for (const row of rows) expect(matchingSelectors(row, SELECTORS.listRowLink)).toEqual([0]);

      const { iids, sizes } = await allPages(`/${BILLING}/-/issues`, SELECTORS.listRow[0] ?? '', SELECTORS.listRowLink[0] ?? '', 'issues');
      expect(sizes.every((size) => size <= GITLAB_PAGE_SIZE)).toBe(true);
      expect([...iids].sort((a, b) => a - b)).toEqual(iidsIn(billing().issues, (i) => i.state === 'opened'));
    });

    it('puts the full-row overlay link first, so only the title-link selector names the row honestly', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues`);
      const row = page.document.querySelector('[data-testid="issuable-container"]');
      expect(row?.querySelector('a[href]')?.getAttribute('data-testid')).toBe('issuable-card-link-overlay');
      expect(row?.querySelector(SELECTORS.listRowLink[0] ?? '')?.textContent?.trim()).toBe(
        billing().issues.find((i) => String(i.id) === row?.getAttribute('data-qa-issue-id'))?.title,
      );
    });

    it('filters by ?state= and renders the right-to-left title with dir="auto"', async () => {
      const { iids } = await allPages(`/${BILLING}/-/issues?state=closed`, SELECTORS.listRow[0] ?? '', SELECTORS.listRowLink[0] ?? '', 'issues');
      expect([...iids].sort((a, b) => a - b)).toEqual(iidsIn(billing().issues, (i) => i.state === 'closed'));
      const all = await allPages(`/${BILLING}/-/issues?state=all`, SELECTORS.listRow[0] ?? '', SELECTORS.listRowLink[0] ?? '', 'issues');
      expect(all.iids.length).toBe(billing().issues.length);

      const rtl = billing().issues.find((i) => i.iid === 5);
      const pageWithRtl = await fetchPage(`${origin()}/${BILLING}/-/issues?state=all&page=${Math.ceil((all.iids.indexOf(5) + 1) / GITLAB_PAGE_SIZE)}`);
      const link = [...pageWithRtl.document.querySelectorAll(SELECTORS.listRowLink[0] ?? '')].find((a) => a.textContent?.trim() === rtl?.title);
      expect(link?.getAttribute('dir')).toBe('auto');
    });

    it('opens with no drawer and no item title', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues`);
      expect(page.document.querySelector('[data-testid="work-item-drawer"]')).toBeNull();
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([]);
    });
  });

  describe('merge request list (current)', () => {
    it('matches the newest selectors, never the HAML merge-request row', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/merge_requests?state=all`);
      expect(matchingSelectors(page.document, SELECTORS.listRow)).toEqual([0, 1]);
      const { iids } = await allPages(`/${BILLING}/-/merge_requests?state=all`, SELECTORS.listRow[0] ?? '', SELECTORS.listRowLink[0] ?? '', 'merge_requests');
      expect([...iids].sort((a, b) => a - b)).toEqual(iidsIn(billing().mergeRequests, () => true));
      const merged = await allPages(`/${BILLING}/-/merge_requests?state=merged`, SELECTORS.listRow[0] ?? '', SELECTORS.listRowLink[0] ?? '', 'merge_requests');
      expect([...merged.iids].sort((a, b) => a - b)).toEqual(iidsIn(billing().mergeRequests, (m) => m.state === 'merged'));
    });
  });

  describe('legacy lists (?ui=legacy)', () => {
    it('issue rows match li.issue and the HAML title link only', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues?ui=legacy`);
      expect(matchingSelectors(page.document, SELECTORS.listRow)).toEqual([1]);
      const rows = [...page.document.querySelectorAll(SELECTORS.listRow[1] ?? '')];
      expect(rows.length).toBe(GITLAB_PAGE_SIZE);
      for (const row of rows) expect(matchingSelectors(row, SELECTORS.listRowLink)).toEqual([1]);
      const { iids } = await allPages(`/${BILLING}/-/issues?ui=legacy`, SELECTORS.listRow[1] ?? '', SELECTORS.listRowLink[1] ?? '', 'issues');
      expect([...iids].sort((a, b) => a - b)).toEqual(iidsIn(billing().issues, (i) => i.state === 'opened'));
    });

    it('merge request rows match li.merge-request and its title link', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/merge_requests?ui=legacy&state=all`);
      expect(matchingSelectors(page.document, SELECTORS.listRow)).toEqual([2]);
      const rows = [...page.document.querySelectorAll(SELECTORS.listRow[2] ?? '')];
      expect(rows.length).toBe(GITLAB_PAGE_SIZE);
      for (const row of rows) expect(matchingSelectors(row, SELECTORS.listRowLink)).toEqual([2]);
    });
  });

  it('serves the self-managed host\'s lists too', async () => {
    const runner = sandbox.data.gitlab.find((i) => i.host === 'gitlab.example.test')?.projects[0];
    const page = await fetchPage(`${origin('gitlab.example.test')}/tools/ci-runner/-/issues?state=all`);
    expect(page.document.querySelectorAll(SELECTORS.listRow[0] ?? '').length).toBe(Math.min(GITLAB_PAGE_SIZE, runner?.issues.length ?? 0));
  });

  it('shows seeded markup in row titles as text', async () => {
    // The newest issue heads the first page of `?state=all`.
    const target = [...billing().issues].sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!target) throw new Error('no seeded issue');
    target.title = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const page = await fetchPage(`${origin()}/${BILLING}/-/issues?state=all`);
    expect(page.document.querySelectorAll('img').length).toBe(0);
    expect(page.document.querySelectorAll('script').length).toBe(1);
    const titles = [...page.document.querySelectorAll(SELECTORS.listRowLink[0] ?? '')].map((a) => a.textContent?.trim());
    expect(titles).toContain(target.title);
    const board = await fetchPage(`${origin()}/${BILLING}/-/boards`);
    expect(board.document.querySelectorAll('img').length).toBe(0);
    expect(board.document.querySelectorAll('script').length).toBe(1);
  });

  describe('issue board', () => {
    it('matches the newest card and link selectors, one card per loaded issue in each list', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/boards`);
      expect(page.status).toBe(200);
      expect(matchingSelectors(page.document, SELECTORS.boardCard)).toEqual([0]);
      const cards = [...page.document.querySelectorAll(SELECTORS.boardCard[0] ?? '')];
      for (const card of cards) expect(matchingSelectors(card, SELECTORS.boardCardLink)).toEqual([0, 1]);
      const issues = billing().issues;
      const blocked = (i: GlIssuable) => i.labels.includes('workflow::blocked');
      const expected = [
        issues.filter((i) => i.state === 'opened' && !blocked(i)),
        issues.filter((i) => i.state === 'opened' && blocked(i)),
        issues.filter((i) => i.state !== 'opened'),
      ].reduce((sum, list) => sum + Math.min(BOARD_LIST_PAGE, list.length), 0);
      expect(cards.length).toBe(expected);
      const hrefs = cards.map((card) => card.querySelector(SELECTORS.boardCardLink[0] ?? '')?.getAttribute('href') ?? '');
      expect(hrefs.every((href) => new RegExp(`/${BILLING}/-/issues/\\d+$`).test(href))).toBe(true);
      expect(matchingSelectors(page.document, SELECTORS.listRow)).toEqual([]);
    });

    it('serves older cards under ?ui=legacy, matched by the older selectors only', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/boards?ui=legacy`);
      expect(matchingSelectors(page.document, SELECTORS.boardCard)).toEqual([1]);
      for (const card of page.document.querySelectorAll(SELECTORS.boardCard[1] ?? '')) {
        expect(matchingSelectors(card, SELECTORS.boardCardLink)).toEqual([1]);
      }
    });
  });

  it('every list and board page names its generation and follows ?theme=dark', async () => {
    for (const path of [`/${BILLING}/-/issues`, `/${BILLING}/-/merge_requests`, `/${BILLING}/-/boards`, `/${BILLING}/-/issues?ui=legacy`]) {
      const dark = await fetchPage(`${origin()}${path}${path.includes('?') ? '&' : '?'}theme=dark`);
      expect(dark.document.documentElement.classList.contains('gl-dark'), path).toBe(true);
      expect(dark.document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content'), path).toMatch(/^gitlab .+ — .+/);
      expect(dark.html, path).not.toMatch(/glpat-|\/api\/(v4|graphql)/);
    }
  });
});
