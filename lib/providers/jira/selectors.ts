import type { ProviderSelectors } from '../types';

/**
 * Where things are on Jira's pages, newest UI generation first. Jira Cloud marks components with `data-testid`
 * (the hyphenated `data-test-id` is a legacy spelling found on a few old Software components only); Jira Data Center
 * keeps the server-rendered ids and AUI / GreenHopper classes it has had for a decade.
 *
 * Every entry names its generation, its evidence and the page fixture that proves it
 * (`tests/sandbox/jira/pages/`, tested in `tests/sandbox/jira/pages/*.test.ts`). "Stored file N" is a public file
 * found with the code index (`find_string`) whose repository the index does not name.
 */
export const SELECTORS: ProviderSelectors = {
  itemTitle: [
    // Jira Cloud work item view, 2019–2026: the same heading on /browse/KEY, in the board / backlog preview panel and
    // in the older modal. Evidence: everii-Group/mocoapp-browser-extension src/js/remoteServices.js; 2026 live-DOM
    // survey of the board preview panel (stored file 57772441650). Fixture: cloud-issue.ts, cloud-board.ts (panel).
    '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
    // Jira Data Center view issue page (Jira 7–10): `h1#summary-val` in `.issue-header-content`. Evidence:
    // toggl/track-extension src/content/atlassian.js ("Jira 2017 issue page"), everii-Group/mocoapp-browser-extension
    // src/js/remoteServices.js (`[id="summary-val"]`, PR #881, 2024). Fixture: dc-issue.ts.
    '#summary-val',
    // Jira Data Center agile board detail view (GreenHopper, `?selectedIssue=KEY`). Evidence: toggl/track-extension
    // src/content/atlassian.js and clockify/browser-extension src/integrations/atlassian.js ("#ghx-detail-issue",
    // `[data-field-id="summary"]`). Fixture: dc-board.ts (detail view).
    '#ghx-detail-issue [data-field-id="summary"]',
  ],
  listRow: [
    // Jira Cloud issue navigator, list view (native issue table), 2023–2026; the testid sits on the `<tr>`.
    // Evidence: public extensions selecting `tr[data-testid="native-issue-table.ui.issue-row"]` (stored files
    // 59654644076, 53786566138, 55650607760). Fixture: cloud-list.ts.
    '[data-testid="native-issue-table.ui.issue-row"]',
    // Jira Data Center issue navigator, list view: `table#issuetable tr.issuerow[data-issuekey]`. Evidence: public
    // extensions selecting `tr[data-issuekey]` / `.issuerow` (stored file 54061956144). Fixture: dc-list.ts.
    'tr[data-issuekey]',
  ],
  listRowLink: [
    // Jira Cloud native issue table: the key cell is itself the `<a href="/browse/KEY">`. Evidence: stored files
    // 59654644076, 17329956989; 2026 live-DOM survey (stored file 57820147188). Fixture: cloud-list.ts.
    'a[data-testid="native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell"]',
    // Jira Data Center issue navigator: `td.issuekey > a.issue-link[data-issue-key]` (the first link in the row).
    // Evidence: stored file 70100570847 (`.issue-list tr[data-issue-key]`, `a[href*="/browse/"]`). Fixture: dc-list.ts.
    'a.issue-link[data-issue-key]',
  ],
  boardCard: [
    // Jira Cloud board card (platform board kit), 2021–2026; the card also carries `id="card-KEY"`. Evidence:
    // jira-helper-style board extensions (stored files 55688490552, 6748742466); 2026 live-DOM survey (stored file
    // 57820147188). Fixture: cloud-board.ts.
    '[data-testid="platform-board-kit.ui.card.card"]',
    // Jira Data Center agile board card (GreenHopper): `div.ghx-issue[data-issue-key]`. Evidence: jira-helper/jira-helper
    // src/page-objects/BoardPage/BoardPage.cloud.tsx (`.ghx-issue`, `[data-issue-key]`). Fixture: dc-board.ts.
    '.ghx-issue[data-issue-key]',
  ],
  boardCardLink: [
    // Jira Cloud card key: `div[data-testid="platform-card.common.ui.key.key"]` containing `<a href="/browse/KEY"
    // target="_blank">` (the testid is on the wrapper, not the link). Evidence: 2026 live-DOM survey (stored file
    // 57820147188) and a real card's saved outerHTML (stored file 61987877531). Fixture: cloud-board.ts.
    '[data-testid="platform-card.common.ui.key.key"] a[href*="/browse/"]',
    // Jira Data Center card key: `.ghx-key > a[href="/browse/KEY"]`. Evidence: jira-helper/jira-helper
    // src/page-objects/BoardPage/BoardPage.cloud.tsx (`.ghx-key`). Fixture: dc-board.ts.
    '.ghx-key a[href*="/browse/"]',
  ],
  tableRow: [
    // Jira Cloud backlog (`…/boards/ID/backlog`), 2022–2026: one row per work item in each sprint's and the Backlog's
    // card list, the row's outermost wrapper carrying the key as its testid's leaf,
    // `div[data-testid="software-backlog.card-list.card.content-container.KEY"]` (badged inline, after the key: the
    // backlog is the board's own list view, on the same URL kind). Evidence: a row's outerHTML from a 2026 live-DOM
    // survey (stored file 57672543414, "Anatomy of a backlog row"); backlog extensions selecting
    // `[data-testid^="software-backlog.card-list.card.content-container."]` (stored files 61924275447, 63139750510,
    // 55194007612, 7764615604). The hyphenated `data-test-id` spelling of the same row (stored file 11298879773) is
    // an older generation the live site no longer renders on rows. Fixture: cloud-backlog.ts.
    '[data-testid^="software-backlog.card-list.card.content-container."]',
  ],
  tableRowLink: [
    // Jira Cloud backlog row's visible key: `a[data-testid="software-backlog.card-list.card.card-contents.key"]
    // [href="/browse/KEY"]`, second in `…card-contents.accessible-card-key` after its screen-reader twin
    // (`…screen-reader-key`, whose text is key and summary). Evidence: 2026 live-DOM survey of the backlog (stored file
    // 57829156733, the key cell's outerHTML; stored file 57820147188, "Backlog card … is the <a>"); copy-key
    // extensions reading the same testid (stored files 63155221685, 63094016348). Fixture: cloud-backlog.ts.
    'a[data-testid="software-backlog.card-list.card.card-contents.key"]',
  ],
};
