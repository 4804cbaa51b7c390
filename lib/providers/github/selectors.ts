import type { ProviderSelectors } from '../types';

/**
 * Where things are on GitHub's pages (github.com and GitHub Enterprise), newest UI generation first.
 * Every entry names its generation, the public evidence it rests on, and the sandbox fixture that proves it
 * (`tests/sandbox/github/pages/`, asserted in `tests/sandbox/github/pages/selectors.test.ts`).
 * Only stable hooks: `data-testid`, `data-component`, `data-listview-*`, ids, JS-hook classes and class prefixes.
 */
export const SELECTORS: ProviderSelectors = {
  itemTitle: [
    // React issues view (`react-app[app-name="issues-react"]`, 2024–2026): `<bdi data-testid="issue-title">` inside
    // `[data-testid="issue-header"] h1[data-component="PH_Title"]`. Evidence: bitcrowd/tickety-tick github adapter
    // test fixture; live Playwright suites selecting `bdi[data-testid="issue-title"]`.
    // Fixture: /<owner>/<repo>/issues/<n>.
    'bdi[data-testid="issue-title"]',
    // React pull request view (`react-app[app-name="pull-requests"]`, 2025–2026) and any Primer PageHeader title:
    // `h1[data-component="PH_Title"] > span.markdown-title`, the `#n` in a sibling span. Evidence: primer/react
    // PageHeader (`data-component="PH_Title"`); extensions reading `h1[data-component="PH_Title"] span.markdown-title`.
    // Fixture: /<owner>/<repo>/pull/<n> (and /files, /changes, /commits).
    'h1[data-component="PH_Title"] .markdown-title',
    // Rails conversation view (PR conversation before the React view; issues before 2024 and on older GHE):
    // `#partial-discussion-header h1.gh-header-title > bdi.js-issue-title`. The sticky header repeats
    // `.js-issue-title` outside `.gh-header-title`, hence the scoping. Evidence: refined-github
    // `on-conversation-header-update.ts`, tickety-tick legacy fixture. Fixture: /pull/<n>?ui=classic, /issues/<n>?ui=classic.
    '#partial-discussion-header .gh-header-title .js-issue-title',
  ],
  listRow: [
    // React ListView (issues list 2024–2026; the repository PR list GitHub is rolling out in 2026):
    // `ul[data-listview-component="items-list"]` holds the rows, directly (`li`) on PR lists and wrapped
    // (`div > div[class^=IssueRow-module__row] > li`) on issue lists. Evidence: GitHub's list-view source
    // (`ListView.tsx`: role="list", data-listview-component="items-list"); extension notes of July 2026 calling it
    // the stable hook. Fixtures: /<owner>/<repo>/issues, /<owner>/<repo>/pulls?ui=react.
    '[data-listview-component="items-list"] li',
    // React issues list, by CSS-module class prefix (the row wrapper). Evidence: refined-github `align-issue-labels`
    // (`[class^="IssueRow-module__row"]`). Fixture: /<owner>/<repo>/issues.
    '[class^="IssueRow-module__row"]',
    // Rails list rows (repository PR list, still the default in 2026; issue lists before 2024 and on older GHE):
    // `div#issue_<n>.js-issue-row`. Evidence: refined-github selectors (`.js-issue-row`); PR-list extensions
    // (`div[id^="issue_"]`). Fixtures: /<owner>/<repo>/pulls, /<owner>/<repo>/issues?ui=classic.
    'div.js-issue-row[id^="issue_"]',
    // React search results (`/search?type=issues|pullrequests`, 2023–2026): one child `div` per result of
    // `div[data-testid="results-list"]`. Evidence: ChinaGodMan/UserScripts github-repo-size-view `selectors.js`
    // (`div[data-testid="results-list"] .search-title a`); cumbersomeamir/universal-leads-agent `selectors.py`
    // (`div[data-testid='results-list'] a[href*='/issues/']`). Fixture: /search?q=…&type=issues.
    '[data-testid="results-list"] > div',
  ],
  listRowLink: [
    // React issues list title link. Evidence: refined-github `selectors.ts` review (#8668) and issue-fields feature
    // (`a[data-hovercard-type="issue"][data-testid="issue-pr-title-link"]`). Fixture: /<owner>/<repo>/issues.
    'a[data-testid="issue-pr-title-link"]',
    // React PR list title link (`li[class*="PullsListItem-module__listItem"]`). Evidence: PR-list extensions of 2026
    // (`[data-testid="listitem-title-link"]`). Fixture: /<owner>/<repo>/pulls?ui=react.
    'a[data-testid="listitem-title-link"]',
    // Any ListView title (attribute set by the list-view Title component). Evidence: extensions selecting
    // `[data-listview-item-title-container] h3 a`. Fixtures: both React lists.
    '[data-listview-item-title-container] a[href]',
    // Rails rows: `a#issue_<n>_link.js-navigation-open` with `data-hovercard-type="issue"|"pull_request"`.
    // Evidence: PR-list extensions (`a[id^="issue_"][data-hovercard-type="pull_request"]`).
    // Fixtures: /<owner>/<repo>/pulls, /<owner>/<repo>/issues?ui=classic.
    'a[id^="issue_"][data-hovercard-type]',
    // Search results: the result's title link in `.search-title` (same evidence as the row). Fixture: /search?type=issues.
    '.search-title a[href]',
  ],
  boardCard: [
    // Projects (v2) board cards: `[data-board-card-id]` in `[data-board-column]`. Evidence: Projects board extensions
    // ("cards are [data-board-card-id], the title is h3[id^=board-card-title-]"). Fixture: /orgs/<owner>/projects/1.
    '[data-board-card-id]',
    // The same cards by test id. Evidence: a Projects userscript (`[data-testid="board-view-column-card"]`).
    // Fixture: /orgs/<owner>/projects/1.
    '[data-testid="board-view-column-card"]',
  ],
  boardCardLink: [
    // The card title's link to its issue or PR. Evidence: Projects board extensions (title `h3[id^=board-card-title-]`,
    // "the item link is the card's <a href>"). Fixture: /orgs/<owner>/projects/1.
    'h3[id^="board-card-title-"] a[href]',
    // Any issue or PR link in the card (same generation, if the title id changes). Fixture: /orgs/<owner>/projects/1.
    'a[href*="/issues/"], a[href*="/pull/"]',
  ],
  tableRow: [
    // Projects (v2) table layout (2023–2026, `/orgs/<o>/projects/<n>/views/<v>` set to Table): `[role="row"]` in
    // `[data-testid="table-root"]`, cells `[role="gridcell"]` whose data-testid names the column. Evidence: a
    // Projects-table extension's `getGitHubIssues` (`[data-testid="table-root"]` → `[role="row"]` → the gridcell whose
    // data-testid includes "column: Title" → its `a`). Fixture: /orgs/<owner>/projects/1/views/2.
    '[data-testid="table-root"] [role="row"]',
  ],
  tableRowLink: [
    // The Title cell's link (same evidence). Fixture: /orgs/<owner>/projects/1/views/2.
    '[role="gridcell"][data-testid*="column: Title"] a[href]',
  ],
};
