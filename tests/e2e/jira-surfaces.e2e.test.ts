import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../lib/providers/jira/selectors.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { allBadged, badgeRequests, countBadgeRequests, rowsAndBadges } from './support/badges.ts';
import { launchHarness, type Harness } from './support/harness.ts';
import { sendFromPage } from './support/send.ts';
import { storedEntries, timerButton } from './support/timer.ts';

const CLOUD = 'https://acme.atlassian.net';
const BOARD = `${CLOUD}/jira/software/c/projects/PAY/boards/1`;
const BACKLOG = `${BOARD}/backlog`;
const BACKLOG_ROW = SELECTORS.tableRow[0]!;
const BACKLOG_KEY = SELECTORS.tableRowLink[0]!;
const CARD = SELECTORS.boardCard[0]!;
const CARD_KEY = SELECTORS.boardCardLink[0]!;
const NAVIGATOR_ROW = SELECTORS.listRow[0]!;
const NAVIGATOR_KEY = SELECTORS.listRowLink[0]!;
const PANEL = 'section[data-testid="preview-panels.preview-panel"]';

/** The Stint key of a Jira link's `href` on this host (identity from the URL, as Stint reads it). */
const keyOf = (href: string, host = 'acme.atlassian.net') => `jira:${host}/${/\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(href)?.[1] ?? '?'}`;

/** Every row badged exactly once, with the item its link's URL names, placed after that link (or last in a card). */
function expectOneBadgeEach(rows: Awaited<ReturnType<typeof rowsAndBadges>>, placement: 'afterLink' | 'lastInRow', host?: string) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.badges).toEqual([expect.objectContaining({ key: keyOf(row.href, host), [placement]: true })]);
}

/** Start the timer of the work item open in the page’s side panel, from the panel, and wait until the background runs it. */
async function startInPanel(harness: Harness, page: Page, key: string): Promise<void> {
  const overlay = page.locator(`${PANEL} stint-overlay[data-stint-item="jira:acme.atlassian.net/${key}"]`);
  await overlay.waitFor({ state: 'attached' });
  expect(await page.locator('stint-overlay').count()).toBe(1);
  expect(await overlay.getAttribute('data-floating')).toBeNull();
  await overlay.getByRole('button', { name: 'Start timer' }).click();
  await expect.poll(() => timerButton(page).getAttribute('aria-pressed')).toBe('true');
  await expect.poll(async () => (await storedEntries(harness)).filter((e) => e.end === null).map((e) => e.itemKey)).toEqual([`jira:acme.atlassian.net/${key}`]);
}

/** Connect a Jira Data Center host with a person's PAT, as the options page does (its content script is registered then). */
async function connectDataCenter(harness: Harness, host: string, person: string): Promise<void> {
  const site = harness.sandbox.data.jira.find((s) => s.host === host)!;
  const token = site.tokens.find((t) => t.personId === person)!.value;
  const options = await harness.openExtensionPage('options');
  await sendFromPage(options, 'connections.add', { provider: 'jira', host, token });
  await options.close();
}

describe('Jira Cloud and Data Center surfaces in real Chromium', () => {
  let sandbox: Sandbox;
  let harness: Harness;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  afterEach(() => harness?.close());

  it('badges every backlog row once, after its key, all rows in one request; and follows the switch to the board and back', async () => {
    harness = await launchHarness({ sandbox });
    await countBadgeRequests(harness);
    const page = await harness.openPage(`${BACKLOG}?theme=dark`);
    await allBadged(page, BACKLOG_ROW);
    const rows = await rowsAndBadges(page, BACKLOG_ROW, BACKLOG_KEY);
    // Sprints and the Backlog section: more rows than one sprint's board shows.
    expect(rows.length).toBeGreaterThan(20);
    expectOneBadgeEach(rows, 'afterLink');
    for (const row of rows) expect(row.badges[0]).toMatchObject({ theme: 'dark', text: expect.any(String) as string });
    const requests = await badgeRequests(harness);
    expect(requests).toHaveLength(1);
    expect([...requests[0]!.keys].sort()).toEqual(rows.map((row) => keyOf(row.href)).sort());
    await harness.screenshot(page, 'jira-backlog-badges-dark');

    // The sidebar's Board link swaps the page in place (Jira's SPA): the same feature run finds the cards.
    await page.locator('nav[data-testid="page-layout.sidebar"] a', { hasText: /^Board$/ }).click();
    await page.waitForURL(BOARD);
    await allBadged(page, CARD);
    expectOneBadgeEach(await rowsAndBadges(page, CARD, CARD_KEY), 'lastInRow');
    expect(await page.locator('stint-badge').count()).toBe(await page.locator(CARD).count());

    await page.locator('nav[data-testid="page-layout.sidebar"] a', { hasText: /^Backlog$/ }).click();
    await page.waitForURL(BACKLOG);
    await allBadged(page, BACKLOG_ROW);
    const again = await rowsAndBadges(page, BACKLOG_ROW, BACKLOG_KEY);
    expect(again.map((row) => row.href)).toEqual(rows.map((row) => row.href));
    expectOneBadgeEach(again, 'afterLink');
    expect(await page.locator('stint-badge').count()).toBe(again.length);
    // Never one request per row: the project's badges came with the first answer.
    for (const request of await badgeRequests(harness)) expect(request.keys.length).toBeGreaterThan(1);
  });

  it('badges the issue navigator’s list view rows, on /issues/?jql= and on a space’s Work items list', async () => {
    harness = await launchHarness({ sandbox });
    await countBadgeRequests(harness);
    const search = await harness.openPage(`${CLOUD}/issues/?jql=${encodeURIComponent('project = PAY ORDER BY created DESC')}`);
    await allBadged(search, NAVIGATOR_ROW);
    const rows = await rowsAndBadges(search, NAVIGATOR_ROW, NAVIGATOR_KEY);
    expect(rows).toHaveLength(50);
    expectOneBadgeEach(rows, 'afterLink');
    expect((await badgeRequests(harness)).map((r) => r.keys.length)).toEqual([50]);
    await harness.screenshot(search, 'jira-navigator-badges');

    const space = await harness.openPage(`${CLOUD}/jira/software/projects/OPS/issues`);
    await allBadged(space, NAVIGATOR_ROW);
    const opsRows = await rowsAndBadges(space, NAVIGATOR_ROW, NAVIGATOR_KEY);
    expectOneBadgeEach(opsRows, 'afterLink');
    expect(opsRows.every((row) => row.href.startsWith('/browse/OPS-'))).toBe(true);
    expect((await badgeRequests(harness)).map((r) => r.keys.length)).toEqual([50, opsRows.length]);
  });

  it('shows the timer in the board’s and the backlog’s side panel, and Start there times that work item', async () => {
    harness = await launchHarness({ sandbox });
    // The board with a work item open in its panel, straight from the URL.
    const scout = await harness.openPage(BOARD);
    const cardHrefs = await scout.locator(CARD_KEY).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    await scout.close();
    const boardKey = keyOf(cardHrefs[1]!).split('/').pop()!;
    const board = await harness.openPage(`${BOARD}?selectedIssue=${boardKey}`);
    await startInPanel(harness, board, boardKey);
    // The cards keep one badge each beside the open panel.
    await allBadged(board, CARD);
    expectOneBadgeEach(await rowsAndBadges(board, CARD, CARD_KEY), 'lastInRow');
    await harness.screenshot(board, 'jira-board-panel-timer');

    // The backlog: a click on a row of the Backlog section opens it in the panel (pushState, no reload).
    const backlog = await harness.openPage(BACKLOG);
    await allBadged(backlog, BACKLOG_ROW);
    const row = backlog.locator(`[data-testid="software-backlog.card-list.container.BACKLOG"] + [role="list"] ${BACKLOG_ROW}`).first();
    const backlogKey = keyOf((await row.locator(BACKLOG_KEY).getAttribute('href')) ?? '').split('/').pop()!;
    expect(backlogKey).not.toBe(boardKey);
    await row.locator('[data-testid$="card-contents.summary"]').click();
    await backlog.waitForURL(`${BACKLOG}?selectedIssue=${backlogKey}`);
    await startInPanel(harness, backlog, backlogKey);
    expect(await backlog.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    // One timer: starting in the backlog's panel stopped the board's, which the board tab shows by itself.
    await expect.poll(() => timerButton(board).getAttribute('aria-pressed'), { timeout: 5000 }).toBe('false');
    const stopped = (await storedEntries(harness)).find((e) => e.itemKey === `jira:acme.atlassian.net/${boardKey}`);
    expect(stopped?.end).not.toBeNull();
    const summary = (await backlog.locator(`${PANEL} ${SELECTORS.itemTitle[0]!}`).textContent())?.trim() ?? '';
    const popup = await harness.openExtensionPage('popup');
    await expect.poll(() => popup.getByTestId('running-item').textContent()).toBe(summary);
    // The rows were not rebuilt or doubled by the panel.
    expect(await backlog.locator('stint-badge').count()).toBe(await backlog.locator(BACKLOG_ROW).count());
    await harness.screenshot(backlog, 'jira-backlog-panel-timer');
  });

  it('badges the Data Center agile board’s cards, once the Data Center host is connected', async () => {
    harness = await launchHarness({ sandbox });
    const dc = sandbox.data.jira.find((site) => site.deployment === 'Server')!;
    const board = dc.boards[0]!;
    await connectDataCenter(harness, dc.host, 'ben');
    await countBadgeRequests(harness);
    const page = await harness.openPage(`https://${dc.host}/secure/RapidBoard.jspa?rapidView=${board.id}&projectKey=${board.projectKey}`);
    const card = SELECTORS.boardCard[1]!;
    await allBadged(page, card);
    const cards = await rowsAndBadges(page, card, SELECTORS.boardCardLink[1]!);
    expectOneBadgeEach(cards, 'lastInRow', dc.host);
    expect((await badgeRequests(harness)).map((r) => r.keys.length)).toEqual([cards.length]);
    await harness.screenshot(page, 'jira-dc-board-badges');
  });
});
