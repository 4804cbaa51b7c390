import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import type { JiraBoard, JiraSite } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { fetchPage, fixtureMeta, keyFromHref, matchCounts, matches } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const [CLOUD_CARD, DC_CARD] = SELECTORS.boardCard;
const [CLOUD_CARD_LINK, DC_CARD_LINK] = SELECTORS.boardCardLink;
const [CLOUD_TITLE, , DC_DETAIL_TITLE] = SELECTORS.itemTitle;
const PANEL = 'section[data-testid="preview-panels.preview-panel"]';

describe('Jira board pages', () => {
  let sandbox: Sandbox;
  const site = (host: string): JiraSite => sandbox.data.jira.find((s) => s.host === host)!;
  const board = (host: string, projectKey: string): JiraBoard => site(host).boards.find((b) => b.projectKey === projectKey)!;
  const activeSprintKeys = (host: string, projectKey: string): string[] => {
    const s = site(host);
    const sprint = s.sprints.find((sp) => sp.boardId === board(host, projectKey).id && sp.state === 'active')!;
    return s.issues.filter((i) => i.projectKey === projectKey && i.issueType !== 'Epic' && i.sprintIds.includes(sprint.id)).map((i) => i.key);
  };
  /** Each card's key, read the way Stint reads it: the card's link selector, then the link's URL. */
  const cardKeys = (document: Document, card: string, link: string) => matches(document, card).map((el) => keyFromHref(el.querySelector(link)));

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('shows the scrum board’s active sprint as cards the newest card selectors identify, in both URL forms', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const expected = activeSprintKeys('acme.atlassian.net', 'PAY');
    expect(expected.length).toBeGreaterThan(5);
    for (const path of [`/jira/software/c/projects/PAY/boards/${pay.id}`, `/jira/software/projects/PAY/boards/${pay.id}`]) {
      const page = await fetchPage(sandbox, `https://acme.atlassian.net${path}`);
      expect(page.status).toBe(200);
      expect(fixtureMeta(page.document)).toMatch(/^jira board — Jira Cloud board .*2025–2026/);
      expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [0, 0, 0], listRow: [0, 0], boardCard: [expected.length, 0], tableRow: [0] });
      expect(cardKeys(page.document, CLOUD_CARD!, CLOUD_CARD_LINK!).sort()).toEqual([...expected].sort());
      // The card's own DOM id names the same key, as on the real board.
      for (const card of matches(page.document, CLOUD_CARD!)) expect(card.id).toBe(`card-${keyFromHref(card.querySelector(CLOUD_CARD_LINK!))}`);
    }
  });

  it('puts every card in the column of its status category, inside the board kit’s column wrappers', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${pay.id}`);
    const columns = matches(document, '[data-testid="platform-board-kit.ui.board.scroll.board-scroll"] > [data-testid="platform-board-kit.ui.column.draggable-column.styled-wrapper"]');
    expect(columns.map((c) => c.querySelector('[data-testid$="column-title.column-name"]')?.textContent)).toEqual(['To Do', 'In Progress', 'Done']);
    const category = { 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done' } as const;
    for (const column of columns) {
      const name = column.querySelector('[data-testid$="column-title.column-name"]')!.textContent as keyof typeof category;
      for (const card of matches(column, CLOUD_CARD!)) {
        const issue = site('acme.atlassian.net').issues.find((i) => i.key === keyFromHref(card.querySelector(CLOUD_CARD_LINK!)))!;
        expect(issue.status.category).toBe(category[name]);
      }
    }
  });

  it('shows every open work item on the kanban board', async () => {
    const ops = board('acme.atlassian.net', 'OPS');
    const expected = site('acme.atlassian.net').issues.filter((i) => i.projectKey === 'OPS' && i.status.category !== 'done').map((i) => i.key);
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/OPS/boards/${ops.id}`);
    expect(cardKeys(document, CLOUD_CARD!, CLOUD_CARD_LINK!).sort()).toEqual(expected.sort());
  });

  it('opens the preview panel for ?selectedIssue with the same summary heading as the work item view', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const key = activeSprintKeys('acme.atlassian.net', 'PAY')[0]!;
    const summary = site('acme.atlassian.net').issues.find((i) => i.key === key)!.summary;
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${pay.id}?selectedIssue=${key}`);
    const panel = document.querySelector(`[data-testid="page-layout.root"] > ${PANEL}`)!;
    expect(panel).not.toBeNull();
    const titles = matches(document, CLOUD_TITLE!);
    expect(titles).toHaveLength(1);
    expect(panel.contains(titles[0]!)).toBe(true);
    expect(titles[0]!.textContent).toBe(summary);
    expect(keyFromHref(panel.querySelector('a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]'))).toBe(key);
    // As on the real panel, its header's "Open in new tab" link to the same item comes first in DOM order.
    const links = matches(panel, `a[href="/browse/${key}"]`);
    expect(links[0]!.getAttribute('data-testid')).toBe('platform-issue-preview-panel.preview-panel-new-tab-link');
    expect(matches(panel, '[data-testid="platform-issue-preview-panel.preview-panel-header"] button[aria-label="Close"]')).toHaveLength(1);
    expect(matches(document, '[role="dialog"]')).toHaveLength(0);
  });

  it('renders seeded markup on a card as text, in the summary and in the card’s accessible name', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const key = activeSprintKeys('acme.atlassian.net', 'PAY')[0]!;
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    site('acme.atlassian.net').issues.find((i) => i.key === key)!.summary = hostile;
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${pay.id}`);
    const card = document.getElementById(`card-${key}`)!;
    expect(card.querySelector('[data-testid="issue-field-single-line-text-readview-card.ui.single-line-text.container.box"]')?.textContent).toBe(hostile);
    expect(card.querySelector('[data-testid="platform-card.ui.card.focus-container"]')?.getAttribute('aria-label')).toBe(`${key} ${hostile}. Use the enter key to load the work item.`);
    expect(matches(document, 'img, b')).toHaveLength(0);
  });

  it('answers a board of another project, or of Data Center, with the 404 page', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const dcBoard = board('jira.example.test', 'DC');
    expect((await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/OPS/boards/${pay.id}`)).status).toBe(404);
    expect((await fetchPage(sandbox, 'https://acme.atlassian.net/jira/software/c/projects/PAY/boards/999')).status).toBe(404);
    expect((await fetchPage(sandbox, `https://jira.example.test/jira/software/c/projects/DC/boards/${dcBoard.id}`)).status).toBe(404);
  });

  it('serves the Data Center agile board, proven by the older card selectors, with the detail view for selectedIssue', async () => {
    const dcBoard = board('jira.example.test', 'DC');
    const expected = activeSprintKeys('jira.example.test', 'DC');
    const key = expected[0]!;
    const page = await fetchPage(sandbox, `https://jira.example.test/secure/RapidBoard.jspa?rapidView=${dcBoard.id}&projectKey=DC&selectedIssue=${key}`);
    expect(page.status).toBe(200);
    expect(fixtureMeta(page.document)).toMatch(/^jira board — Jira Data Center agile board/);
    expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [0, 0, 1], listRow: [0, 0], boardCard: [0, expected.length], tableRow: [0] });
    expect(cardKeys(page.document, DC_CARD!, DC_CARD_LINK!).sort()).toEqual([...expected].sort());
    expect(matches(page.document, '#ghx-pool .ghx-swimlane .ghx-columns > li.ghx-column[data-column-id] > .ghx-issue[data-issue-key]')).toHaveLength(expected.length);
    const title = matches(page.document, DC_DETAIL_TITLE!)[0]!;
    expect(title.textContent).toBe(site('jira.example.test').issues.find((i) => i.key === key)!.summary);
    expect(keyFromHref(page.document.querySelector('#ghx-detail-view .ghx-fieldname-issuekey a'))).toBe(key);
  });

  it('redirects Cloud’s old RapidBoard URL to the new board route, keeping the selected issue', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const page = await fetchPage(sandbox, `https://acme.atlassian.net/secure/RapidBoard.jspa?rapidView=${pay.id}&selectedIssue=PAY-9`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/jira/software/c/projects/PAY/boards/${pay.id}?selectedIssue=PAY-9`);
  });

  it('switches the board to dark with ?theme=dark', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${pay.id}?theme=dark`);
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
  });
});
