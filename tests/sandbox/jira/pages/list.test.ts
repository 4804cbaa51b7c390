import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import type { JiraSite } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { fetchPage, fixtureMeta, keyFromHref, matchCounts, matches } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);
const [CLOUD_ROW, DC_ROW] = SELECTORS.listRow;
const [CLOUD_ROW_LINK, DC_ROW_LINK] = SELECTORS.listRowLink;

describe('Jira issue navigator pages', () => {
  let sandbox: Sandbox;
  const site = (host: string): JiraSite => sandbox.data.jira.find((s) => s.host === host)!;
  /** Each row's key, read the way Stint reads it: the row's link selector, then the link's URL. */
  const rowKeys = (document: Document, row: string, link: string) => matches(document, row).map((el) => keyFromHref(el.querySelector(link)));
  const newestFirst = (host: string, projectKey: string) =>
    site(host)
      .issues.filter((i) => i.projectKey === projectKey)
      .sort((a, b) => b.created - a.created)
      .map((i) => i.key);

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  it('lists a space’s work items 50 to a page, one native-table row each, newest first', async () => {
    const all = newestFirst('acme.atlassian.net', 'PAY');
    expect(all).toHaveLength(64);
    const first = await fetchPage(sandbox, 'https://acme.atlassian.net/jira/software/c/projects/PAY/issues');
    expect(first.status).toBe(200);
    expect(fixtureMeta(first.document)).toMatch(/^jira list — Jira Cloud issue navigator.*2025–2026/);
    expect(matchCounts(first.document, SELECTORS)).toEqual({ itemTitle: [0, 0, 0], listRow: [50, 0], boardCard: [0, 0], tableRow: [0] });
    expect(rowKeys(first.document, CLOUD_ROW!, CLOUD_ROW_LINK!)).toEqual(all.slice(0, 50));
    expect(matches(first.document, `table[data-vc="issue-table"][aria-label="Work"] > tbody > tr${CLOUD_ROW!}`)).toHaveLength(50);

    const nextHref = first.document.querySelector('nav[aria-label="Pagination"] a[aria-label="Next page"]')?.getAttribute('href');
    expect(nextHref).toBe('/jira/software/c/projects/PAY/issues?startIndex=50');
    const second = await fetchPage(sandbox, `https://acme.atlassian.net${nextHref}`);
    expect(rowKeys(second.document, CLOUD_ROW!, CLOUD_ROW_LINK!)).toEqual(all.slice(50));
  });

  it('answers /issues/?jql= with the matching work items, and shows the longest seeded summary whole in its row', async () => {
    const ops = await fetchPage(sandbox, `https://acme.atlassian.net/issues/?jql=${encodeURIComponent('project = OPS ORDER BY created DESC')}`);
    expect(rowKeys(ops.document, CLOUD_ROW!, CLOUD_ROW_LINK!)).toEqual(newestFirst('acme.atlassian.net', 'OPS'));

    const long = site('acme.atlassian.net').issues.find((i) => i.summary.length > 200)!;
    const pay = await fetchPage(sandbox, `https://acme.atlassian.net/issues/?jql=${encodeURIComponent('project = "PAY"')}&startIndex=0`);
    const keys = rowKeys(pay.document, CLOUD_ROW!, CLOUD_ROW_LINK!);
    const row = matches(pay.document, CLOUD_ROW!)[keys.indexOf(long.key)];
    expect(row?.querySelector('[data-testid="native-issue-table.common.ui.issue-cells.issue-summary.issue-summary-cell"]')?.textContent).toBe(long.summary);
  });

  it('keeps seeded markup in a row as text', async () => {
    const hostile = '<img src=x onerror="alert(1)"><i>x</i>';
    site('acme.atlassian.net').issues.find((i) => i.key === 'OPS-3')!.summary = hostile;
    const { document } = await fetchPage(sandbox, `https://acme.atlassian.net/issues/?jql=${encodeURIComponent('project = OPS')}`);
    const row = matches(document, CLOUD_ROW!).find((el) => keyFromHref(el.querySelector(CLOUD_ROW_LINK!)) === 'OPS-3')!;
    expect(row.textContent).toContain(hostile);
    expect(matches(document, 'img, i')).toHaveLength(0);
  });

  it('serves the Data Center issue navigator, proven by the older row selectors', async () => {
    const page = await fetchPage(sandbox, `https://jira.example.test/issues/?jql=${encodeURIComponent('project = DC')}`);
    expect(page.status).toBe(200);
    expect(fixtureMeta(page.document)).toMatch(/^jira list — Jira Data Center issue navigator/);
    expect(matchCounts(page.document, SELECTORS)).toEqual({ itemTitle: [0, 0, 0], listRow: [0, 15], boardCard: [0, 0], tableRow: [0] });
    expect(rowKeys(page.document, DC_ROW!, DC_ROW_LINK!)).toEqual(newestFirst('jira.example.test', 'DC'));
    expect(matches(page.document, `table#issuetable > tbody > ${DC_ROW!}.issuerow`)).toHaveLength(15);
    // The row's first issue link is the key cell's.
    for (const row of matches(page.document, DC_ROW!)) expect(row.querySelector(DC_ROW_LINK!)?.closest('td')?.className).toBe('issuekey');
  });

  it('has no project issues page on Data Center and no unknown space on Cloud', async () => {
    expect((await fetchPage(sandbox, 'https://jira.example.test/jira/software/c/projects/DC/issues')).status).toBe(404);
    expect((await fetchPage(sandbox, 'https://acme.atlassian.net/jira/software/c/projects/NOPE/issues')).status).toBe(404);
  });
});
