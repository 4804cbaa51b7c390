import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/github/selectors.ts';
import type { GhIssue, GhRepo } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { PageShelf, type LoadedPage } from './fixture-dom.ts';

type Doc = LoadedPage['document'];
type El = ReturnType<Doc['querySelectorAll']>[number];

/** Stint's rule: the first selector of a list that matches anything wins. */
function firstMatch(root: Doc | El, selectors: readonly string[]): { index: number; elements: El[] } | null {
  for (const [index, selector] of selectors.entries()) {
    const elements = [...root.querySelectorAll(selector)];
    if (elements.length > 0) return { index, elements };
  }
  return null;
}

const ALL_LISTS: readonly (readonly string[])[] = [SELECTORS.itemTitle, SELECTORS.listRow, SELECTORS.listRowLink, SELECTORS.boardCard, SELECTORS.boardCardLink, SELECTORS.tableRow, SELECTORS.tableRowLink];

function sel(list: readonly string[], index: number): string {
  const selector = list[index];
  if (selector === undefined) throw new Error(`no selector #${index}`);
  return selector;
}

/** Open items of a kind, newest first, as GitHub lists them (computed here, independently of the fixtures). */
function openItems(repo: GhRepo, pulls: boolean): GhIssue[] {
  return repo.issues.filter((i) => (i.pull !== null) === pulls && i.state === 'open').sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
}

/** A repository's issues or PRs (open or closed) as search lists them: most recently updated first, 10 a page. */
function searchResults(repo: GhRepo, pulls: boolean): GhIssue[] {
  return repo.issues.filter((i) => (i.pull !== null) === pulls).sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 10);
}

function numberOf(href: string | null): number {
  const match = /\/(?:issues|pull)\/(\d+)$/.exec(new URL(href ?? '', 'https://github.com').pathname);
  return Number(match?.[1]);
}

describe('GitHub selectors against the page fixtures', () => {
  let sandbox: Sandbox;
  const pages = new PageShelf();
  let repo: GhRepo;
  let openIssue: GhIssue;
  let pull: GhIssue;
  const gh = (path: string) => `https://github.com:${sandbox.port}${path}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
    const found = sandbox.data.github[0]?.repos[0];
    if (!found) throw new Error('no seeded repo');
    repo = found;
    const [issue] = openItems(repo, false);
    const firstPull = repo.issues.find((i) => i.pull);
    if (!issue || !firstPull) throw new Error('seed lacks an open issue or a pull request');
    openIssue = issue;
    pull = firstPull;
  });
  afterAll(async () => {
    await pages.closeAll();
    await sandbox.close();
  });

  describe('itemTitle', () => {
    const cases = () => [
      // [selector index, path, item] — the first selector on the newest fixture, the rest on the fixture of their generation.
      { index: 0, path: `/acme/checkout-web/issues/${openIssue.number}`, item: openIssue },
      { index: 1, path: `/acme/checkout-web/issues/${openIssue.number}`, item: openIssue },
      { index: 1, path: `/acme/checkout-web/pull/${pull.number}`, item: pull },
      { index: 1, path: `/acme/checkout-web/pull/${pull.number}/changes`, item: pull },
      { index: 1, path: `/acme/checkout-web/pull/${pull.number}/commits`, item: pull },
      { index: 2, path: `/acme/checkout-web/pull/${pull.number}?ui=classic`, item: pull },
      { index: 2, path: `/acme/checkout-web/pull/${pull.number}/files?ui=classic`, item: pull },
      { index: 2, path: `/acme/checkout-web/issues/${openIssue.number}?ui=classic`, item: openIssue },
    ];

    it('has one selector per generation, newest first, and each matches the title on its fixture', async () => {
      expect(SELECTORS.itemTitle).toHaveLength(3);
      for (const { index, path, item } of cases()) {
        const { document } = await pages.load(gh(path));
        const matches = [...document.querySelectorAll(sel(SELECTORS.itemTitle, index))];
        expect(matches, `${SELECTORS.itemTitle[index]} on ${path}`).toHaveLength(1);
        expect(matches[0]?.textContent?.trim()).toBe(item.title);
      }
    });

    it('first match is the title on every item page, and the newest generation wins on the newest fixture', async () => {
      for (const { path, item } of cases()) {
        const { document } = await pages.load(gh(path));
        const match = firstMatch(document, SELECTORS.itemTitle);
        expect(match?.elements[0]?.textContent?.trim(), path).toBe(item.title);
        if (!path.includes('ui=classic') && !path.includes('/pull/')) expect(match?.index).toBe(0);
        if (path.includes('ui=classic')) expect(match?.index).toBe(2);
      }
    });

    it('matches on GitHub Enterprise pages too', async () => {
      const ghe = sandbox.data.github.find((i) => i.host === 'github.example.test')?.repos[0];
      const issue = ghe?.issues.find((i) => !i.pull);
      const ghePull = ghe?.issues.find((i) => i.pull);
      if (!ghe || !issue || !ghePull) throw new Error('GHE repo lacks items');
      for (const [path, item] of [[`/eng/portal/issues/${issue.number}`, issue], [`/eng/portal/pull/${ghePull.number}`, ghePull], [`/eng/portal/pull/${ghePull.number}?ui=classic`, ghePull]] as const) {
        const { document } = await pages.load(`https://github.example.test:${sandbox.port}${path}`);
        expect(firstMatch(document, SELECTORS.itemTitle)?.elements[0]?.textContent?.trim(), path).toBe(item.title);
      }
    });
  });

  describe('listRow and listRowLink', () => {
    const lists = () => [
      { path: '/acme/checkout-web/issues', rows: [0, 1], links: [0, 2], expected: openItems(repo, false).slice(0, 25) },
      { path: '/acme/checkout-web/issues?q=is%3Aissue+state%3Aopen&page=2', rows: [0, 1], links: [0, 2], expected: openItems(repo, false).slice(25, 50) },
      { path: '/acme/checkout-web/issues?ui=classic', rows: [2], links: [3], expected: openItems(repo, false).slice(0, 25) },
      { path: '/acme/checkout-web/pulls', rows: [2], links: [3], expected: openItems(repo, true).slice(0, 25) },
      { path: '/acme/checkout-web/pulls?ui=react', rows: [0], links: [1, 2], expected: openItems(repo, true).slice(0, 25) },
      { path: '/search?q=repo%3Aacme%2Fcheckout-web&type=issues', rows: [3], links: [4], expected: searchResults(repo, false) },
      { path: '/search?q=repo%3Aacme%2Fcheckout-web&type=pullrequests', rows: [3], links: [4], expected: searchResults(repo, true) },
    ];

    it('every row selector finds one row per listed item on the fixtures of its generation, in order', async () => {
      for (const { path, rows, links, expected } of lists()) {
        expect(expected.length, path).toBeGreaterThan(0);
        const { document } = await pages.load(gh(path));
        for (const rowIndex of rows) {
          const found = [...document.querySelectorAll(sel(SELECTORS.listRow, rowIndex))];
          expect(found, `${SELECTORS.listRow[rowIndex]} on ${path}`).toHaveLength(expected.length);
          for (const linkIndex of links) {
            const numbers = found.map((row) => numberOf(row.querySelector(sel(SELECTORS.listRowLink, linkIndex))?.getAttribute('href') ?? null));
            expect(numbers, `${SELECTORS.listRowLink[linkIndex]} in ${SELECTORS.listRow[rowIndex]} on ${path}`).toEqual(expected.map((i) => i.number));
          }
        }
      }
    });

    it('the first selectors win on the newest list and identify every row by its link', async () => {
      for (const { path, expected } of lists()) {
        const { document } = await pages.load(gh(path));
        const rows = firstMatch(document, SELECTORS.listRow);
        if (path === '/acme/checkout-web/issues') expect(rows?.index).toBe(0);
        const numbers = (rows?.elements ?? []).map((row) => numberOf(firstMatch(row, SELECTORS.listRowLink)?.elements[0]?.getAttribute('href') ?? null));
        expect(numbers, path).toEqual(expected.map((i) => i.number));
      }
    });

    it('lists never offer an item title, and item pages never offer list rows', async () => {
      for (const { path } of lists()) {
        const { document } = await pages.load(gh(path));
        expect(firstMatch(document, SELECTORS.itemTitle), path).toBeNull();
      }
      for (const path of [`/acme/checkout-web/issues/${openIssue.number}`, `/acme/checkout-web/pull/${pull.number}`, `/acme/checkout-web/pull/${pull.number}?ui=classic`]) {
        const { document } = await pages.load(gh(path));
        expect(firstMatch(document, SELECTORS.listRow), path).toBeNull();
        expect(firstMatch(document, SELECTORS.boardCard), path).toBeNull();
      }
    });
  });

  describe('boardCard and boardCardLink', () => {
    it('every card selector finds one card per open issue of the owner, and every link selector its issue', async () => {
      const repos = sandbox.data.github[0]?.repos ?? [];
      const expected = repos.flatMap((r) => r.issues.filter((i) => !i.pull && i.state === 'open').map((i) => `/${r.owner.login}/${r.name}/issues/${i.number}`)).sort();
      const { document } = await pages.load(gh('/orgs/acme/projects/1'));
      for (const cardSelector of SELECTORS.boardCard) {
        const cards = [...document.querySelectorAll(cardSelector)];
        expect(cards, cardSelector).toHaveLength(expected.length);
        for (const linkSelector of SELECTORS.boardCardLink) {
          const paths = cards.map((card) => new URL(card.querySelector(linkSelector)?.getAttribute('href') ?? '', 'https://x').pathname).sort();
          expect(paths, `${linkSelector} in ${cardSelector}`).toEqual(expected);
        }
      }
      expect(firstMatch(document, SELECTORS.itemTitle)).toBeNull();
      expect(firstMatch(document, SELECTORS.listRow)).toBeNull();
      expect(firstMatch(document, SELECTORS.tableRow)).toBeNull();
    });
  });

  describe('tableRow and tableRowLink', () => {
    it('find every open issue and PR of the owner in the Projects table view, and only there', async () => {
      const repos = sandbox.data.github[0]?.repos ?? [];
      const expected = repos.flatMap((r) => r.issues.filter((i) => i.state === 'open').map((i) => `/${r.owner.login}/${r.name}/${i.pull ? 'pull' : 'issues'}/${i.number}`)).sort();
      const { document } = await pages.load(gh('/orgs/acme/projects/1/views/2'));
      const rows = [...document.querySelectorAll(sel(SELECTORS.tableRow, 0))];
      const paths = rows.flatMap((row) => {
        const href = row.querySelector(sel(SELECTORS.tableRowLink, 0))?.getAttribute('href');
        return href ? [new URL(href, 'https://x').pathname] : []; // the header row has no link
      });
      expect(paths.sort()).toEqual(expected);
      expect(rows).toHaveLength(expected.length + 1);
      expect(firstMatch(document, SELECTORS.boardCard)).toBeNull();
      expect(firstMatch(document, SELECTORS.listRow)).toBeNull();
      expect(firstMatch(document, SELECTORS.itemTitle)).toBeNull();
    });
  });

  it('the 404 page matches no selector at all', async () => {
    const page = await pages.load(gh('/acme/checkout-web/wiki/Nothing-here'));
    expect(page.status).toBe(404);
    for (const list of ALL_LISTS) expect(firstMatch(page.document, list)).toBeNull();
  });

  it('every selector is plain CSS a DOM engine accepts', async () => {
    const { document } = await pages.load(gh('/acme/checkout-web/issues'));
    for (const selector of ALL_LISTS.flat()) expect(() => document.querySelector(selector), selector).not.toThrow();
  });
});
