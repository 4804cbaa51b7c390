import type { ProviderSelectors } from '../types';

/**
 * Where things are on GitLab's pages (gitlab.com and self-managed), newest UI generation first. Each entry names its
 * generation, the evidence, and the sandbox fixture that proves it (`tests/sandbox/gitlab/pages/`, checked by
 * `tests/sandbox/gitlab/pages/*.test.ts`). Evidence paths are in `gitlab-org/gitlab` (mirrored as `gitlabhq/gitlabhq`).
 * Only `data-testid` hooks and GitLab's long-lived semantic classes; never a generated utility class (`gl-*`).
 */
export const SELECTORS: ProviderSelectors = {
  itemTitle: [
    // Work-items view of an issue (`/-/issues/<iid>`, `/-/work_items/<iid>`): GitLab 18.x default, 17.x opt-in
    // ("new issue look"). `work_items/components/work_item_title.vue` renders `h1[data-testid="work-item-title"] > span`
    // (an `h2` with the same test id in the list drawer, which `h1` keeps out). Also used by maintained userscripts
    // (`h1[data-testid="work-item-title"]`). Fixture: work-item.ts, `https://gitlab.com/<project>/-/issues/<iid>`.
    'h1[data-testid="work-item-title"]',
    // The same work item opened in the drawer over an issue list or board (`?show=…`): `work_item_detail.vue` renders
    // the title as an `h2` there. Fixture: lists.ts / board.ts drawer, opened by soft-navigation.ts.
    'h2[data-testid="work-item-title"]',
    // Legacy issue view: GitLab ≤ 17.x default, and still 18.x's view of incidents and Service Desk issues
    // (`issues/show/components/title.vue`: `h1.title[data-testid="issue-title"][dir="auto"]`).
    // Fixture: legacy-issue.ts, `…/-/issues/<iid>?ui=legacy`.
    'h1[data-testid="issue-title"]',
    // Merge request page, GitLab 16.x–18.x (`projects/merge_requests/_mr_title.html.haml`:
    // `.detail-page-header-body > h1.title[data-testid="title-content"]`; extensions select
    // `h1.title[data-testid="title-content"]`). Fixture: merge-request.ts, `…/-/merge_requests/<iid>` and `/diffs`.
    'h1[data-testid="title-content"]',
    // Issue and MR titles from before the test ids (GitLab ≤ 15.x); the class is still on both titles above, so this
    // last resort also matches legacy-issue.ts and merge-request.ts.
    'h1.title',
  ],
  listRow: [
    // Vue issuable list: issues (GitLab 14.x+, the work-items list in 18.x) and merge requests (16.x+).
    // `vue_shared/issuable/list/components/issuable_list_root.vue` passes `data-testid="issuable-container"` to each
    // `issuable_item.vue` row (GitLab's own feature specs count rows with it). Fixture: lists.ts, `…/-/issues`,
    // `…/-/merge_requests`.
    '[data-testid="issuable-container"]',
    // Server-rendered HAML issue list (GitLab ≤ 14.x, `projects/issues/_issue.html.haml`: `li.issue#issue_<id>`); Vue
    // rows keep the `issue` class too. Fixture: lists.ts, `…/-/issues?ui=legacy`.
    'li.issue',
    // Server-rendered HAML merge request list (GitLab ≤ 16.x, `projects/merge_requests/_merge_request.html.haml`:
    // `li.merge-request#merge_request_<id>`). Fixture: lists.ts, `…/-/merge_requests?ui=legacy`.
    'li.merge-request',
  ],
  listRowLink: [
    // Vue rows: the title link (`issuable_item.vue`, `a.issue-title-text[data-testid="issuable-title-link"]`). Not the
    // first `a[href]`: work-item rows open with a full-row `a[data-testid="issuable-card-link-overlay"]`.
    // Fixture: lists.ts (current rows carry the overlay on the issue list).
    'a[data-testid="issuable-title-link"]',
    // HAML rows: `span.issue-title-text > a`, `span.merge-request-title-text > a`. Fixture: lists.ts `?ui=legacy`.
    '.issue-title-text > a',
    '.merge-request-title-text > a',
  ],
  boardCard: [
    // Issue boards, GitLab 17.x–18.x: `boards/components/board_card.vue` renders
    // `li.board-card[data-testid="board-card"][data-item-iid][data-item-path]`; board userscripts select
    // `li[data-testid="board-card"].board-card`. Fixture: board.ts, `…/-/boards`.
    '[data-testid="board-card"]',
    // GitLab ≤ 16.x cards: `data-testid="board_card"` (underscore, alongside `data-qa-selector`).
    // Fixture: board.ts, `…/-/boards?ui=legacy`.
    '[data-testid="board_card"]',
  ],
  boardCardLink: [
    // `boards/components/board_card_inner.vue`: `.board-card-title > a[data-testid="board-card-title-link"]` with the
    // item's URL. Fixture: board.ts.
    'a[data-testid="board-card-title-link"]',
    // Older cards: the title link has no test id. Fixture: board.ts `?ui=legacy`.
    '.board-card-title a',
  ],
  // No table layout of boards here: GitLab's list views are list rows, its boards are cards.
  tableRow: [],
  tableRowLink: [],
};
