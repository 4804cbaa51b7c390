import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import type { JiraBoard, JiraSite } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { backlogSections } from './cloud-backlog.ts';
import { boardIssues } from './site.ts';
import { fetchPage, fixtureMeta, keyFromHref, matchCounts, matches } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const [BACKLOG_ROW] = SELECTORS.tableRow;
const [BACKLOG_ROW_LINK] = SELECTORS.tableRowLink;
const [CLOUD_TITLE] = SELECTORS.itemTitle;
const PANEL = 'section[data-testid="preview-panels.preview-panel"]';
const SCROLLABLE = '[data-testid="software-backlog.backlog-content.scrollable"]';

describe('Jira backlog page', () => {
  let sandbox: Sandbox;
  const site = (): JiraSite => sandbox.data.jira.find((s) => s.host === 'acme.atlassian.net')!;
  const board = (projectKey: string): JiraBoard => site().boards.find((b) => b.projectKey === projectKey)!;
  const backlogUrl = (query = '') => `https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${board('PAY').id}/backlog${query}`;
  /** Each row's key, read the way Stint reads it: the row's link selector, then the link's URL. */
  const rowKeys = (root: ParentNode) => matches(root, BACKLOG_ROW!).map((row) => keyFromHref(row.querySelector(BACKLOG_ROW_LINK!)));

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('lists every row the backlog selectors identify, by the key link’s URL, in both URL forms', async () => {
    const expected = backlogSections(site(), board('PAY')).flatMap((section) => section.issues.map((issue) => issue.key));
    expect(expected.length).toBeGreaterThan(20);
    for (const path of [`/jira/software/c/projects/PAY/boards/${board('PAY').id}/backlog`, `/jira/software/projects/PAY/boards/${board('PAY').id}/backlog`]) {
      const page = await fetchPage(sandbox, `https://acme.atlassian.net${path}`);
      expect(page.status).toBe(200);
      expect(fixtureMeta(page.document)).toMatch(/^jira backlog — Jira Cloud backlog.*2025–2026/);
      expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [0, 0, 0], listRow: [0, 0], boardCard: [0, 0], tableRow: [expected.length] });
      expect(rowKeys(page.document)).toEqual(expected);
      // Two witnesses agree: the row's testid ends in the key its link's URL names.
      for (const row of matches(page.document, BACKLOG_ROW!)) expect(row.getAttribute('data-testid')).toBe(`software-backlog.card-list.card.content-container.${keyFromHref(row.querySelector(BACKLOG_ROW_LINK!))}`);
      expect(matches(page.document, `${SCROLLABLE} ${BACKLOG_ROW!}`)).toHaveLength(expected.length);
    }
  });

  it('shows the active sprint (the board’s cards), the future sprint, then the open work items in no sprint', async () => {
    const pay = board('PAY');
    const { document } = await fetchPage(sandbox, backlogUrl());
    const headers = matches(document, '[data-testid^="software-backlog.card-list.container."]');
    const sprints = site().sprints.filter((s) => s.boardId === pay.id);
    const active = sprints.find((s) => s.state === 'active')!;
    const future = sprints.filter((s) => s.state === 'future');
    expect(headers.map((h) => h.getAttribute('data-testid')!.split('.').pop())).toEqual([String(active.id), ...future.map((s) => String(s.id)), 'BACKLOG']);
    expect(headers.map((h) => h.querySelector('h2')?.textContent)).toEqual([active.name, ...future.map((s) => s.name), 'Backlog']);

    const sectionKeys = headers.map((header) => {
      // As on the real backlog, a section's header does not hold its rows: they follow it, in the list it controls.
      expect(matches(header, BACKLOG_ROW!)).toHaveLength(0);
      const toggle = header.querySelector('div[role="button"][data-testid="software-backlog.card-list.left-side"]')!;
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(list.previousElementSibling).toBe(header);
      const keys = rowKeys(list);
      expect(header.textContent).toContain(`(${keys.length} work items)`);
      return keys;
    });
    expect([...sectionKeys[0]!].sort()).toEqual(boardIssues(site(), pay).map((i) => i.key).sort());
    const backlog = sectionKeys.at(-1)!;
    expect(backlog.length).toBeGreaterThan(0);
    for (const key of backlog) {
      const issue = site().issues.find((i) => i.key === key)!;
      expect(issue.status.category).not.toBe('done');
      expect(issue.issueType).not.toBe('Epic');
    }
  });

  it('gives each row the key twice, the screen-reader link first and the visible aria-hidden key second', async () => {
    const { document } = await fetchPage(sandbox, backlogUrl());
    for (const row of matches(document, BACKLOG_ROW!).slice(0, 5)) {
      const key = keyFromHref(row.querySelector(BACKLOG_ROW_LINK!))!;
      const issue = site().issues.find((i) => i.key === key)!;
      const links = matches(row, '[data-testid="software-backlog.card-list.card.card-contents.accessible-card-key"] > a');
      expect(links.map((a) => a.getAttribute('data-testid'))).toEqual([
        'software-backlog.card-list.card.card-contents.screen-reader-key',
        'software-backlog.card-list.card.card-contents.key',
      ]);
      expect(links.map((a) => a.getAttribute('href'))).toEqual([`/browse/${key}`, `/browse/${key}`]);
      expect(links[0]!.textContent).toBe(`${key}${issue.summary}`);
      expect(links[1]!.getAttribute('aria-hidden')).toBe('true');
      expect(row.querySelector('[data-testid$="summary-field.summary-field-static.content"]')?.textContent).toBe(issue.summary);
      expect(row.querySelector('[data-testid="software-backlog.card-list.card.card-contents.interaction-layer.accessible-card"]')?.getAttribute('aria-label')).toBe(`${key} ${issue.summary}`);
    }
  });

  it('opens the same preview panel as the board for ?selectedIssue, without the Expand button', async () => {
    const key = backlogSections(site(), board('PAY')).at(-1)!.issues[0]!.key;
    const { document } = await fetchPage(sandbox, backlogUrl(`?selectedIssue=${key}`));
    const panel = document.querySelector(`[data-testid="page-layout.root"] > ${PANEL}`)!;
    expect(panel).not.toBeNull();
    const titles = matches(document, CLOUD_TITLE!);
    expect(titles).toHaveLength(1);
    expect(panel.contains(titles[0]!)).toBe(true);
    expect(titles[0]!.textContent).toBe(site().issues.find((i) => i.key === key)!.summary);
    expect(matches(panel, 'button[aria-label="Expand"]')).toHaveLength(0);
    expect(matches(panel, 'button[aria-label="Close"]')).toHaveLength(1);
    // The rows stay as they were: the panel opens beside them.
    expect(matches(document, BACKLOG_ROW!).length).toBeGreaterThan(20);
  });

  it('renders seeded markup in a row as text', async () => {
    const key = backlogSections(site(), board('PAY'))[0]!.issues[0]!.key;
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    site().issues.find((i) => i.key === key)!.summary = hostile;
    const { document } = await fetchPage(sandbox, backlogUrl());
    const row = document.querySelector(`[data-testid="software-backlog.card-list.card.content-container.${key}"]`)!;
    expect(row.querySelector('[data-testid$="summary-field.summary-field-static.content"]')?.textContent).toBe(hostile);
    expect(matches(document, 'img, b')).toHaveLength(0);
  });

  it('links the backlog from the scrum space’s sidebar only', async () => {
    const { document } = await fetchPage(sandbox, backlogUrl());
    const current = document.querySelector('nav[data-testid="page-layout.sidebar"] a[aria-current="page"]');
    expect(current?.textContent).toBe('Backlog');
    expect(current?.getAttribute('href')).toBe(`/jira/software/c/projects/PAY/boards/${board('PAY').id}/backlog`);
    const ops = await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/OPS/boards/${board('OPS').id}`);
    expect(matches(ops.document, 'nav[data-testid="page-layout.sidebar"] a[href$="/backlog"]')).toHaveLength(0);
  });

  it('answers a kanban board’s, another project’s or a Data Center backlog URL with the 404 page', async () => {
    const dcBoard = sandbox.data.jira.find((s) => s.host === 'jira.example.test')!.boards[0]!;
    expect((await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/OPS/boards/${board('OPS').id}/backlog`)).status).toBe(404);
    expect((await fetchPage(sandbox, `https://acme.atlassian.net/jira/software/c/projects/OPS/boards/${board('PAY').id}/backlog`)).status).toBe(404);
    expect((await fetchPage(sandbox, `https://jira.example.test/jira/software/c/projects/DC/boards/${dcBoard.id}/backlog`)).status).toBe(404);
  });

  it('switches the backlog to dark with ?theme=dark', async () => {
    const { document } = await fetchPage(sandbox, backlogUrl('?theme=dark'));
    expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
  });
});
