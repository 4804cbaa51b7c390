import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import type { JiraBoard, JiraSite } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { sandboxUrl } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const [CLOUD_TITLE, , DC_DETAIL_TITLE] = SELECTORS.itemTitle;
const PANEL = 'section[data-testid="preview-panels.preview-panel"]';

/**
 * The fixtures' own client-side navigation, run in happy-dom with the page's inline script enabled: a smoke test that
 * the script works, so later SPA tests in Chromium start from a page that behaves like Jira.
 */
describe('Jira fixtures’ client-side navigation', () => {
  let sandbox: Sandbox;
  const windows: Window[] = [];
  const site = (host: string): JiraSite => sandbox.data.jira.find((s) => s.host === host)!;
  const board = (host: string, projectKey: string): JiraBoard => site(host).boards.find((b) => b.projectKey === projectKey)!;

  async function open(url: string): Promise<Window> {
    const href = sandboxUrl(sandbox, url);
    const html = await (await fetch(href)).text();
    const window = new Window({ url: href, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    windows.push(window);
    window.document.write(html);
    await window.happyDOM.waitUntilComplete();
    return window;
  }

  const requestsTo = (path: string) => sandbox.log.filter((entry) => entry.path === path).length;

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
    sandbox.reset();
  });
  afterAll(() => sandbox.close());

  it('opens a card in the preview panel with pushState and no reload, and closing it drops selectedIssue', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const path = `/jira/software/c/projects/PAY/boards/${pay.id}`;
    const window = await open(`https://acme.atlassian.net${path}`);
    const { document } = window;
    const card = document.querySelector('[data-testid="platform-board-kit.ui.card.card"]')!;
    const key = card.id.replace('card-', '');
    const marker = document.body;
    expect(document.querySelector(PANEL)).toBeNull();

    (card.querySelector('[data-testid="platform-card.ui.card.focus-container"]') as unknown as HTMLElement).click();
    expect(window.location.search).toBe(`?selectedIssue=${key}`);
    await window.happyDOM.waitUntilComplete();
    expect(document.body).toBe(marker);
    expect(window.history.length).toBe(2);
    const title = document.querySelector(`${PANEL} ${CLOUD_TITLE!}`);
    expect(title?.textContent).toBe(site('acme.atlassian.net').issues.find((i) => i.key === key)!.summary);

    (document.querySelector(`${PANEL} button[aria-label="Close"]`) as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(path);
    expect(window.location.search).toBe('');
    expect(document.querySelector(PANEL)).toBeNull();
  });

  it('opens the panel from a card’s key link too, instead of following it', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const window = await open(`https://acme.atlassian.net/jira/software/c/projects/PAY/boards/${pay.id}`);
    const link = window.document.querySelectorAll(SELECTORS.boardCardLink[0]!)[1]!;
    const key = link.textContent;
    (link as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.search).toBe(`?selectedIssue=${key}`);
    expect(window.document.querySelectorAll(CLOUD_TITLE!)).toHaveLength(1);
  });

  it('opens a backlog row in the preview panel with pushState, whether the row or its key link is clicked', async () => {
    const pay = board('acme.atlassian.net', 'PAY');
    const path = `/jira/software/c/projects/PAY/boards/${pay.id}/backlog`;
    const window = await open(`https://acme.atlassian.net${path}`);
    const { document } = window;
    const marker = document.body;
    const [first, second] = [...document.querySelectorAll(SELECTORS.tableRow[0]!)];
    const keyOf = (row: { getAttribute(name: string): string | null }) => row.getAttribute('data-testid')!.split('.').pop()!;

    (first!.querySelector('[data-testid$="interaction-layer.accessible-card"]') as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(path);
    expect(window.location.search).toBe(`?selectedIssue=${keyOf(first!)}`);
    expect(document.body).toBe(marker);
    expect(document.querySelector(`${PANEL} ${CLOUD_TITLE!}`)?.textContent).toBe(site('acme.atlassian.net').issues.find((i) => i.key === keyOf(first!))!.summary);

    (second!.querySelector(SELECTORS.tableRowLink[0]!) as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.search).toBe(`?selectedIssue=${keyOf(second!)}`);
    expect(document.querySelectorAll(CLOUD_TITLE!)).toHaveLength(1);
  });

  it('swaps the work item view in place when a link leads to another work item, and goes back with popstate', async () => {
    const blocked = site('acme.atlassian.net').issues.find((i) => i.blockedBy.length > 0)!;
    const blocker = site('acme.atlassian.net').issues.find((i) => i.key === blocked.blockedBy[0])!;
    const window = await open(`https://acme.atlassian.net/browse/${blocked.key}`);
    const { document } = window;
    const marker = document.body;
    (document.querySelector(`a[data-testid="issue.issue-view.views.common.issue-line-card.issue-line-card-view.key"][href="/browse/${blocker.key}"]`) as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(`/browse/${blocker.key}`);
    expect(document.body).toBe(marker);
    expect(document.querySelector(CLOUD_TITLE!)?.textContent).toBe(blocker.summary);
    expect(document.title).toBe(`[${blocker.key}] ${blocker.summary} - Jira`);

    const before = requestsTo(`/browse/${blocked.key}`);
    window.history.back();
    await window.happyDOM.waitUntilComplete();
    expect(window.location.pathname).toBe(`/browse/${blocked.key}`);
    expect(requestsTo(`/browse/${blocked.key}`)).toBe(before + 1);
    expect(document.querySelector(CLOUD_TITLE!)?.textContent).toBe(blocked.summary);
  });

  it('opens a Data Center board card in the detail view without a reload', async () => {
    const dcBoard = board('jira.example.test', 'DC');
    const window = await open(`https://jira.example.test/secure/RapidBoard.jspa?rapidView=${dcBoard.id}&projectKey=DC`);
    const card = window.document.querySelector(SELECTORS.boardCard[1]!)!;
    const key = card.getAttribute('data-issue-key')!;
    (card.querySelector('.ghx-summary') as unknown as HTMLElement).click();
    await window.happyDOM.waitUntilComplete();
    expect(new URL(window.location.href).searchParams.get('selectedIssue')).toBe(key);
    expect(window.document.querySelector(DC_DETAIL_TITLE!)?.textContent).toBe(site('jira.example.test').issues.find((i) => i.key === key)!.summary);
  });
});
