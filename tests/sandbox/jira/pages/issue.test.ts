import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import type { JiraIssue, JiraSite } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { fetchPage, fixtureMeta, keyFromHref, matchCounts, matches } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const [CLOUD_TITLE, DC_TITLE] = SELECTORS.itemTitle;

describe('Jira work item pages', () => {
  let sandbox: Sandbox;
  const cloud = (): JiraSite => sandbox.data.jira.find((site) => site.host === 'acme.atlassian.net')!;
  const dc = (): JiraSite => sandbox.data.jira.find((site) => site.host === 'jira.example.test')!;
  const issue = (site: JiraSite, key: string): JiraIssue => site.issues.find((i) => i.key === key)!;
  /** The sprint an issue is in now: its last one (a spilled-over story keeps both, as on Jira). */
  const sprintOf = (item: JiraIssue): string => cloud().sprints.find((s) => s.id === item.sprintIds.at(-1))?.name ?? 'None';

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('serves the Cloud work item view where the newest title selector finds the summary, and nothing else matches', async () => {
    const page = await fetchPage(sandbox, 'https://acme.atlassian.net/browse/PAY-5');
    expect(page.status).toBe(200);
    expect(fixtureMeta(page.document)).toMatch(/^jira issue — Jira Cloud .*2025–2026/);
    expect(page.html).toMatch(/^<!DOCTYPE html>\n<!-- Stint page fixture/);

    const titles = matches(page.document, CLOUD_TITLE!);
    expect(titles).toHaveLength(1);
    expect(titles[0]!.tagName).toBe('H1');
    expect(titles[0]!.textContent).toBe(issue(cloud(), 'PAY-5').summary);
    expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [1, 0, 0], listRow: [0, 0], boardCard: [0, 0], tableRow: [0] });
  });

  it('renders the Cloud view around the anchors: breadcrumbs, status, people, sprint and time tracking', async () => {
    const pay5 = issue(cloud(), 'PAY-5');
    const { document } = await fetchPage(sandbox, 'https://acme.atlassian.net/browse/PAY-5');
    const current = document.querySelector('[data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container"] > a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]');
    expect(keyFromHref(current)).toBe('PAY-5');
    expect(keyFromHref(document.querySelector('[data-testid="issue.views.issue-base.foundation.breadcrumbs.parent-issue.item"]'))).toBe(pay5.parentKey);
    // The heading sits in the left column, after the header with the breadcrumbs, as on the real page.
    const left = document.querySelector('[data-testid="issue.views.issue-details.issue-layout.container-left"]')!;
    expect(left.querySelector(`#jira-issue-header + ${CLOUD_TITLE}`)).not.toBeNull();
    expect(document.querySelector('main#ak-main-content [data-testid="issue.views.issue-details.issue-layout.issue-layout"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="issue-field-status.ui.status-view.status-button.status-button"]')?.textContent).toBe(pay5.status.name);
    const assignee = document.querySelector('[data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee"] [data-testid="issue.views.field.user.assignee"]');
    expect(assignee?.textContent?.trim()).toBe(sandbox.data.people.find((p) => p.id === pay5.assignee)?.name ?? 'Unassigned');
    expect(document.querySelector('[data-testid="issue-field-heading-styled-field-heading.customfield_10020"] + div')?.textContent).toBe(sprintOf(pay5));
    expect(document.querySelector('[data-testid="issue-field-heading-styled-field-heading.labels"] + div')?.textContent?.trim()).toBe(pay5.labels.join(' ') || 'None');
    expect(document.querySelector('[data-testid="issue-field-heading-styled-field-heading.timetracking"] + div')?.textContent).toMatch(/(logged|No time logged) · .* remaining/);
    expect(document.querySelectorAll('.worklog')).toHaveLength(pay5.worklogs.length);
  });

  it('renders the 255-character PAY summary whole, in a heading that wraps', async () => {
    const long = cloud().issues.find((i) => i.summary.length > 200)!;
    expect(long.projectKey).toBe('PAY');
    const { document, html } = await fetchPage(sandbox, `https://acme.atlassian.net/browse/${long.key}`);
    expect(matches(document, CLOUD_TITLE!)[0]!.textContent).toBe(long.summary);
    expect(html).toMatch(/h1\[data-testid="issue\.views\.issue-base\.foundation\.summary\.heading"\]\{[^}]*white-space:pre-wrap;overflow-wrap:anywhere/);
  });

  it('shows seeded markup in a summary as text, in the heading and the document title', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert("x")</script> & "quotes"';
    issue(cloud(), 'PAY-7').summary = hostile;
    const { document } = await fetchPage(sandbox, 'https://acme.atlassian.net/browse/PAY-7');
    const title = matches(document, CLOUD_TITLE!)[0]!;
    expect(title.textContent).toBe(hostile);
    expect(title.children).toHaveLength(0);
    expect(document.title).toBe(`[PAY-7] ${hostile} - Jira`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    // The page's own script is the only one.
    expect(document.querySelectorAll('script')).toHaveLength(1);
  });

  it('serves the Data Center view issue page, proven by the older title selector only', async () => {
    const page = await fetchPage(sandbox, 'https://jira.example.test/browse/DC-4');
    expect(page.status).toBe(200);
    expect(fixtureMeta(page.document)).toMatch(/^jira issue — Jira Data Center/);
    expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [0, 1, 0], listRow: [0, 0], boardCard: [0, 0], tableRow: [0] });
    const title = matches(page.document, DC_TITLE!)[0]!;
    expect(title.tagName).toBe('H1');
    expect(title.textContent).toBe(issue(dc(), 'DC-4').summary);
    expect(page.document.querySelector('#issue-content .issue-header-content .aui-page-header-main > h1#summary-val')).toBe(title);
    expect(keyFromHref(page.document.querySelector('ol.aui-nav-breadcrumbs a#key-val'))).toBe('DC-4');
    expect(page.document.querySelector('#status-val')?.textContent).toBe(issue(dc(), 'DC-4').status.name);
    expect(page.document.querySelector('#timetrackingmodule #tt_single_values_orig')).not.toBeNull();
    expect(page.document.body.id).toBe('jira');
  });

  it('follows the colour mode the way Jira does: html[data-color-mode] and the design-token data-theme', async () => {
    for (const url of ['https://acme.atlassian.net/browse/PAY-5', 'https://jira.example.test/browse/DC-4']) {
      const light = (await fetchPage(sandbox, url)).document.documentElement;
      const dark = (await fetchPage(sandbox, `${url}?theme=dark`)).document.documentElement;
      expect(light.getAttribute('data-color-mode')).toBe('light');
      expect(dark.getAttribute('data-color-mode')).toBe('dark');
      expect(dark.getAttribute('data-theme')).toMatch(/(^| )dark:dark( |$)/);
      expect(dark.getAttribute('data-theme')).toMatch(/(^| )light:light( |$)/);
    }
  });

  it('redirects a lower-case key to the canonical one, as Jira does', async () => {
    const page = await fetchPage(sandbox, 'https://acme.atlassian.net/browse/pay-5?theme=dark');
    expect(page.status).toBe(302);
    expect(page.location).toBe('/browse/PAY-5?theme=dark');
  });

  it('never puts a token on a page', async () => {
    const pages = await Promise.all(['https://acme.atlassian.net/browse/PAY-5', 'https://jira.example.test/browse/DC-4'].map((url) => fetchPage(sandbox, url)));
    const tokens = sandbox.data.jira.flatMap((site) => site.tokens.map((token) => token.value));
    for (const page of pages) for (const token of tokens) expect(page.html).not.toContain(token);
  });
});
